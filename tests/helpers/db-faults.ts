/**
 * Shared by the data-file fault tests (tests/integration/db-faults*.test.ts): older migration sets, a filled ledger
 * at an older schema, and a signature of a file's schema and data to tell "wholly old" from "wholly new".
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { defaultMigrationsDir } from '../../db/open';

/** A copy of the shipped migrations, cut to the first `count` (as an older release shipped them), or edited. */
export function migrationsCopy(into: string, opts: { count?: number; edit?: (tag: string, sql: string) => string } = {}): string {
  const dir = mkdtempSync(join(into, 'migrations-'));
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  if (opts.count !== undefined) journal.entries = journal.entries.slice(0, opts.count);
  writeFileSync(journalPath, JSON.stringify(journal));
  if (opts.edit) {
    for (const { tag } of journal.entries) {
      const path = join(dir, `${tag}.sql`);
      writeFileSync(path, opts.edit(tag, readFileSync(path, 'utf8')));
    }
  }
  return dir;
}

export function tmpRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Villages, branches and `people` rows written straight in SQL at the 0000_init schema (fast, any size). */
export function fillOldLedger(sqlite: Database.Database, people: number): void {
  sqlite.exec(`INSERT INTO org_units (name, kind) VALUES ('多巴一村', '村'), ('多巴二村', '村'), ('多巴金城社区', '社区');
    INSERT INTO branches (unit_id, name) VALUES (1, '多巴一村党支部'), (2, '多巴二村党支部');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${people})
    INSERT INTO people (name, gender, ethnicity, birth_date, id_number, unit_id, phone, note)
      SELECT printf('测试人员%05d', i), CASE i % 2 WHEN 0 THEN '女' ELSE '男' END, '01',
             printf('19%02d-%02d-%02d', 50 + i % 50, 1 + i % 12, 1 + i % 28), printf('630122%012d', i), 1 + i % 3,
             printf('1390971%04d', i % 10000), printf('备注%d', i)
      FROM n;`);
}

export interface FileSignature {
  applicationId: number;
  migrations: string[];
  /** Every table, index, trigger and view with its SQL. */
  schema: string;
  people: number;
  /** A checksum over every person's columns that exist in both schemas. */
  peopleDigest: string;
}

export function signature(file: string): FileSignature {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const schema = (db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as object[])
      .map((r) => JSON.stringify(r))
      .join('\n');
    const hasTable = !!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = '__ledger_migrations'`).get();
    const migrations = hasTable ? (db.prepare('SELECT tag FROM __ledger_migrations ORDER BY idx').pluck().all() as string[]) : [];
    const people = db.prepare('SELECT count(*) FROM people').pluck().get() as number;
    const peopleDigest = String(
      db.prepare(`SELECT total(length(name) + length(id_number) + length(coalesce(phone, '')) + id * 7) FROM people`).pluck().get(),
    );
    return { applicationId: db.pragma('application_id', { simple: true }) as number, migrations, schema, people, peopleDigest };
  } finally {
    db.close();
  }
}

/** Builds a ledger at the first `count` shipped migrations, as a file made before application ids existed. */
export async function oldLedger(root: string, dataDir: string, count: number, people: number): Promise<void> {
  const { openDatabase } = await import('../../db/open');
  const opened = await openDatabase({ dataDir, migrationsDir: migrationsCopy(root, { count }) });
  fillOldLedger(opened.sqlite, people);
  opened.sqlite.pragma('application_id = 0');
  opened.close();
}
