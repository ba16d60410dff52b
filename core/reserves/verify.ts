/**
 * Proves the stored derived columns of every reserve against its facts: the refresh runs inside a savepoint that
 * is always rolled back, and what it would write is compared with what is stored.
 */
import type { LedgerContext } from '../context';
import { refreshReserves } from './state';

const DERIVED = ['status', 'status_on', 'appointed_post', 'training_count', 'training_hours', 'affair_count', 'name_key', 'person_name', 'person_live', 'gender', 'birth_date', 'education', 'unit_order'] as const;

type Row = Record<(typeof DERIVED)[number] | 'id', unknown> & { id: number; person_name: string | null };

export interface ReserveMismatch {
  reserveId: number;
  personName: string;
  problem: string;
}

export function verifyReserves(ctx: LedgerContext): { reserves: number; mismatches: ReserveMismatch[] } {
  const read = () => ctx.sqlite.prepare(`SELECT id, ${DERIVED.join(', ')} FROM reserves ORDER BY id`).all() as Row[];
  const stored = read();
  let expected: Row[] = [];
  const mismatches: ReserveMismatch[] = [];
  ctx.sqlite.exec('SAVEPOINT verify_reserves');
  try {
    refreshReserves(
      ctx,
      stored.map((r) => r.id),
    );
    expected = read();
  } catch (err) {
    mismatches.push({ reserveId: 0, personName: '', problem: `按事实重算失败：${err instanceof Error ? err.message : String(err)}` });
  } finally {
    ctx.sqlite.exec('ROLLBACK TO verify_reserves; RELEASE verify_reserves');
  }
  expected.forEach((e, i) => {
    const s = stored[i]!;
    const fields = DERIVED.filter((f) => s[f] !== e[f]);
    if (fields.length) {
      mismatches.push({ reserveId: e.id, personName: e.person_name ?? '', problem: fields.map((f) => `${f}：保存为 ${String(s[f])}，按事实应为 ${String(e[f])}`).join('；') });
    }
  });
  return { reserves: stored.length, mismatches };
}
