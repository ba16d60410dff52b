/** Service centres through the host: 倒排工期, milestones against today, progress, money, the stored state proved. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { Unit } from '../../core/org/schemas';
import { startHost } from '../helpers/ledger';

let now = new Date('2026-06-01T09:00:00+08:00');
let host: LedgerHost;
let close: () => Promise<void>;
let one: Unit;
let two: Unit;

interface Row {
  id: number;
  unitName: string;
  status: string;
  daysBehind: number | null;
  nextMilestone: string | null;
  progressPercent: number;
  atRisk: boolean;
}
interface Detail {
  row: Row;
  milestones: { seq: number; name: string; plannedOn: string; baselineOn: string; actualOn: string | null; state: string }[];
  warnings: string[];
  moneyBySource: { source: string; plannedFen: number; allocatedFen: number; paidFen: number }[];
}

const FUNDS = [
  { source: '上级补助', fen: 50_000_000 },
  { source: '村集体', fen: 10_000_000 },
];
const base = (unitId: number, extra: Record<string, unknown> = {}) => ({
  unitId,
  renovationType: '改扩建',
  currentArea: 150,
  targetArea: 260,
  hallArea: 50,
  requiredOn: '2026-12-31',
  totalFen: 60_000_000,
  funds: FUNDS,
  ...extra,
});

let centreId = 0;

beforeAll(async () => {
  ({ host, close } = await startHost({ now: () => now }));
  [one, two] = (await host.invoke('org.listUnits', {})) as Unit[] as [Unit, Unit];
});
afterAll(() => close());

describe('a centre', () => {
  it('is created with the proposed 倒排工期, the plan kept as its baseline', async () => {
    const proposal = (await host.invoke('centres.proposeSchedule', { requiredOn: '2026-12-31' })) as { name: string; plannedOn: string }[];
    const out = (await host.invoke('centres.create', base(one.id))) as { id: number; warnings: string[] };
    centreId = out.id;
    const d = (await host.invoke('centres.get', { id: centreId })) as Detail;
    expect(d.milestones.map((m) => [m.name, m.plannedOn])).toEqual(proposal.map((m) => [m.name, m.plannedOn]));
    expect(d.milestones.every((m) => m.baselineOn === m.plannedOn)).toBe(true);
    expect(d.row).toMatchObject({ status: '未开工', nextMilestone: '四议两公开' });
  });

  it('refuses an investment split that does not add up, saying by how much', async () => {
    await expect(host.invoke('centres.create', base(two.id, { totalFen: 60_000_001 }))).rejects.toMatchObject({
      fields: { funds: '资金来源合计 600000.00 元与总投资 600000.01 元不一致（少 0.01 元）' },
    });
  });

  it('warns when the plan is below the area standard, without refusing', async () => {
    const out = (await host.invoke('centres.create', base(two.id, { targetArea: 180, hallArea: 30, renovationType: '维修', currentArea: 120 }))) as { id: number; warnings: string[] };
    expect(out.warnings).toEqual(['规划面积 180㎡ 低于村标准 200㎡', '一厅式便民服务大厅 30㎡ 低于标准 40㎡', '现有面积 120㎡ 不足 250㎡，建议改扩建']);
    await host.invoke('centres.remove', { id: out.id });
  });

  it('turns 滞后 when two milestones are done 20 days late, and 严重滞后 as the open one slips past 30', async () => {
    const d = (await host.invoke('centres.get', { id: centreId })) as Detail;
    const [first, second, third] = d.milestones as [Detail['milestones'][0], Detail['milestones'][0], Detail['milestones'][0]];
    const late = (date: string, days: number) => new Date(new Date(`${date}T00:00:00Z`).getTime() + days * 86400000).toISOString().slice(0, 10);
    now = new Date(`${late(second.plannedOn, 21)}T09:00:00+08:00`);
    await host.invoke('centres.recordMilestone', { centreId, seq: 1, actualOn: late(first.plannedOn, 20) });
    await host.invoke('centres.recordMilestone', { centreId, seq: 2, actualOn: late(second.plannedOn, 20) });
    let row = ((await host.invoke('centres.get', { id: centreId })) as Detail).row;
    expect(row).toMatchObject({ status: '滞后', nextMilestone: third.name });
    expect(row.daysBehind).toBeGreaterThanOrEqual(20);
    // Nothing is written as the days pass: the stored open due date is compared with today.
    now = new Date(`${late(third.plannedOn, 31)}T09:00:00+08:00`);
    row = ((await host.invoke('centres.get', { id: centreId })) as Detail).row;
    expect(row).toMatchObject({ status: '严重滞后', daysBehind: 31 });
    const list = (await host.invoke('centres.list', { status: '严重滞后' })) as { items: Row[] };
    expect(list.items.map((r) => r.id)).toEqual([centreId]);
  });

  it('refuses a done date before an earlier milestone’s, and a re-plan out of order; a re-plan keeps the baseline', async () => {
    const d = (await host.invoke('centres.get', { id: centreId })) as Detail;
    await expect(host.invoke('centres.recordMilestone', { centreId, seq: 3, actualOn: d.milestones[0]!.actualOn })).rejects.toThrow(/早于前一节点/);
    await expect(host.invoke('centres.replan', { centreId, milestones: [{ seq: 6, plannedOn: d.milestones[4]!.plannedOn.replace(/\d\d$/, '01') }] })).rejects.toThrow(/早于上一节点/);
    const later = '2027-01-15';
    await host.invoke('centres.replan', { centreId, milestones: [{ seq: 11, plannedOn: later }], reason: '设计变更' });
    const after = (await host.invoke('centres.get', { id: centreId })) as Detail;
    expect(after.milestones[10]).toMatchObject({ plannedOn: later, baselineOn: d.milestones[10]!.baselineOn });
  });

  it('refuses 形象进度 going backwards without a note, and keeps it with one', async () => {
    const today = now.toISOString().slice(0, 10);
    await host.invoke('centres.addProgress', { centreId, date: '2026-07-01', percent: 30 });
    await expect(host.invoke('centres.addProgress', { centreId, date: today, percent: 20 })).rejects.toMatchObject({ fields: { note: '进度回退须写明原因' } });
    await host.invoke('centres.addProgress', { centreId, date: today, percent: 20, note: '拆除重建部分墙体' });
    expect(((await host.invoke('centres.get', { id: centreId })) as Detail).row.progressPercent).toBe(20);
  });

  it('sums money allocated and paid by source, warning when payment passes allocation', async () => {
    await host.invoke('centres.addMoney', { centreId, kind: '下拨', source: '上级补助', date: '2026-06-10', amountFen: 20_000_000 });
    const paid = (await host.invoke('centres.addMoney', { centreId, kind: '支付', source: '上级补助', date: '2026-06-20', amountFen: 25_000_000 })) as { warnings: string[] };
    expect(paid.warnings).toEqual(['上级补助累计支付已超过累计下拨']);
    const d = (await host.invoke('centres.get', { id: centreId })) as Detail;
    expect(d.moneyBySource).toContainEqual({ source: '上级补助', plannedFen: 50_000_000, allocatedFen: 20_000_000, paidFen: 25_000_000 });
  });

  it('judges by the thresholds in force: raising 严重滞后 to 60 days turns the same centre 滞后 at once, with no re-judging', async () => {
    const config = (await host.invoke('centres.config', {})) as { thresholds: { lateDays: number; severeDays: number } };
    await host.invoke('centres.updateConfig', { ...config, thresholds: { lateDays: 7, severeDays: 60 } });
    expect(((await host.invoke('centres.get', { id: centreId })) as Detail).row.status).toBe('滞后');
    await expect(host.invoke('centres.updateConfig', { ...config, thresholds: { lateDays: 30, severeDays: 10 } })).rejects.toThrow(/严重滞后天数应大于滞后天数/);
    await host.invoke('centres.updateConfig', config);
    expect(((await host.invoke('centres.get', { id: centreId })) as Detail).row.status).toBe('严重滞后');
  });

  it('keeps one centre per village, and the stored state proves against the facts', async () => {
    await expect(host.invoke('centres.create', base(one.id))).rejects.toThrow(/已有服务中心改造记录/);
    expect(await host.invoke('centres.verifyState', {})).toMatchObject({ mismatches: [] });
  });
});

describe('demo centres', () => {
  it('cover every village at varied stages, some late, and prove against their facts', async () => {
    await host.invoke('app.openDemo', {});
    const all = (await host.invoke('centres.list', { pageSize: 200 })) as { total: number; items: Row[] };
    expect(all.total).toBe(((await host.invoke('org.listUnits', {})) as Unit[]).length);
    const statuses = new Set(all.items.map((r) => r.status));
    for (const s of ['未开工', '正常', '滞后', '严重滞后', '已投用']) expect(statuses, s).toContain(s);
    expect(await host.invoke('centres.verifyState', {})).toMatchObject({ mismatches: [] });
    const chart = (await host.invoke('centres.chart', { sortField: 'risk' })) as { centres: { milestones: unknown[]; atRisk: boolean }[] };
    expect(chart.centres).toHaveLength(all.total);
    expect(chart.centres.every((c) => c.milestones.length === 11)).toBe(true);
  });
});
