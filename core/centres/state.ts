/**
 * A centre's derived columns, rewritten by every service that changes their facts, in the same transaction: the
 * lateness that is fixed once milestones are done, the earliest open planned date (SQL compares it with today),
 * the key milestone dates, the latest 形象进度 and the projected finish.
 */
import type { LedgerContext } from '../context';
import { cachedStatement } from '../schema/statements';
import { daysBetween } from './calendar';
import { COMPLETION_MILESTONE, IN_USE_MILESTONE, START_MILESTONE } from './codes';
import { projectedFinish } from './status';

interface MilestoneRow {
  name: string;
  plannedOn: string;
  actualOn: string | null;
}

export function refreshCentres(ctx: LedgerContext, ids: Iterable<number>): void {
  const milestones = cachedStatement(ctx.sqlite, 'SELECT name, planned_on AS plannedOn, actual_on AS actualOn FROM centre_milestones WHERE centre_id = ? ORDER BY seq');
  const progress = cachedStatement(ctx.sqlite, 'SELECT date, percent FROM centre_progress WHERE centre_id = ? AND deleted_at IS NULL ORDER BY date, id');
  const update = cachedStatement(
    ctx.sqlite,
    `UPDATE centres SET done_late_days = @doneLateDays, open_due = @openDue, open_milestone = @openMilestone,
       started_on = @startedOn, completed_on = @completedOn, in_use_on = @inUseOn,
       progress_percent = @progressPercent, progress_on = @progressOn, projected_on = @projectedOn,
       unit_order = coalesce((SELECT sort_order FROM org_units WHERE org_units.id = centres.unit_id), 0)
     WHERE id = @id`,
  );
  for (const id of new Set(ids)) {
    const ms = milestones.all(id) as MilestoneRow[];
    const done = ms.filter((m) => m.actualOn);
    const open = ms.filter((m) => !m.actualOn).sort((a, b) => (a.plannedOn < b.plannedOn ? -1 : 1));
    const entries = progress.all(id) as { date: string; percent: number }[];
    const last = entries[entries.length - 1];
    const actual = (name: string) => ms.find((m) => m.name === name)?.actualOn ?? null;
    update.run({
      id,
      doneLateDays: done.length ? Math.max(...done.map((m) => daysBetween(m.plannedOn, m.actualOn!))) : null,
      openDue: open[0]?.plannedOn ?? null,
      openMilestone: open[0]?.name ?? null,
      startedOn: actual(START_MILESTONE),
      completedOn: actual(COMPLETION_MILESTONE),
      inUseOn: actual(IN_USE_MILESTONE),
      progressPercent: last?.percent ?? 0,
      progressOn: last?.date ?? null,
      projectedOn: projectedFinish(entries),
    });
  }
}

export function refreshCentresOfUnit(ctx: LedgerContext, unitId: number): void {
  refreshCentres(ctx, cachedStatement(ctx.sqlite, 'SELECT id FROM centres WHERE unit_id = ?', 'pluck').all(unitId) as number[]);
}
