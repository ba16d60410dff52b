/**
 * Demo 发展档案 for the demo township: files at every stage, dated back from today so reminders fire, and a handful
 * of deliberate faults (late talk, short 培养 with a 特殊情况说明, no quorum, late approval, missing 备案) so that
 * 合规检查 has something to show.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../context';
import { insertFilesBatch, type BulkFile } from '../members/bulk';
import type { StepNo } from '../members/steps';
import { demoHistory, FAULTS } from './history';

/** How far each demo file has got, as the last recorded step; the counts give a plausible township spread. */
export const SPREAD: { lastStep: StepNo; count: number }[] = [
  { lastStep: 1, count: 6 },
  { lastStep: 2, count: 6 },
  { lastStep: 5, count: 6 },
  { lastStep: 6, count: 8 },
  { lastStep: 9, count: 4 },
  { lastStep: 11, count: 4 },
  { lastStep: 15, count: 3 },
  { lastStep: 17, count: 3 },
  { lastStep: 20, count: 5 },
  { lastStep: 22, count: 3 },
  { lastStep: 25, count: 6 },
];

export function generateDemoMembers(ctx: LedgerContext, rand: () => number): number {
  const now = today(ctx);
  const candidates = ctx.sqlite
    .prepare(
      `SELECT p.id, p.unit_id AS unitId, b.id AS branchId FROM people p
       LEFT JOIN branches b ON b.unit_id = p.unit_id
       WHERE p.deleted_at IS NULL AND p.birth_date BETWEEN ? AND ? ORDER BY p.id`,
    )
    .all(dayjs(now).subtract(38, 'year').format('YYYY-MM-DD'), dayjs(now).subtract(22, 'year').format('YYYY-MM-DD')) as { id: number; branchId: number | null }[];
  const files: BulkFile[] = [];
  let next = 0;
  let faultIndex = 0;
  for (const { lastStep, count } of SPREAD) {
    for (let i = 0; i < count && next < candidates.length; i++) {
      const person = candidates[next]!;
      next += Math.max(1, Math.floor(candidates.length / 60));
      // Two files left waiting too long, so the first screen shows what overdue looks like: a 谈话 never held, and
      // a 预备期 that ended without a 转正 meeting.
      const waiting = i === 0 && lastStep === 1 ? 45 : i === 0 && lastStep === 22 ? 120 : 0;
      files.push(
        demoHistory(
          {
            personId: person.id,
            branchId: person.branchId,
            lastStep,
            fault: lastStep >= 15 && i === 0 ? FAULTS[faultIndex++ % FAULTS.length] : undefined,
            waiting,
            terminated: lastStep === 6 && i === count - 1,
          },
          now,
          rand,
        ),
      );
    }
  }
  // Through the same bulk path and judge as every other batch: the demo files read back exactly as typed ones would.
  return insertFilesBatch(ctx, files).length;
}
