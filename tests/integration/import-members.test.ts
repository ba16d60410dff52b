/**
 * Importing a 发展党员台账: a clerk's own sheet with their column names, the rules applied as the form applies them
 * (党章 conditions refuse, 细则 windows need a 特殊情况说明, missing facts are 未录入 notes), the ledger's own 花名册
 * re-imported unchanged, and 撤销本次导入 putting every file back.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { JobStatus } from '../../core/jobs/schemas';
import type { ImportPreviewOut } from '../../core/import/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');
let host: LedgerHost;
let close: () => Promise<void>;

const WANG = makeIdNumber('1990-03-01', '男', 1);
const LI = makeIdNumber('1988-07-15', '女', 2);
const QIAN = makeIdNumber('1992-02-02', '男', 3);
const ZHAO = makeIdNumber('1985-01-10', '男', 4);
const SUN = makeIdNumber('1993-05-05', '男', 5);
const ZHOU = makeIdNumber('1995-06-06', '女', 6);
const WU = makeIdNumber('1994-08-08', '男', 7);
const ZHENG = makeIdNumber('2006-03-01', '男', 8);

const REASON = '因外出务工返乡，经镇党委研究提前确定';

const HEADER = [
  '序号', '姓名', '性别', '民族', '身份证号码', '所在村', '党支部', '申请入党时间', '谈话时间', '确定积极分子时间', '确定发展对象时间', '入党介绍人',
  '政审时间', '政审结论', '入党时间', '应到人数', '实到人数', '赞成', '反对', '弃权', '党委审批时间', '转正时间', '批准转正时间', '特殊情况说明',
];

/** The clerk's own 台账: a merged title, their column names, dates as they type them. */
async function clerkLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发展党员台账');
  ws.addRow(['多巴镇发展党员工作台账']);
  ws.mergeCells('A1:X1');
  ws.addRow(HEADER);
  const row = (cells: (string | number | null)[]) => ws.addRow(cells);
  // 3: a whole history, new person; 介绍人 named but the sheet has no 确定入党介绍人 date.
  row([1, '王小军', '男', '汉', WANG, '多巴一村', '多巴一村党支部', '2021-03-01', '2021-03-20', '2021.9.1', '2022-09-05', '张明、王芳', '2022-10-10', '合格', '2022-12-01', 15, 13, 13, 0, 0, '2022-12-20', '2023-12-05', '2024-01-10', null]);
  // 4: already in the 人员库, no file yet; 积极分子 only to the month.
  row([2, '李梅', '女', '汉族', LI, '多巴一村', null, '2024.5.10', '2024年5月30日', '2024年11月', null, null, null, null, null, null, null, null, null, null, null, null, null, null]);
  // 5: a file in progress: 谈话 date changed, 积极分子 added.
  row([3, '钱进', '男', '汉', QIAN, '多巴二村', null, '2025-01-10', '2025-02-05', '2025-07-15', null, null, null, null, null, null, null, null, null, null, null, null, null, null]);
  // 6: the 支部大会 counts are there and break the quorum (and the majority).
  row([4, '赵强', '男', '回', ZHAO, '多巴二村', null, '2020-03-01', '2020-03-15', '2020-09-01', '2021-09-10', null, '2021-10-01', '合格', '2021-12-01', 10, 5, 5, 0, 0, '2021-12-20', null, null, null]);
  // 7: the same history without any counts, as most old 台账.
  row([5, '孙立', '男', '汉', SUN, '多巴一村', null, '2021-03-01', '2021-03-25', '2021-09-01', '2022-09-10', null, '2022-10-01', '合格', '2022-12-01', null, null, null, null, null, '2022-12-25', null, null, null]);
  // 8 and 9: 发展对象 nine months after 积极分子 (R09), without and with a 特殊情况说明.
  row([6, '周婷', '女', '汉', ZHOU, '多巴一村', null, '2023-01-05', '2023-01-20', '2023-06-01', '2024-03-01', null, null, null, null, null, null, null, null, null, null, null, null, null]);
  row([7, '吴刚', '男', '汉', WU, '多巴一村', null, '2023-01-05', '2023-01-20', '2023-06-01', '2024-03-01', null, null, null, null, null, null, null, null, null, null, null, null, REASON]);
  // 10: seventeen at the application (R01, a 党章 condition): no 特殊情况说明 lets it in.
  row([8, '郑小', '男', '汉', ZHENG, '多巴一村', null, '2023-05-01', '2023-05-10', null, null, null, null, null, null, null, null, null, null, null, null, null, null, '家长同意']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function run<T>(method: 'import.preview' | 'import.commit', input: Record<string, unknown>): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw Object.assign(new Error(done.error?.message ?? done.state), { status: done });
  return done.result as T;
}

