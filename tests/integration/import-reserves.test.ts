/** Importing a clerk's own 后备人才 and 培训记录 sheets: every status, errors at their cells, commit, read back, undo. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { ImportPreviewOut } from '../../core/import/schemas';
import type { JobStatus } from '../../core/jobs/schemas';
import type { ReserveDetail } from '../../core/reserves/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');
let host: LedgerHost;
let close: () => Promise<void>;

const WANG = makeIdNumber('1990-03-01', '男', 1);
const LI = makeIdNumber('1988-07-15', '女', 2);
const ZHAO = makeIdNumber('1985-01-10', '男', 3);
const SUN = makeIdNumber('1993-05-05', '男', 4);
const SOURCES = '外出务工经商人员、返乡大学生、返乡企业家、退役军人、其他优秀人才';

async function run<T>(method: 'import.preview' | 'import.commit', input: Record<string, unknown>): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw new Error(done.error?.message ?? done.state);
  return done.result as T;
}

async function sheet(title: string, header: string[], rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow([title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const get = async (id: number) => (await host.invoke('reserves.get', { id })) as ReserveDetail;
const list = async () => ((await host.invoke('reserves.list', { pageSize: 50 })) as { items: { id: number; name: string }[] }).items;
const idOf = async (name: string) => (await list()).find((r) => r.name === name)!.id;

let liId = 0;
let zhaoId = 0;
beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const [one, two] = (await host.invoke('org.listUnits', {})) as { id: number }[] as [{ id: number }, { id: number }];
  const li = (await host.invoke('people.create', { name: '李梅', idNumber: LI, ethnicity: '01', education: '21', unitId: one.id })) as { id: number };
  const zhao = (await host.invoke('people.create', { name: '赵强', idNumber: ZHAO, ethnicity: '03', education: '61', unitId: two.id })) as { id: number };
  await host.invoke('people.create', { name: '孙立', idNumber: SUN, ethnicity: '01', unitId: two.id });
  const common = { crossVillage: false, underDiscipline: false };
  liId = ((await host.invoke('reserves.create', { ...common, personId: li.id, unitId: one.id, postDirection: '书记后备', source: '返乡大学生', nominationMethod: '组织推荐', nominatedOn: '2026-03-01', townReviewOn: '2026-04-10' })) as { id: number }).id;
  zhaoId = ((await host.invoke('reserves.create', { ...common, personId: zhao.id, unitId: two.id, postDirection: '两委委员后备', source: '退役军人', nominationMethod: '群众举荐', nominatedOn: '2026-02-01', townReviewOn: '2026-03-01' })) as { id: number }).id;
});
afterAll(() => close());

describe('后备人才 import', () => {
  let file: string;
  it('maps the clerk’s names and judges each row: new person and reserve, changed, identical, unknown 来源类别', async () => {
    file = await sheet(
      '多巴镇村“两委”后备人才名册',
      ['序号', '姓名', '身份证号码', '性别', '民族', '出生年月', '文化程度', '村名', '后备类型', '人员来源', '推荐方式', '推荐时间', '入库时间', '帮带导师'],
      [
        [1, '王小军', WANG, '男', '汉', '1990-03-01', '大专', '多巴一村委会', '两委委员后备', '返乡企业家', '自荐', '2026.5.1', '2026年6月15日', '张明'], // not in the 人员库: both new
        [2, '李梅', LI, null, null, null, null, '多巴一村', '书记后备', '返乡大学生', '组织推荐', '2026-03-01', '2026-04-20', '李红梅'], // 入库 moved, a mentor: 更新
        [3, '赵强', ZHAO, null, null, null, null, '多巴二村', '两委委员后备', '退役军人', '群众举荐', '2026-02-01', null, null], // blank keeps: 跳过
        [4, '孙立', SUN, null, null, null, null, '多巴二村', '两委委员后备', '大学生村官', '组织推荐', '2026-06-01', null, null],
      ],
    );
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'reserves', fileName: '后备人才.xlsx', base64: file });
    expect(p.headerRow).toBe(2);
    expect(p.columns.map((c) => c.key)).toEqual([null, 'name', 'idNumber', 'gender', 'ethnicity', 'birthDate', 'education', 'unit', 'postDirection', 'source', 'nominationMethod', 'nominatedOn', 'townReviewOn', 'mentorName']);
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, '新增'],
      [4, '更新'],
      [5, '跳过'],
      [6, '错误'],
    ]);
    expect(p.rows[3]!.problems).toEqual([{ row: 6, col: 'J', header: '人员来源', value: '大学生村官', message: `来源类别“大学生村官”不在本乡镇的来源类别中，可选：${SOURCES}` }]);
  });

  it('commits, reads back through reserves.get, and the undo restores the state before', async () => {
    const r = await run<{ batchId: number; inserted: number; updated: number; skipped: number; errors: number }>('import.commit', { kind: 'reserves', fileName: '后备人才.xlsx', base64: file });
    expect(r).toMatchObject({ inserted: 1, updated: 1, skipped: 1, errors: 1 });
    const wang = await get(await idOf('王小军'));
    expect(wang.facts).toMatchObject({ postDirection: '两委委员后备', source: '返乡企业家', nominationMethod: '个人自荐', nominatedOn: '2026-05-01', townReviewOn: '2026-06-15', mentorName: '张明' });
    expect(wang.person.idNumber).toBe(WANG);
    expect(wang.row).toMatchObject({ name: '王小军', unitName: '多巴一村', status: '在库', statusOn: '2026-06-15', gender: '男', birthDate: '1990-03-01' });
    expect(wang.events.map((e) => [e.kind, e.date])).toEqual([['推荐', '2026-05-01'], ['入库', '2026-06-15']]);
    const li = await get(liId);
    expect(li.facts).toMatchObject({ townReviewOn: '2026-04-20', mentorName: '李红梅', source: '返乡大学生' });
    expect(li.row.statusOn).toBe('2026-04-20');
    expect((await get(zhaoId)).facts.townReviewOn).toBe('2026-03-01');

    await host.invoke('import.undo', { batchId: r.batchId });
    expect((await list()).map((x) => x.name).sort()).toEqual(['李梅', '赵强'].sort());
    expect(((await host.invoke('people.list', { q: '王小军' })) as { total: number }).total).toBe(0);
    const back = await get(liId);
    expect(back.facts).toMatchObject({ townReviewOn: '2026-04-10', mentorName: null });
    expect(back.row).toMatchObject({ status: '在库', statusOn: '2026-04-10' });
    expect(back.events.map((e) => [e.kind, e.date])).toEqual([['推荐', '2026-03-01'], ['入库', '2026-04-10']]);
  });
});

describe('后备人才培训记录 import', () => {
  it('adds a class of one, updates one, skips the same, refuses a larger class, a non-reserve and an unknown type; undo puts it back', async () => {
    const train = (input: Record<string, unknown>) => host.invoke('reserves.addTraining', { costFen: 0, ...input });
    await train({ type: '集中培训', title: '春季培训班', startOn: '2026-04-01', hours: 16, reserveIds: [liId] });
    await train({ type: '入企挂职', host: '某公司', startOn: '2026-06-01', hours: 40, reserveIds: [zhaoId] });
    await train({ type: '乡镇机关历练', startOn: '2026-05-01', hours: 80, costFen: 100_000, fundingSource: '乡镇自筹', costItem: '挂职补贴', reserveIds: [liId, zhaoId] });
    expect((await get(zhaoId)).row.trainingHours).toBe(120);

    const base64 = await sheet(
      '后备人才培养情况登记表',
      ['姓名', '身份证号码', '培训类型', '培训名称', '主办单位', '开始时间', '结束时间', '学时', '培训经费', '经费来源', '经费科目', '结业情况'],
      [
        ['李梅', LI, '集中培训', '春季培训班', null, '2026-04-01', null, 16, null, null, null, null], // 跳过
        ['赵强', ZHAO, '大专班', '学历提升', '青海开放大学', '2026-09-01', null, 120, '1,500.50', '乡镇自筹', '学历提升补助', '在读'], // 新增
        ['赵强', ZHAO, '入企挂职', null, null, '2026-06-01', '2026-07-31', 60, null, null, null, '合格'], // 更新 (a class of one)
        ['李梅', LI, '乡镇机关历练', null, null, '2026-05-01', null, 90, null, null, null, null], // a class of two
        ['王小军', WANG, '集中培训', null, null, '2026-04-01', null, 8, null, null, null, null], // not a reserve
        ['李梅', LI, '夜校', null, null, '2026-04-01', null, 8, null, null, null, null], // not a type of the township
      ],
    );
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'reserve-trainings', fileName: '培训.xlsx', base64 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, '跳过'],
      [4, '新增'],
      [5, '更新'],
      [6, '错误'],
      [7, '错误'],
      [8, '错误'],
    ]);
    expect(p.rows[3]!.problems).toEqual([{ row: 6, col: null, header: null, value: '', message: '该培训为多人班次（2 人），请在台账中修改' }]);
    expect(p.rows[4]!.problems[0]).toMatchObject({ col: 'B', header: '身份证号码', message: expect.stringContaining('不在后备人才名册中') });
    expect(p.rows[5]!.problems[0]).toMatchObject({ col: 'C', value: '夜校', message: '培养类型“夜校”不在本乡镇的培养类型中，可选：入企挂职、乡镇机关历练、大专班、集中培训' });

    const r = await run<{ batchId: number }>('import.commit', { kind: 'reserve-trainings', fileName: '培训.xlsx', base64 });
    expect(r).toMatchObject({ inserted: 1, updated: 1, skipped: 1, errors: 3 });
    const zhao = await get(zhaoId);
    // 80 (历练) + 60 (挂职, updated from 40) + 120 (大专班).
    expect(zhao.row.trainingHours).toBe(260);
    const byType = (d: ReserveDetail, type: string) => d.trainings.find((t) => t.type === type)!;
    expect(byType(zhao, '大专班')).toMatchObject({ title: '学历提升', host: '青海开放大学', hours: 120, costFen: 150_050, classCostFen: 150_050, classSize: 1, fundingSource: '乡镇自筹', costItem: '学历提升补助', result: '在读' });
    expect(byType(zhao, '入企挂职')).toMatchObject({ host: '某公司', endOn: '2026-07-31', hours: 60, result: '合格', classSize: 1 });
    expect(byType(zhao, '乡镇机关历练')).toMatchObject({ hours: 80, costFen: 50_000 });

    await host.invoke('import.undo', { batchId: r.batchId });
    const back = await get(zhaoId);
    expect(back.row.trainingHours).toBe(120);
    expect(back.trainings.map((t) => t.type)).toEqual(['乡镇机关历练', '入企挂职']);
    expect(byType(back, '入企挂职')).toMatchObject({ endOn: null, hours: 40, result: null });
  });
});
