/**
 * Faults found when the ledger was attacked (issue 11): files that are not the ledger's own, an empty ledger.db, a
 * changed migration, system error texts and echoed inputs reaching the clerk, and a data-set switch under a
 * running export. Every refused file must be byte for byte what it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../db/open';
import { LEDGER_APPLICATION_ID } from '../../db/migrate';
import { LedgerError, serializeError } from '../../core/errors';
import { LedgerHost } from '../../core/host';
import { translateSystemError } from '../../lib/errors';
import { SETUP_INPUT, makeIdNumber } from '../helpers/ledger';
import { migrationsCopy, oldLedger, signature, tmpRoot } from '../helpers/db-faults';

const root = tmpRoot('ledger-db-faults-');
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function dataDir(): string {
  const dir = join(root, `d${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** English words, system codes or SQLite's own phrases: none may reach a message or hint the clerk reads. */
const RAW = /[A-Z]{2,}_|E[A-Z]{3,}\b|SQLITE|disk I\/O|no such|readonly database|integrity_check|\bat \w+ \(/;

async function refusal(dir: string, migrationsDir?: string): Promise<LedgerError> {
  try {
    const opened = await openDatabase({ dataDir: dir, migrationsDir });
    opened.close();
  } catch (err) {
    expect(err).toBeInstanceOf(LedgerError);
    const e = err as LedgerError;
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(`${e.message}${e.hint ?? ''}`).not.toMatch(RAW);
    return e;
  }
  throw new Error('the file was opened, not refused');
}

/** The file and its folder exactly as they were: same bytes, no journal, no -wal, no backups folder. */
function snapshot(dir: string) {
  const file = join(dir, DB_FILE_NAME);
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), files: readdirSync(dir).sort() };
}

function foreignFile(dir: string, setup: string, journalMode = 'delete'): void {
  const db = new Database(join(dir, DB_FILE_NAME));
  db.pragma(`journal_mode = ${journalMode}`);
  db.exec(setup);
  db.close();
}