interface StepView {
  id: number | null;
  stepNo: number;
  date: string | null;
  people: { name: string }[];
  meeting: { expected: number; present: number; for: number; against: number; abstain: number } | null;
  overrideReason: string | null;
}
interface Detail {
  id: number;
  personName: string;
  stage: number;
  status: string;
  branchName: string | null;
  steps: StepView[];
  review: { conclusionResult?: string | null; conclusionDate?: string | null };
}
type Page = { total: number; items: { id: number; personName: string }[] };

const fileOf = async (name: string) => {
  const page = (await host.invoke('members.list', { q: name })) as Page;
  return (await host.invoke('members.get', { id: page.items[0]!.id })) as Detail;
};
const dated = (d: Detail) => Object.fromEntries(d.steps.filter((s) => s.date).map((s) => [s.stepNo, s.date]));

let file: string;
let qianBefore: Detail;
beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const units = (await host.invoke('org.listUnits', {})) as { id: number; name: string }[];
  await host.invoke('org.addBranch', { unitId: units[0]!.id, name: '多巴一村党支部' });
  await host.invoke('people.create', { name: '李梅', idNumber: LI, ethnicity: '01', unitId: units[0]!.id });
  const qian = (await host.invoke('people.create', { name: '钱进', idNumber: QIAN, ethnicity: '01', unitId: units[1]!.id })) as { id: number };
  const rec = (await host.invoke('members.create', { personId: qian.id, applicationDate: '2025-01-10' })) as { id: number };
  await host.invoke('members.recordStep', { recordId: rec.id, stepNo: 2, date: '2025-01-25', people: [{ name: '李红梅' }] });
  qianBefore = (await host.invoke('members.get', { id: rec.id })) as Detail;
  file = (await clerkLedger()).toString('base64');
});
afterAll(() => close());

