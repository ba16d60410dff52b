/** Free-text search over stored columns, shared by every list that offers a search box. */
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** `%`, `_` and the escape character itself are what a clerk typed, not LIKE wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The column contains the text, literally (SQLite's LIKE is case-insensitive for ASCII only, which suits IDs and names). */
export function containsText(column: SQLiteColumn, text: string): SQL {
  return sql`${column} LIKE ${likePattern(text)} ESCAPE '\\'`;
}
