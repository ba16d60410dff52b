/** Importing a clerk's own 服务中心 and 形象进度 sheets: 万元 read to the 分, the split checked, commit, read back, undo. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreDetail } from '../../core/centres/schemas';
import type { LedgerHost } from '../../core/host';
import type { ImportPreviewOut } from '../../core/import/schemas';
import type { JobStatus } from '../../core/jobs/schemas';
import { startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-06-01T09:00:00+08:00');
let host: LedgerHost;
let close: () => Promise<void>;

async function run<T>(method: 'import.preview' | 'import.commit', input: Record<string, unknown>): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw new Error(done.error?.message ?? done.state);
  return done.result as T;
}

async function sheet(title: string, header: string[], rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([title]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const get = async (id: number) => (await host.invoke('centres.get', { id })) as CentreDetail;
const list = async () => ((await host.invoke('centres.list', { pageSize: 50 })) as { items: { id: number; unitName: string }[] }).items;

let twoCentre = 0;
let communityCentre = 0;
beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const [, two, community] = (await host.invoke('org.listUnits', {})) as { id: number }[] as [{ id: number }, { id: number }, { id: number }];
  await host.invoke('org.addUnit', { name: '康城村', kind: '村' });
  twoCentre = ((await host.invoke('centres.create', {
    unitId: two.id, renovationType: '改扩建', currentArea: 150, targetArea: 260, hallArea: 50, requiredOn: '2026-12-31', totalFen: 60_000_000,
    funds: [{ source: '上级补助', fen: 50_000_000 }, { source: '村集体', fen: 10_000_000 }],
  })) as { id: number }).id;
  communityCentre = ((await host.invoke('centres.create', { unitId: community.id, renovationType: '新建', targetArea: 300, hallArea: 60, requiredOn: '2026-09-30' })) as { id: number }).id;
  await host.invoke('centres.addProgress', { centreId: twoCentre, date: '2026-05-01', percent: 30 });
  await host.invoke('centres.addProgress', { centreId: twoCentre, date: '2026-05-15', percent: 40 });
});
afterAll(() => close());

describe('服务中心 import', () => {
  let centresBatch = 0;
  it('reads 万元 columns to the 分, judges each village, refuses a split that does not add up at the total’s cell', async () => {
    const base64 = await sheet(
      '多巴镇村级综合服务中心改造升级台账',
      ['村名', '建筑面积', '建成年份', '危', '旧', '狭', '小', '改造类型', '规划面积', '包村领导', '电话', '责任人', '电话', '要求竣工时间', '总投资（万元）', '上级补助（万元）', '镇配套（万元）', '村集体（万元）'],
      [
        ['多巴一村委会', 180, '1998年', '否', '✓', '✓', '是', '改扩建', 400, '张明', '13800000001', '马文明', '13900000002', '2026-10-31', 60.5, '40.25', 15.25, 5], // 新增
        ['多巴二村', 150, null, null, null, null, null, '改扩建', 260, null, null, null, null, '2026-12-31', 60, 50, null, 10], // as kept: 跳过
        ['多巴金城社区', null, null, null, null, null, null, null, 350, null, null, null, null, '2026-09-30', 30, 30, null, null], // 更新
        ['康城村', null, null, null, null, null, null, '新建', 300, null, null, null, null, '2026-11-30', 50, 30, 10, null], // 40 ≠ 50
      ],
    );
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'centres', fileName: '服务中心.xlsx', base64 });
    expect(p.columns.map((c) => c.key)).toEqual([
      'unit', 'currentArea', 'buildYear', 'isDangerous', 'isOld', 'isCramped', 'isSmall', 'renovationType', 'targetArea', 'leaderName', 'leaderPhone', 'responsibleName', 'responsiblePhone', 'requiredOn', 'total', 'fund:上级补助', 'fund:镇配套', 'fund:村集体',
    ]);
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, '新增'],
      [4, '跳过'],
      [5, '更新'],
      [6, '错误'],
    ]);
    expect(p.rows[3]!.problems).toEqual([{ row: 6, col: 'O', header: '总投资(万元)', value: '50', message: '资金来源合计 400000.00 元与总投资 500000.00 元不一致（少 100000.00 元）' }]);

    const r = await run<{ batchId: number }>('import.commit', { kind: 'centres', fileName: '服务中心.xlsx', base64 });
    expect(r).toMatchObject({ inserted: 1, updated: 1, skipped: 1, errors: 1 });
    centresBatch = r.batchId;
    const added = await get((await list()).find((c) => c.unitName === '多巴一村')!.id);
    expect(added.facts).toMatchObject({
      currentArea: 180, buildYear: 1998, isDangerous: false, isOld: true, isCramped: true, isSmall: true, renovationType: '改扩建', targetArea: 400,
      leaderName: '张明', leaderPhone: '13800000001', responsibleName: '马文明', responsiblePhone: '13900000002', requiredOn: '2026-10-31', totalFen: 60_500_000,
    });
    // 40.25万 = 402500.00 元, 15.25万 = 152500.00 元, 5万 = 50000.00 元: 605000.00 元 in all.
    expect(added.facts.funds).toEqual([{ source: '上级补助', fen: 40_250_000 }, { source: '镇配套', fen: 15_250_000 }, { source: '村集体', fen: 5_000_000 }]);
    const proposal = (await host.invoke('centres.proposeSchedule', { requiredOn: '2026-10-31' })) as { name: string; plannedOn: string }[];
    expect(added.milestones.map((m) => [m.name, m.plannedOn])).toEqual(proposal.map((m) => [m.name, m.plannedOn]));
    const community = await get(communityCentre);
    expect(community.facts).toMatchObject({ renovationType: '新建', targetArea: 350, hallArea: 60, totalFen: 30_000_000, funds: [{ source: '上级补助', fen: 30_000_000 }] });
  });

  it('imports 形象进度 by village and date: same, changed, new, and a drop without a note refused at the % cell; undo puts it back', async () => {
    const base64 = await sheet(
      '服务中心形象进度',
      ['村名', '填报日期', '形象进度（%）', '备注'],
      [
        ['多巴二村', '2026-05-15', 40, null], // 跳过
        ['多巴二村', '2026.5.1', '35%', null], // 30 → 35: 更新
        ['多巴二村', '2026-05-20', 25, null], // below 40 without a note
        ['多巴二村', '2026-05-25', 55, '主体封顶'], // 新增
      ],
    );
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'centre-progress', fileName: '进度.xlsx', base64 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, '跳过'],
      [4, '更新'],
      [5, '错误'],
      [6, '新增'],
    ]);
    expect(p.rows[2]!.problems).toEqual([{ row: 5, col: 'C', header: '形象进度(%)', value: '25', message: '形象进度 25% 低于 2026-05-15 的 40%，进度回退须在“说明”列写明原因' }]);
    const r = await run<{ batchId: number }>('import.commit', { kind: 'centre-progress', fileName: '进度.xlsx', base64 });
    expect(r).toMatchObject({ inserted: 1, updated: 1, skipped: 1, errors: 1 });
    let two = await get(twoCentre);
    expect(two.progress.map((x) => [x.date, x.percent, x.note])).toEqual([['2026-05-01', 35, null], ['2026-05-15', 40, null], ['2026-05-25', 55, '主体封顶']]);
    expect(two.row).toMatchObject({ progressPercent: 55, progressOn: '2026-05-25' });

    await host.invoke('import.undo', { batchId: r.batchId });
    two = await get(twoCentre);
    expect(two.progress.map((x) => [x.date, x.percent])).toEqual([['2026-05-01', 30], ['2026-05-15', 40]]);
    expect(two.row).toMatchObject({ progressPercent: 40, progressOn: '2026-05-15' });
  });

  it('undoes the centres import: the new centre gone, the updated one’s facts and split back', async () => {
    await host.invoke('import.undo', { batchId: centresBatch });
    expect((await list()).map((c) => c.unitName).sort()).toEqual(['多巴二村', '多巴金城社区'].sort());
    const community = await get(communityCentre);
    expect(community.facts).toMatchObject({ targetArea: 300, totalFen: 0, funds: [] });
    expect((await get(twoCentre)).facts.funds).toEqual([{ source: '上级补助', fen: 50_000_000 }, { source: '村集体', fen: 10_000_000 }]);
    expect(await host.invoke('centres.verifyState', {})).toMatchObject({ mismatches: [] });
  });

  it('gives each new kind a template whose every column is read back, the centres one with a column per 资金来源', async () => {
    for (const kind of ['reserves', 'reserve-trainings', 'centres', 'centre-progress']) {
      const t = (await host.invoke('import.template', { kind })) as { base64: string };
      const p = await run<ImportPreviewOut>('import.preview', { kind, fileName: 't.xlsx', base64: t.base64 });
      expect(p.columns.filter((c) => c.key === null), kind).toEqual([]);
      if (kind === 'centres') {
        expect(p.columns.filter((c) => c.key?.startsWith('fund:')).map((c) => c.header)).toEqual(['上级补助', '区县配套', '镇配套', '村集体', '帮扶单位', '其他']);
        // The example row: 40 + 15 + 5 万 of 60 万, for a village without a centre.
        expect(p.rows.map((r) => [r.status, r.problems])).toEqual([['新增', []]]);
      }
    }
  });
});