describe('a clerk’s own 发展党员台账', () => {
  let p: ImportPreviewOut;
  const byRow = (n: number) => p.rows.find((r) => r.row === n)!;

  it('maps their column names and judges every row as the form would', async () => {
    p = await run<ImportPreviewOut>('import.preview', { kind: 'members', fileName: '台账.xlsx', base64: file });
    expect(p).toMatchObject({ sheet: '发展党员台账', headerRow: 2 });
    expect(p.columns.map((c) => c.key)).toEqual([
      null, 'name', 'gender', 'ethnicity', 'idNumber', 'unit', 'branch', 'step1', 'step2', 'step3', 'step7', 'introducers9',
      'step10', 'reviewResult', 'step15', 'm15Expected', 'm15Present', 'm15For', 'm15Against', 'm15Abstain', 'step17', 'step23', 'step24', 'reason',
    ]);
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, '新增'],
      [4, '新增'],
      [5, '更新'],
      [6, '错误'],
      [7, '新增'],
      [8, '错误'],
      [9, '新增'],
      [10, '错误'],
    ]);
    expect(p.counts).toEqual({ 新增: 4, 更新: 1, 跳过: 0, 错误: 3 });
  });

  it('refuses counts that break the quorum and the majority (党章) at their columns', () => {
    expect(byRow(6).problems).toEqual([
      { row: 6, col: 'Q', header: '实到人数', value: '5', message: '【R17】第15个流程节点（支部大会讨论）实到5人，未超过应到有表决权10人的半数。此项不能以特殊情况说明导入，请核对后修改' },
      { row: 6, col: 'R', header: '赞成', value: '5', message: '【R18】第15个流程节点（支部大会讨论）赞成5人，未超过应到有表决权10人的半数。此项不能以特殊情况说明导入，请核对后修改' },
    ]);
  });

  it('imports a row without counts, noting them 未录入 at the counts column', () => {
    expect(byRow(7).problems).toEqual([]);
    expect(byRow(7).notes).toContainEqual({
      row: 7,
      col: 'P',
      header: '应到人数',
      value: '',
      message: '【R17】第15个流程节点（支部大会讨论）未记录应到、实到、赞成、反对、弃权人数（台账中未录入，导入后请在档案中补全）',
    });
    // No 介绍人 either: a reminder, not the 党章 refusal it would be with one name typed.
    expect(byRow(7).notes.map((n) => n.message)).toContain('【R10】入党介绍人应为2名正式党员，现记录0名（台账中未录入，导入后请在档案中补全）');
  });

  it('refuses a 细则 window without a 特殊情况说明 and accepts it with one', () => {
    const r09 = '【R09】确定发展对象日期 2024-03-01 距确定入党积极分子日期 2023-06-01 不满一年（最早 2024-06-01）';
    expect(byRow(8).problems).toEqual([
      { row: 8, col: 'K', header: '确定发展对象时间', value: '2024-03-01', message: `${r09}。如确属特殊情况，请在“特殊情况说明”列填写原因后再导入` },
    ]);
    expect(byRow(9).problems).toEqual([]);
    expect(byRow(9).notes).toContainEqual({ row: 9, col: 'K', header: '确定发展对象时间', value: '2024-03-01', message: `${r09}（已按特殊情况说明导入）` });
  });

  it('refuses a person under 18 at the application, 特殊情况说明 or not', () => {
    expect(byRow(10).problems).toEqual([
      { row: 10, col: 'H', header: '申请入党时间', value: '2023-05-01', message: '【R01】申请日期 2023-05-01 时年仅17周岁（出生日期 2006-03-01），须年满18周岁（2024-03-01 起）。此项不能以特殊情况说明导入，请核对后修改' },
    ]);
  });

  it('says what it could not take: a month-only date, 介绍人 without their step’s date', () => {
    expect(byRow(4).notes).toContainEqual({ row: 4, col: 'J', header: '确定积极分子时间', value: '2024年11月', message: '仅到月，已按当月1日录入，请补全日期' });
    expect(byRow(3).notes).toContainEqual({
      row: 3,
      col: 'L',
      header: '入党介绍人',
      value: '张明、王芳',
      message: '已填写入党介绍人，但没有第9个流程节点（确定入党介绍人）的日期，入党介绍人未导入，请补全日期',
    });
  });
});

describe('the blank template', () => {
  it('re-imports with every column matched and its example row judged 新增', async () => {
    const t = (await host.invoke('import.template', { kind: 'members' })) as { fileName: string; base64: string };
    expect(t.fileName).toBe('发展党员台账导入模板.xlsx');
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'members', fileName: t.fileName, base64: t.base64 });
    expect(p.columns.filter((c) => c.key === null)).toEqual([]);
    expect(p.rows.map((r) => [r.status, r.problems])).toEqual([['新增', []]]);
  });
});

