/** Proves the stored derived columns of every centre against its milestones and progress (core/derived-check.ts). */
import type { LedgerContext } from '../context';
import { checkDerived } from '../derived-check';
import { refreshCentres } from './state';

const DERIVED = ['done_late_days', 'open_due', 'open_milestone', 'started_on', 'completed_on', 'in_use_on', 'progress_percent', 'progress_on', 'projected_on', 'unit_order'];

export function verifyCentres(ctx: LedgerContext): { centres: number; mismatches: { centreId: number; unitName: string; problem: string }[] } {
  const r = checkDerived(ctx, {
    table: 'centres',
    columns: DERIVED,
    labelSql: '(SELECT name FROM org_units WHERE org_units.id = centres.unit_id)',
    refresh: (ids) => refreshCentres(ctx, ids),
  });
  return { centres: r.rows, mismatches: r.mismatches.map((m) => ({ centreId: m.id, unitName: m.label, problem: m.problem })) };
}
