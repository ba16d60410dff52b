/** Proves the stored derived columns of every reserve against its facts (core/derived-check.ts). */
import type { LedgerContext } from '../context';
import { checkDerived } from '../derived-check';
import { refreshReserves } from './state';

const DERIVED = ['status', 'status_on', 'appointed_post', 'training_count', 'training_hours', 'affair_count', 'name_key', 'person_name', 'person_live', 'gender', 'birth_date', 'education', 'unit_order'];

export function verifyReserves(ctx: LedgerContext): { reserves: number; mismatches: { reserveId: number; personName: string; problem: string }[] } {
  const r = checkDerived(ctx, { table: 'reserves', columns: DERIVED, labelSql: 'person_name', refresh: (ids) => refreshReserves(ctx, ids) });
  return { reserves: r.rows, mismatches: r.mismatches.map((m) => ({ reserveId: m.id, personName: m.label, problem: m.problem })) };
}
