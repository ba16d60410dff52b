/**
 * Proves a table's stored derived columns against the facts: the module's own refresh runs inside a savepoint that
 * is always rolled back, and what it would write is compared with what is stored. Used by `check --recompute`.
 */
import type { LedgerContext } from './context';

export interface DerivedMismatch {
  id: number;
  label: string;
  problem: string;
}

export function checkDerived(
  ctx: LedgerContext,
  spec: { table: string; columns: readonly string[]; labelSql: string; refresh: (ids: number[]) => void },
): { rows: number; mismatches: DerivedMismatch[] } {
  type Row = Record<string, unknown> & { id: number; label: string | null };
  const read = () => ctx.sqlite.prepare(`SELECT id, ${spec.labelSql} AS label, ${spec.columns.join(', ')} FROM ${spec.table} ORDER BY id`).all() as Row[];
  const stored = read();
  let expected: Row[] = [];
  const mismatches: DerivedMismatch[] = [];
  const savepoint = `verify_${spec.table}`;
  ctx.sqlite.exec(`SAVEPOINT ${savepoint}`);
  try {
    spec.refresh(stored.map((r) => r.id));
    expected = read();
  } catch (err) {
    mismatches.push({ id: 0, label: '', problem: `按事实重算失败：${err instanceof Error ? err.message : String(err)}` });
  } finally {
    ctx.sqlite.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
  }
  expected.forEach((e, i) => {
    const s = stored[i]!;
    const fields = spec.columns.filter((f) => s[f] !== e[f]);
    if (fields.length) mismatches.push({ id: e.id, label: e.label ?? '', problem: fields.map((f) => `${f}：保存为 ${String(s[f])}，按事实应为 ${String(e[f])}`).join('；') });
  });
  return { rows: stored.length, mismatches };
}
