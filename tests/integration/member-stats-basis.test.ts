/**
 * The 统计表 and the 指标 page count 发展党员 by the 上级党委审批 date (P, 节点17), as the 党内统计 does, and take
 * ages at P. The fixture's vote (Z) and approval dates straddle the period's first and last days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName, type PlainValue } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { startHost } from '../helpers/ledger';
import { fileVotedOn } from '../helpers/member-files';

const NOW = () => new Date('2025-11-20T09:00:00+08:00');
const PERIOD = { from: '2025-03-01', to: '2025-09-30' };

let host: LedgerHost;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const [unit] = (await host.invoke('org.listUnits', {})) as Unit[];
  const { id: branchId } = (await host.invoke('org.addBranch', { unitId: unit!.id, name: `${unit!.name}党支部` })) as { id: number };
  // Voted before the period, approved on its first day; 35 at the vote and 36 at the approval.
  await fileVotedOn(host, { name: '甲早批', birth: '1989-02-25', z: '2025-02-20', p: '2025-03-01', unitId: unit!.id, branchId });
  // Voted and approved inside, approved on the last day.
  await fileVotedOn(host, { name: '乙末批', birth: '2000-01-01', z: '2025-08-15', p: '2025-09-30', unitId: unit!.id, branchId });
  // Voted on the last day, approved after the period.
  await fileVotedOn(host, { name: '丙后批', birth: '1998-05-05', z: '2025-09-30', p: '2025-10-10', unitId: unit!.id, branchId });
  // Voted inside, not approved yet.
  await fileVotedOn(host, { name: '丁未批', birth: '1997-07-07', z: '2025-09-15', p: null, unitId: unit!.id, branchId });
  // Approved the day before the period starts.
  await fileVotedOn(host, { name: '戊前批', birth: '1996-06-06', z: '2025-02-10', p: '2025-02-28', unitId: unit!.id, branchId });
}, 60_000);

afterAll(() => close?.());

async function exportRows(reportId: string, sheetName: string) {
  const result = (await host.invoke('reports.export', { reportId, ...PERIOD })) as ExportResult;
  return sheetByName(await readWorkbook(Buffer.from(result.base64, 'base64')), sheetName).rows;
}

const cellText = (rows: PlainValue[][]) => rows.flat().filter((v) => typeof v === 'string') as string[];

/** The column whose header (in any header row) reads `label`, and the 合计 row. */
function totalOf(rows: PlainValue[][], label: string): PlainValue {
  const header = rows.find((r) => r.includes(label))!;
  return rows.find((r) => r.includes('合计'))![header.indexOf(label)]!;
}

describe('发展党员 are counted by the 上级党委审批 date (节点17)', () => {
  it('统计表（一）counts the two approved in the period, with ages at approval, and says so', async () => {
    const rows = await exportRows('members-stats', '发展党员情况统计表（一）');
    expect(totalOf(rows, '总数')).toBe(2);
    // 甲早批 turned 36 between the vote and the approval: counted at 36.
    expect(totalOf(rows, '36至40岁')).toBe(1);
    expect(totalOf(rows, '31至35岁')).toBe(0);
    expect(totalOf(rows, '25岁及以下')).toBe(1);
    expect(totalOf(rows, '35岁及以下')).toBe(1);
    expect(cellText(rows).some((t) => t.includes('按上级党委审批日期（节点17）统计'))).toBe(true);
  });

  it('统计表（二）counts the same two and judges the 35岁及以下 share at approval', async () => {
    const rows = await exportRows('members-stats-2', '发展党员情况统计表（二）');
    expect(totalOf(rows, '发展党员总数')).toBe(2);
    expect(totalOf(rows, '占比')).toBe(0.5);
    expect(cellText(rows).some((t) => t.includes('按上级党委审批日期（节点17）统计'))).toBe(true);
  });

  it('the 指标 page counts the same two', async () => {
    const ind = (await host.invoke('members.indicators', PERIOD)) as { total: number; youth: { count: number }; ageBands: Record<string, number> };
    expect(ind.total).toBe(2);
    expect(ind.youth.count).toBe(1);
    expect(ind.ageBands).toMatchObject({ '25岁及以下': 1, '31至35岁': 0, '36至40岁': 1 });
  });
});