describe('files that are not a whole ledger are refused and left exactly as they were', () => {
  it('a 0-byte ledger.db is not turned into a new empty ledger; the message points to backups', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, DB_FILE_NAME), '');
    const before = snapshot(dir);
    const err = await refusal(dir);
    expect(err.code).toBe('DB_CORRUPT');
    expect(err.message).toMatch(/空的（0 字节）/);
    expect(err.hint).toMatch(/backups/);
    expect(snapshot(dir)).toEqual(before);
    // Through the host (what the app and web mode show) the same, and the file is still 0 bytes.
    const host = new LedgerHost({ dataDir: dir });
    const status = await host.start();
    expect(status).toMatchObject({ state: 'error', error: { code: 'DB_CORRUPT' } });
    await host.close();
    expect(readFileSync(join(dir, DB_FILE_NAME)).length).toBe(0);
  });

  it('a file shorter than a SQLite header (a copy cut short) is refused as incomplete', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, DB_FILE_NAME), Buffer.from('SQLite format 3\0\x10\x00\x02\x02', 'latin1'));
    const before = snapshot(dir);
    const err = await refusal(dir);
    expect(err.message).toMatch(/不完整/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('another program’s SQLite file gets no ledger tables and no new header', async () => {
    const dir = dataDir();
    foreignFile(dir, `CREATE TABLE notes (id integer primary key, body text); INSERT INTO notes (body) VALUES ('购物清单');`);
    const before = snapshot(dir);
    const err = await refusal(dir);
    expect(err.code).toBe('DB_FOREIGN');
    expect(err.message).toMatch(/不是台账的数据文件/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('one with a table named like the ledger’s (people) is not changed either, even in WAL mode', async () => {
    const dir = dataDir();
    foreignFile(dir, `CREATE TABLE people (pid integer primary key, nick text); INSERT INTO people (nick) VALUES ('x');`, 'wal');
    const before = snapshot(dir);
    expect((await refusal(dir)).code).toBe('DB_FOREIGN');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a SQLite file with another application id is refused without being opened', async () => {
    const dir = dataDir();
    foreignFile(dir, `PRAGMA application_id = 1179406665; CREATE TABLE __ledger_migrations (idx integer);`);
    const before = snapshot(dir);
    expect((await refusal(dir)).code).toBe('DB_FOREIGN');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a folder named ledger.db is reported as such', async () => {
    const dir = dataDir();
    mkdirSync(join(dir, DB_FILE_NAME));
    expect((await refusal(dir)).message).toMatch(/同名文件夹/);
  });
});

describe('the ledger’s own files', () => {
  it('a new ledger carries the ledger’s application id from its first byte on disk', async () => {
    const dir = dataDir();
    const opened = await openDatabase({ dataDir: dir });
    opened.close();
    expect(readFileSync(join(dir, DB_FILE_NAME)).readInt32BE(68)).toBe(LEDGER_APPLICATION_ID);
    expect(readdirSync(dir).filter((f) => f.includes('.new-'))).toEqual([]);
  });

  it('a ledger made before application ids is opened, keeps its data and is stamped', async () => {
    const dir = dataDir();
    await oldLedger(root, dir, 9, 5);
    expect(signature(join(dir, DB_FILE_NAME)).applicationId).toBe(0);
    const opened = await openDatabase({ dataDir: dir });
    expect(opened.sqlite.prepare('SELECT count(*) FROM people').pluck().get()).toBe(5);
    opened.close();
    expect(signature(join(dir, DB_FILE_NAME)).applicationId).toBe(LEDGER_APPLICATION_ID);
  });

  it('a changed migration file under an applied tag is refused and the data file is untouched', async () => {
    const dir = dataDir();
    (await openDatabase({ dataDir: dir })).close();
    const before = snapshot(dir);
    const edited = migrationsCopy(root, { edit: (tag, sql) => (tag === '0001_members' ? sql.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS') : sql) });
    const err = await refusal(dir, edited);
    expect(err.code).toBe('MIGRATION_CHANGED');
    expect(err.message).toMatch(/0001_members/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the same migrations with Windows line endings are the same migrations', async () => {
    const dir = dataDir();
    (await openDatabase({ dataDir: dir })).close();
    const crlf = migrationsCopy(root, { edit: (_tag, sql) => sql.replace(/\r?\n/g, '\r\n') });
    const opened = await openDatabase({ dataDir: dir, migrationsDir: crlf });
    expect(opened.migrated).toEqual([]);
    opened.close();
  });
});

describe('what the clerk reads when the system fails', () => {
  const cases: [string, string, RegExp][] = [
    ['EACCES', 'D:/台账数据/ledger.db', /没有权限读写“D:\/台账数据\/ledger\.db”/],
    ['EPERM', 'D:/台账数据/ledger.db', /没有权限/],
    ['EROFS', 'D:/台账数据/ledger.db', /只读/],
    ['EISDIR', 'D:/导出/花名册.xlsx', /是一个文件夹/],
    ['ENOENT', 'E:/U盘/备份.zip', /找不到“E:\/U盘\/备份\.zip”/],
    ['ENOSPC', 'E:/U盘/花名册.xlsx', /磁盘空间不足/],
    ['SQLITE_FULL', '', /磁盘空间不足/],
    ['SQLITE_READONLY', '', /只读/],
    ['SQLITE_IOERR_WRITE', '', /读写数据文件时出错/],
  ];
  it.each(cases)('%s becomes plain Chinese naming the place and what to do', (code, path, expected) => {
    const err = Object.assign(new Error(`${code}: some system text, open '${path}'`), { code, ...(path ? { path } : {}) });
    const shown = serializeError(err);
    expect(shown.message).toMatch(expected);
    expect(shown.hint).toMatch(/请/);
    expect(`${shown.message}${shown.hint}`).not.toMatch(RAW);
    expect(`${shown.message}${shown.hint}`).not.toContain('some system text');
    expect(translateSystemError(err, { file: 'D:/台账数据/ledger.db' })?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('an unexpected error shows no internal text; the technician finds it in details', () => {
    const shown = serializeError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(shown).toMatchObject({ code: 'INTERNAL', message: '程序内部错误，本次操作没有完成。' });
    expect(JSON.stringify(shown.details)).toContain('Cannot read properties');
  });

  it('an error never repeats a huge input back', async () => {
    const host = new LedgerHost({ dataDir: dataDir() });
    await host.start();
    const huge = '长'.repeat(1_000_000);
    const result = await host.call(huge, {});
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result);
    expect(text.length).toBeLessThan(400);
    expect(text).toContain(`“${'长'.repeat(50)}…”`);
    await host.close();
  });

  it('a damaged file shows the clerk what to do, not the raw integrity_check lines', async () => {
    const dir = dataDir();
    const opened = await openDatabase({ dataDir: dir });
    opened.sqlite.exec(`CREATE TABLE scratch (id integer primary key, v text); CREATE INDEX scratch_v ON scratch (v);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO scratch (v) SELECT printf('值%05d', i) FROM n;`);
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rootPage = opened.sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'scratch_v'`).pluck().get() as number;
    opened.close();
    const file = join(dir, DB_FILE_NAME);
    const bytes = readFileSync(file);
    bytes.fill(0x55, (rootPage - 1) * 4096 + 8, rootPage * 4096);
    writeFileSync(file, bytes);
    writeFileSync(`${file}.open`, '1\n'); // as after a crash: the start runs quick_check
    const host = new LedgerHost({ dataDir: dir });
    const status = await host.start();
    expect(status.error?.code).toBe('DB_CORRUPT');
    expect(`${status.error?.message}${status.error?.hint}`).not.toMatch(RAW);
    expect(JSON.stringify(status.error?.details)).toMatch(/index|page|row/i);
    await host.close();
  });
});

describe('switching data sets while work runs', () => {
  it('waits for a running export instead of closing the file under it', async () => {
    const host = new LedgerHost({ dataDir: dataDir() });
    await host.start();
    await host.invoke('org.setup', SETUP_INPUT);
    for (let i = 0; i < 30; i++) {
      await host.invoke('people.create', { name: `王${i}`, idNumber: makeIdNumber('1980-01-01', '男', i + 1), ethnicity: '01' });
    }
    const exporting = host.call('reports.export', { reportId: 'people-roster' });
    const switching = host.call('app.openDemo', {});
    const exported = await exporting;
    expect(exported).toMatchObject({ ok: true, data: { rowCount: 30 } });
    const switched = await switching;
    expect(switched).toMatchObject({ ok: true, data: { demo: true } });
    // A call made after the switch was asked for runs on the new data set, not on a closed file.
    const back = host.call('app.openReal', {});
    const list = host.call('people.list', {});
    expect(await back).toMatchObject({ ok: true, data: { demo: false } });
    expect(await list).toMatchObject({ ok: true, data: { total: 30 } });
    await host.close();
  }, 60_000);

  it('refuses to switch while a job runs, and the job finishes on the open file', async () => {
    const host = new LedgerHost({ dataDir: dataDir() });
    await host.start();
    await host.invoke('org.setup', SETUP_INPUT);
    const file = readFileSync(join(__dirname, '..', 'fixtures', 'import', '24-ten-thousand.xlsx')).toString('base64');
    const { jobId } = (await host.invoke('import.preview', { kind: 'people', fileName: 'x.xlsx', base64: file })) as { jobId: string };
    const refused = await host.call('app.openReal', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    const done = await host.jobs.settled(jobId);
    expect(done.state).toBe('已完成');
    expect(await host.call('app.reopen', {})).toMatchObject({ ok: true });
    await host.close();
  }, 60_000);
});

describe('leftovers', () => {
  it('nothing of a refused open is left in the folder', () => {
    expect(existsSync(root)).toBe(true);
  });
});
