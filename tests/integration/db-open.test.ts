import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, OPEN_MARKER_SUFFIX, defaultMigrationsDir, openDatabase } from '../../db/open';
import { readShippedMigrations } from '../../db/migrate';
import { LedgerError } from '../../core/errors';
import { LedgerHost } from '../../core/host';
import { tempDir } from '../helpers/ledger';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function freshDir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((err: unknown) => err instanceof LedgerError && err.code === code);
}

/** The shipped migrations cut down to the first `count`, as an older app version shipped them. */
function firstMigrations(count: number): string {
  const dir = freshDir();
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

/** A migrations folder with the shipped ones plus extra fixture steps, as a later app version would ship. */
function migrationsWith(extra: { tag: string; sql: string }[]): string {
  const dir = freshDir();
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  for (const m of extra) {
    journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag: m.tag, breakpoints: true });
    writeFileSync(join(dir, `${m.tag}.sql`), m.sql);
  }
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function populated(dataDir: string, migrationsDir?: string) {
  const opened = await openDatabase({ dataDir, migrationsDir });
  opened.sqlite.exec(`INSERT INTO org_units (name, kind) VALUES ('多巴一村', '村');
    INSERT INTO branches (unit_id, name) VALUES (1, '多巴一村党支部');
    INSERT INTO people (name, gender, ethnicity, birth_date, id_number, unit_id) VALUES ('王芳', '女', '01', '1990-01-01', '11010519491231002X', 1);`);
  opened.sqlite.close();
}

/** drizzle-kit's table-rebuild shape: new table, copy, drop, rename. With foreign keys on, the drop breaks children. */
const REBUILD_UNITS = `CREATE TABLE \`__new_org_units\` (
  \`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL, \`name\` text NOT NULL, \`kind\` text NOT NULL, \`code\` text,
  \`sort_order\` integer DEFAULT 0 NOT NULL, \`retired_at\` text, \`merged_into_id\` integer, \`short_name\` text,
  \`created_at\` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
  \`updated_at\` text DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')) NOT NULL,
  FOREIGN KEY (\`merged_into_id\`) REFERENCES \`org_units\`(\`id\`) ON UPDATE no action ON DELETE no action);
--> statement-breakpoint
INSERT INTO \`__new_org_units\`(id, name, kind, code, sort_order, retired_at, merged_into_id, created_at, updated_at)
  SELECT id, name, kind, code, sort_order, retired_at, merged_into_id, created_at, updated_at FROM \`org_units\`;
--> statement-breakpoint
DROP TABLE \`org_units\`;
--> statement-breakpoint
ALTER TABLE \`__new_org_units\` RENAME TO \`org_units\`;`;

describe('opening the data file', () => {
  it('creates a new database with WAL, synchronous=FULL and foreign keys on', async () => {
    const dataDir = freshDir();
    const opened = await openDatabase({ dataDir });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.migrated).toEqual(readShippedMigrations(defaultMigrationsDir()).map((m) => m.tag));
    opened.sqlite.close();
  });

  it('refuses a second opener with a clear "in use" error', async () => {
    const dataDir = freshDir();
    const first = await openDatabase({ dataDir });
    await expectCode(openDatabase({ dataDir }), 'DB_LOCKED');
    first.sqlite.close();
    const again = await openDatabase({ dataDir });
    again.sqlite.close();
  });

  it('reports a corrupt file and leaves it exactly as it was, never making a new empty one', async () => {
    const dataDir = freshDir();
    const file = join(dataDir, DB_FILE_NAME);
    writeFileSync(file, 'this is not a database, it is a clerk’s stray text file');
    const before = readFileSync(file);
    await expectCode(openDatabase({ dataDir }), 'DB_CORRUPT');
    expect(readFileSync(file)).toEqual(before);
  });

  it('reports a database damaged inside its pages', async () => {
    const dataDir = freshDir();
    await populated(dataDir);
    const file = join(dataDir, DB_FILE_NAME);
    const bytes = readFileSync(file);
    bytes.fill(0xee, 4096, bytes.length); // keep the header, wreck every page after the first
    writeFileSync(file, bytes);
    await expectCode(openDatabase({ dataDir }), 'DB_CORRUPT');
  });

  it('refuses a file written by a newer app version and leaves it untouched', async () => {
    const dataDir = freshDir();
    const newer = migrationsWith([{ tag: '0001_future', sql: 'CREATE TABLE future_things (id integer primary key);' }]);
    (await openDatabase({ dataDir, migrationsDir: newer })).sqlite.close();
    const before = readFileSync(join(dataDir, DB_FILE_NAME));
    await expectCode(openDatabase({ dataDir }), 'DB_TOO_NEW');
    expect(readFileSync(join(dataDir, DB_FILE_NAME))).toEqual(before);
  });

  it('shows the error through the host instead of crashing, and recovers on retry', async () => {
    const dataDir = freshDir();
    const blocker = await openDatabase({ dataDir });
    const host = new LedgerHost({ dataDir });
    const status = await host.start();
    expect(status.state).toBe('error');
    expect(status.error?.code).toBe('DB_LOCKED');
    expect(status.error?.message).toMatch(/另一个/);
    const call = await host.call('people.list', {});
    expect(call.ok).toBe(false);
    blocker.sqlite.close();
    const retried = (await host.invoke('app.reopen', {})) as { state: string; error: unknown };
    expect(retried).toMatchObject({ state: 'setup', error: null });
    await host.close();
  });
});