describe('commit, re-import of the ledger’s own 花名册, and undo', () => {
  let batchId: number;

  it('writes the valid rows; the files read back with their steps and stages', async () => {
    const r = await run<{ batchId: number; inserted: number; updated: number; skipped: number; errors: number }>('import.commit', { kind: 'members', fileName: '台账.xlsx', base64: file, mode: 'valid' });
    expect(r).toMatchObject({ inserted: 4, updated: 1, skipped: 0, errors: 3 });
    batchId = r.batchId;
    expect(((await host.invoke('members.list', {})) as Page).total).toBe(5);

    const wang = await fileOf('王小军');
    expect(dated(wang)).toEqual({
      1: '2021-03-01', 2: '2021-03-20', 3: '2021-09-01', 7: '2022-09-05', 10: '2022-10-10', 15: '2022-12-01', 17: '2022-12-20', 23: '2023-12-05', 24: '2024-01-10',
    });
    expect(wang).toMatchObject({ stage: 5, status: '正式党员', branchName: '多巴一村党支部', review: { conclusionResult: '合格', conclusionDate: '2022-10-10' } });
    expect(wang.steps.find((s) => s.stepNo === 15)!.meeting).toEqual({ expected: 15, present: 13, for: 13, against: 0, abstain: 0 });

    const li = await fileOf('李梅');
    expect(dated(li)).toEqual({ 1: '2024-05-10', 2: '2024-05-30', 3: '2024-11-01' });
    expect(li).toMatchObject({ stage: 2, status: '入党积极分子' });

    const sun = await fileOf('孙立');
    expect(sun).toMatchObject({ stage: 4, status: '预备党员' });
    expect(sun.steps.find((s) => s.stepNo === 15)!.meeting).toBeNull();

    const wu = await fileOf('吴刚');
    expect(wu).toMatchObject({ stage: 3, status: '发展对象' });
    expect(wu.steps.find((s) => s.stepNo === 7)!.overrideReason).toBe(REASON);

    // The file in progress: 谈话 moved (its 谈话人 kept), 积极分子 added.
    const qian = await fileOf('钱进');
    expect(qian.id).toBe(qianBefore.id);
    expect(dated(qian)).toEqual({ 1: '2025-01-10', 2: '2025-02-05', 3: '2025-07-15' });
    expect(qian.steps.find((s) => s.stepNo === 2)!.people.map((x) => x.name)).toEqual(['李红梅']);
    expect(qian).toMatchObject({ stage: 2, status: '入党积极分子' });
  });

  it('re-imports the unmasked 花名册 the ledger exports with every row 跳过', async () => {
    const roster = (await host.invoke('reports.export', { reportId: 'members-roster', maskIdNumbers: false })) as { base64: string; rowCount: number };
    expect(roster.rowCount).toBe(5);
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'members', fileName: '花名册.xlsx', base64: roster.base64 });
    expect(p.sheet).toBe('发展党员花名册');
    expect(p.columns.filter((c) => c.key?.startsWith('step')).map((c) => c.key)).toEqual(Array.from({ length: 25 }, (_, i) => `step${i + 1}`));
    expect(p.columns.find((c) => c.key === 'reason')!.header).toBe('特殊情况说明');
    expect(p.rows.map((r) => r.status)).toEqual(['跳过', '跳过', '跳过', '跳过', '跳过']);
    expect(p.rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it('undo puts every file back exactly: the new ones gone, the changed one as it was', async () => {
    await host.invoke('import.undo', { batchId });
    expect(((await host.invoke('members.list', {})) as Page).total).toBe(1);
    const qian = (await host.invoke('members.get', { id: qianBefore.id })) as Detail;
    expect(qian.steps).toEqual(qianBefore.steps);
    expect(qian).toMatchObject({ stage: qianBefore.stage, status: qianBefore.status });
    // The people the import created are gone; those already in the 人员库 stay.
    const people = (await host.invoke('people.list', { pageSize: 50 })) as { total: number; items: { name: string }[] };
    expect(people.items.map((x) => x.name).sort()).toEqual(['李梅', '钱进'].sort());
  });

  it('refuses the undo once an imported file has had a step recorded since', async () => {
    const r = await run<{ batchId: number }>('import.commit', { kind: 'members', fileName: '台账.xlsx', base64: file, mode: 'valid' });
    const li = await fileOf('李梅');
    await host.invoke('members.recordStep', { recordId: li.id, stepNo: 4, date: '2024-11-10' });
    await expect(host.invoke('import.undo', { batchId: r.batchId })).rejects.toThrow(/又被修改过/);
    expect(((await host.invoke('members.list', {})) as Page).total).toBe(5);
  });
});
