/**
 * Statements prepared once per open data file. Preparing is a parse and a plan each time, which on a list page of
 * five queries is a noticeable part of the answer; a page's SQL text is one of a few shapes, so it is kept by text.
 * The mode (rows as objects, as arrays, or one column) is part of the key: better-sqlite3 keeps it on the statement.
 */
import type Database from 'better-sqlite3';

type Mode = 'object' | 'raw' | 'pluck';

/** Enough for every filter combination of every list; the oldest text goes first past it. */
const MAX_PER_FILE = 256;
const byFile = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(db: Database.Database, sql: string, mode: Mode = 'object'): Database.Statement {
  let cache = byFile.get(db);
  if (!cache) byFile.set(db, (cache = new Map()));
  const key = `${mode}\u0000${sql}`;
  let statement = cache.get(key);
  if (!statement) {
    if (cache.size >= MAX_PER_FILE) cache.delete(cache.keys().next().value!);
    statement = db.prepare(sql);
    if (mode === 'raw') statement.raw();
    if (mode === 'pluck') statement.pluck();
    cache.set(key, statement);
  }
  return statement;
}
