/**
 * Fills `people.sort_key` where it is missing: rows written before the column existed (migration 0002), or by a
 * writer that did not know of it. Run at every open; with nothing missing it is one probe of an empty index.
 */
import type { LedgerContext } from '../context';
import { pinyinSortKey } from './pinyin';

export function fillMissingSortKeys(ctx: LedgerContext): number {
  // INDEXED BY: the partial index holds exactly the rows without a key, so this never reads the table.
  const missing = ctx.sqlite.prepare('SELECT id, name FROM people INDEXED BY people_sort_key_missing_idx WHERE sort_key IS NULL').all() as {
    id: number;
    name: string;
  }[];
  if (missing.length === 0) return 0;
  // Not a change the clerk made: updated_at and the audit log stay as they were.
  const set = ctx.sqlite.prepare('UPDATE people SET sort_key = ? WHERE id = ?');
  ctx.sqlite.transaction(() => {
    for (const row of missing) set.run(pinyinSortKey(row.name), row.id);
  })();
  return missing.length;
}
