/**
 * Reading whole rows of a drizzle table with a plain better-sqlite3 statement. Loading every 发展档案 for a report
 * fetches some 200,000 step rows; drizzle's per-row mapping took over half of that time, so the loader selects the
 * columns itself and builds each object from the row's array, converting only the columns drizzle would (booleans).
 */
import { getTableColumns, type Table } from 'drizzle-orm';

export interface RowShape<T> {
  /** The table's columns under the given alias, in the order `build` reads them. */
  sql: string;
  width: number;
  build(row: readonly unknown[], offset?: number): T;
}

export function rowShape<T extends Table>(table: T, alias: string): RowShape<T['$inferSelect']> {
  const entries = Object.entries(getTableColumns(table));
  const keys = entries.map(([key]) => key);
  const convert = entries.map(([, column]) => (column.columnType === 'SQLiteBoolean' ? (v: unknown) => (v === null ? null : Boolean(v)) : null));
  return {
    sql: entries.map(([, column]) => `${alias}."${column.name}"`).join(', '),
    width: keys.length,
    build(row, offset = 0) {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = row[offset + i];
        const c = convert[i];
        out[keys[i]!] = c ? c(value) : value;
      }
      return out as T['$inferSelect'];
    },
  };
}
