/**
 * The 统计表 and the 指标 page count 发展党员 by the 上级党委审批 date (P, 节点17), as the 党内统计 does, and take
 * ages at P. The fixture's vote (Z) and approval dates straddle the period's first and last days.
 */
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName, type PlainValue } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH } from '../helpers/members';

const NOW = () => new Date('2025-11-20T09:00:00+08:00');
const PERIOD = { from: '2025-03-01', to: '2025-09-30' };
/** CLEAN_PATH's 支部大会 date: every other step is moved by the same number of days. */
const CLEAN_Z = '2024-05-20';

let host: LedgerHost;
let close: () => Promise<void>;
let seq = 0;

const move = (date: string, days: number) => dayjs(date).add(days, 'day').format('YYYY-MM-DD');

/** A clean file whose 支部大会 falls on `z` and whose 上级党委审批 falls on `p` (or is not recorded yet). */
async function fileVotedOn(name: string, birth: string, z: string, p: string | null, unitId: number, branchId: number) {
  const days = dayjs(z).diff(CLEAN_Z, 'day');
  const person = (await host.invoke('people.create', { name, idNumber: makeIdNumber(birth, '男', ++seq), ethnicity: '01', education: '21', occupation: '农牧渔民', unitId })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, branchId, applicationDate: move('2023-01-10', days) })) as { id: number };
  for (const d of ['2023-08-30', '2024-02-28']) await host.invoke('members.addPeriodic', { recordId: id, kind: '考察', date: move(d, days) });
  for (const d of ['2023-03-30', '2023-06-30', '2023-09-30', '2023-12-30', '2024-03-30']) await host.invoke('members.addPeriodic', { recordId: id, kind: '思想汇报', date: move(d, days) });
  for (let no = 2; no <= 15; no++) {
    if (no === 10) {
      await host.invoke('members.addLetter', { recordId: id, date: move('2024-03-10', days), target: '户籍所在地派出所' });
      await host.invoke('members.saveReview', {
        recordId: id,
        talkDate: move('2024-03-08', days),
        talkBy: '王书记',
        reportDate: move('2024-03-09', days),
        reportMaterials: '本人自传、政审材料',
        examDate: move('2024-03-12', days),
        conclusionResult: '合格',
        conclusionDate: move('2024-04-01', days),
        conclusionSigner: '张明',
      });
    }
    await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no], date: move(CLEAN_PATH[no]!.date as string, days) });
  }
  const talk = p ? move(z, Math.floor(dayjs(p).diff(z, 'day') / 2)) : move(z, 5);
  await host.invoke('members.recordStep', { recordId: id, stepNo: 16, ...CLEAN_PATH[16], date: talk });
  if (p) await host.invoke('members.recordStep', { recordId: id, stepNo: 17, date: p });
}

beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const [unit] = (await host.invoke('org.listUnits', {})) as Unit[];
  const { id: branchId } = (await host.invoke('org.addBranch', { unitId: unit!.id, name: `${unit!.name}党支部` })) as { id: number };
  // Voted before the period, approved on its first day; 35 at the vote and 36 at the approval.
  await fileVotedOn('甲早批', '1989-02-25', '2025-02-20', '2025-03-01', unit!.id, branchId);
  // Voted and approved inside, approved on the last day.
  await fileVotedOn('乙末批', '2000-01-01', '2025-08-15', '2025-09-30', unit!.id, branchId);
  // Voted on the last day, approved after the period.
  await fileVotedOn('丙后批', '1998-05-05', '2025-09-30', '2025-10-10', unit!.id, branchId);
  // Voted inside, not approved yet.
  await fileVotedOn('丁未批', '1997-07-07', '2025-09-15', null, unit!.id, branchId);
  // Approved the day before the period starts.
  await fileVotedOn('戊前批', '1996-06-06', '2025-02-10', '2025-02-28', unit!.id, branchId);
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