describe('migrating a populated database', () => {
  it('upgrades a file made by the first release through every shipped migration, keeping its rows', async () => {
    const dataDir = freshDir();
    await populated(dataDir, firstMigrations(1));
    const opened = await openDatabase({ dataDir });
    const shipped = readShippedMigrations(defaultMigrationsDir()).map((m) => m.tag);
    expect(opened.migrated).toEqual(shipped.slice(1));
    expect(opened.backupFile).not.toBeNull();
    expect(opened.sqlite.prepare('SELECT name FROM people').all()).toEqual([{ name: '王芳' }]);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    opened.sqlite.close();
  });

  it('adds the 后备人才 tables (0005) to a file of the 发展党员 release, keeping its people, who can then be entered as reserves', async () => {
    const dataDir = freshDir();
    await populated(dataDir, firstMigrations(5));
    const opened = await openDatabase({ dataDir });
    const shipped = readShippedMigrations(defaultMigrationsDir()).map((m) => m.tag);
    expect(opened.migrated).toEqual(shipped.slice(5));
    expect(opened.migrated[0]).toBe('0005_reserves');
    expect(opened.backupFile).not.toBeNull();
    expect(opened.sqlite.prepare('SELECT name FROM people').all()).toEqual([{ name: '王芳' }]);
    opened.sqlite
      .prepare("INSERT INTO reserves (person_id, unit_id, post_direction, source, nomination_method, nominated_on, status, status_on) VALUES (1, 1, '书记后备', '返乡大学生', '组织推荐', '2026-01-05', '推荐', '2026-01-05')")
      .run();
    expect(opened.sqlite.prepare('SELECT person_live, training_count FROM reserves').get()).toEqual({ person_live: 1, training_count: 0 });
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    opened.sqlite.close();
  });

  it('rebuilds a parent table without losing or orphaning child rows, after taking a backup', async () => {
    const dataDir = freshDir();
    await populated(dataDir);
    const next = migrationsWith([{ tag: '0001_rebuild_units', sql: REBUILD_UNITS }]);
    const opened = await openDatabase({ dataDir, migrationsDir: next });
    expect(opened.migrated).toEqual(['0001_rebuild_units']);
    expect(opened.backupFile).not.toBeNull();
    expect(existsSync(opened.backupFile!)).toBe(true);
    const row = opened.sqlite.prepare('SELECT p.name, u.name AS unit FROM people p JOIN org_units u ON u.id = p.unit_id').get();
    expect(row).toEqual({ name: '王芳', unit: '多巴一村' });
    expect(opened.sqlite.prepare('SELECT count(*) AS n FROM branches').get()).toEqual({ n: 1 });
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    opened.sqlite.close();

    const backup = new Database(opened.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('stops on a failing migration, restores the data and can still be opened by the current version', async () => {
    const dataDir = freshDir();
    await populated(dataDir);
    const broken = migrationsWith([
      { tag: '0001_broken', sql: "ALTER TABLE people ADD COLUMN nickname text;\n--> statement-breakpoint\nINSERT INTO no_such_table VALUES (1);" },
    ]);
    await expectCode(openDatabase({ dataDir, migrationsDir: broken }), 'MIGRATION_FAILED');
    const again = await openDatabase({ dataDir });
    const columns = (again.sqlite.pragma('table_info(people)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('nickname');
    expect(again.sqlite.prepare('SELECT name FROM people').all()).toEqual([{ name: '王芳' }]);
    again.sqlite.close();
    expect(readdirSync(join(dataDir, 'backups')).length).toBeGreaterThan(0);
  });

  it('refuses a migration that leaves broken references', async () => {
    const dataDir = freshDir();
    await populated(dataDir);
    const orphaning = migrationsWith([{ tag: '0001_orphan', sql: 'DELETE FROM org_units;' }]);
    await expectCode(openDatabase({ dataDir, migrationsDir: orphaning }), 'MIGRATION_FAILED');
    const again = await openDatabase({ dataDir });
    expect(again.sqlite.prepare('SELECT count(*) AS n FROM org_units').get()).toEqual({ n: 1 });
    again.sqlite.close();
  });

  it('skips the page-by-page check after a clean close and runs it after a crash', async () => {
    const dataDir = freshDir();
    const marker = join(dataDir, DB_FILE_NAME + OPEN_MARKER_SUFFIX);
    const created = await openDatabase({ dataDir });
    expect(created.integrityChecked).toBe(false);
    expect(existsSync(marker)).toBe(true);
    created.close();
    expect(existsSync(marker)).toBe(false);

    const clean = await openDatabase({ dataDir });
    expect(clean.integrityChecked).toBe(false);
    clean.sqlite.close(); // the process dies with the file open: the marker stays

    const afterCrash = await openDatabase({ dataDir });
    expect(afterCrash.integrityChecked).toBe(true);
    afterCrash.close();
  });

  it('a second opener that is refused leaves the first one’s marker in place', async () => {
    const dataDir = freshDir();
    const first = await openDatabase({ dataDir });
    await expectCode(openDatabase({ dataDir }), 'DB_LOCKED');
    expect(existsSync(join(dataDir, DB_FILE_NAME + OPEN_MARKER_SUFFIX))).toBe(true);
    first.close();
  });

  it('finds a damaged index page after an unclean shutdown, and on request through the host', async () => {
    const dataDir = freshDir();
    const opened = await openDatabase({ dataDir });
    opened.sqlite.exec(`CREATE TABLE scratch (id integer primary key, v text); CREATE INDEX scratch_v ON scratch (v);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO scratch (v) SELECT printf('值%05d', i) FROM n;`);
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const root = (opened.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'scratch_v'`).get() as { rootpage: number }).rootpage;
    const pageSize = opened.sqlite.pragma('page_size', { simple: true }) as number;
    opened.close();
    // Wreck the index's root page only: the tables still read, so only an integrity check notices.
    const file = join(dataDir, DB_FILE_NAME);
    const bytes = readFileSync(file);
    bytes.fill(0x55, (root - 1) * pageSize + 8, root * pageSize);
    writeFileSync(file, bytes);

    const host = new LedgerHost({ dataDir });
    expect((await host.start()).state).toBe('setup'); // a clean close before: the start does not read every page
    const checked = await host.call('app.checkIntegrity', {});
    expect(checked).toMatchObject({ ok: true, data: { ok: false } });
    expect((checked as { data: { message: string } }).data.message).toMatch(/数据文件已损坏.*backups/);
    await host.close();

    writeFileSync(join(dataDir, DB_FILE_NAME + OPEN_MARKER_SUFFIX), '1\n'); // as if the app had been killed
    const again = new LedgerHost({ dataDir });
    const status = await again.start();
    expect(status.state).toBe('error');
    expect(status.error?.code).toBe('DB_CORRUPT');
    expect(status.error?.hint).toMatch(/没有新建空数据/);
    await again.close();
  });

  it('reports a sound file as sound when checked on request', async () => {
    const dataDir = freshDir();
    await populated(dataDir);
    const host = new LedgerHost({ dataDir });
    await host.start();
    expect(await host.call('app.checkIntegrity', {})).toEqual({ ok: true, data: { ok: true, message: '数据文件检查完毕，未发现损坏。' } });
    await host.close();
  });
});
