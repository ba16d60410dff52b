/**
 * Restore refuses every bad file with a Chinese message naming what is wrong, and the data folder stays byte for byte
 * as it was. The bad files are made here from a good backup: empty, truncated, a plain zip, a bare SQLite file, another
 * program's manifest, a newer schema, a changed byte, a database that is not the ledger's, wrong row counts, a corrupt
 * database whose hashes were recomputed, an unlisted extra entry and a path that leaves the folder.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../core/backup/archive';
import { openZip } from '../../core/backup/archive';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost, tempDir } from '../helpers/ledger';

let host: LedgerHost;
let dir: string;
let close: () => Promise<void>;
const scratch = tempDir('ledger-backup-bad-');
let good: Buffer;
let goodManifest: { entries: { path: string; sha256: string; size: number }[]; counts: Record<string, number>; schemaVersion: string } & Record<string, unknown>;
let goodDb: Buffer;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const file = join(scratch.dir, `z-${Math.random().toString(36).slice(2)}.zip`);
  await writeZip(file, Object.entries(entries).map(([name, buffer]) => ({ name, buffer })));
  return readFileSync(file);
}

/** A backup whose manifest is changed by `edit`, with the database bytes given (hashes recomputed unless told). */
async function variant(edit: (m: typeof goodManifest) => void, db = goodDb, rehash = true, extra: Record<string, Buffer> = {}): Promise<Buffer> {
  const m = structuredClone(goodManifest);
  if (rehash) {
    const e = m.entries.find((x) => x.path === 'ledger.db')!;
    e.sha256 = sha(db);
    e.size = db.length;
  }
  edit(m);
  const attachments: Record<string, Buffer> = {};
  return zipOf({ 'manifest.json': Buffer.from(JSON.stringify(m)), 'ledger.db': db, ...attachments, ...extra });
}

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = sha(readFileSync(p));
    }
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  ({ host, dir, close } = await startHost());
  await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' });
  const { jobId } = (await host.invoke('backup.create', {})) as { jobId: string };
  const done = await host.jobs.settled(jobId);
  const fileName = (done.result as { fileName: string }).fileName;
  good = readFileSync(join(dir, 'backups', fileName));
  const zip = await openZip(join(dir, 'backups', fileName));
  goodManifest = JSON.parse((await zip.readBuffer('manifest.json', 1e7)).toString());
  const dbFile = join(scratch.dir, 'good.db');
  await zip.extract('ledger.db', dbFile);
  zip.close();
  goodDb = readFileSync(dbFile);
});
afterAll(async () => {
  await close();
  scratch.cleanup();
});

function foreignSqlite(): Buffer {
  const file = join(scratch.dir, `other-${Math.random().toString(36).slice(2)}.db`);
  const db = new Database(file);
  db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('张三')");
  db.close();
  return readFileSync(file);
}

/** The good database with one b-tree page overwritten: it still opens, but integrity_check fails. */
function corruptDb(): Buffer {
  const file = join(scratch.dir, `corrupt-${Math.random().toString(36).slice(2)}.db`);
  writeFileSync(file, goodDb);
  const db = new Database(file);
  const page = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'people'").pluck().get() as number;
  db.close();
  const bytes = Buffer.from(goodDb);
  // Scramble the cell area of the people table's root page, keeping its header so the page still parses.
  for (let i = (root - 1) * page + 200; i < root * page - 8; i++) bytes[i] = (i * 37) & 0xff;
  return bytes;
}

const BAD: [string, () => Promise<Buffer> | Buffer, RegExp][] = [
  ['an empty file', () => Buffer.alloc(0), /文件是空的（0 字节）/],
  ['a truncated backup', () => good.subarray(0, Math.floor(good.length / 2)), /无法作为 zip 压缩包读取/],
  ['a plain zip of another program', () => zipOf({ 'readme.txt': Buffer.from('hello') }), /没有备份清单 manifest\.json/],
  ['a bare SQLite file', () => foreignSqlite(), /这是一个 SQLite 数据库文件，不是台账备份文件/],
  ['another application\'s manifest', () => variant((m) => (m.applicationId = 'some-other-app')), /其他程序的文件（程序标识：some-other-app）/],
  ['a backup from a newer version', () => variant((m) => (m.schemaVersion = '9999_future')), /更新版本的台账程序生成（数据版本 9999_future/],
  ['a newer backup format', () => variant((m) => (m.formatVersion = 7)), /备份格式第 7 版/],
  ['a changed byte in the database', () => variant(() => undefined, Buffer.concat([goodDb.subarray(0, 5000), Buffer.from([goodDb[5000]! ^ 1]), goodDb.subarray(5001)]), false), /与清单记录的校验值（SHA-256）不符/],
  ['a non-ledger SQLite database inside', () => variant(() => undefined, foreignSqlite()), /不是台账数据库/],
  ['a corrupt database with recomputed hashes', () => variant(() => undefined, corruptDb()), /备份中的数据库(未通过完整性检查|已损坏，或不是 SQLite 数据库)/],
  ['row counts that do not match', () => variant((m) => (m.counts.people = 99)), /行数不符（people：清单 99 行，实际 1 行）/],
  ['an entry not in the manifest', () => variant(() => undefined, goodDb, true, { 'attachments/2026/x.exe': Buffer.from('MZ') }), /清单以外的文件/],
  ['a path that leaves the folder', () => variant((m) => m.entries.push({ path: 'attachments/../../evil.txt', sha256: sha(Buffer.from('x')), size: 1 })), /不允许的文件路径/],
  ['a damaged manifest', () => zipOf({ 'manifest.json': Buffer.from('{"applicationId": "grassroots-ledger", '), 'ledger.db': goodDb }), /manifest\.json 已损坏/],
];

describe('restore refuses bad files and leaves the data untouched', () => {
  it('accepts the good backup it started from', async () => {
    await expect(host.invoke('backup.inspect', { source: { upload: { fileName: '好的备份.zip', base64: good.toString('base64') } } })).resolves.toMatchObject({ fileName: '好的备份.zip' });
  });

  it.each(BAD)('refuses %s', async (_label, make, message) => {
    const bytes = await make();
    const source = { upload: { fileName: '坏备份.zip', base64: bytes.toString('base64') || 'AA==' } };
    if (bytes.length === 0) source.upload.base64 = '';
    const before = snapshot(dir);
    if (bytes.length > 0) {
      const inspect = host.invoke('backup.inspect', { source });
      await expect(inspect).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
      await expect(inspect).rejects.toMatchObject({ message: expect.stringContaining('“坏备份.zip”') });
      const { jobId } = (await host.invoke('backup.restore', { source, confirm: true })) as { jobId: string };
      const done = await host.jobs.settled(jobId);
      expect(done.state).toBe('失败');
      expect(done.error?.message).toMatch(message);
      expect(done.error?.hint).toContain('当前数据没有任何改动');
    } else {
      // An empty upload is refused by the contract already; the same empty file on disk by the check.
      await expect(host.invoke('backup.inspect', { source })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      writeFileSync(join(scratch.dir, 'empty.zip'), bytes);
      const { verifyBackup } = await import('../../core/backup/verify');
      await expect(verifyBackup(join(scratch.dir, 'empty.zip'), { tools: {}, sharedDir: null, scratchDir: join(scratch.dir, 'v') })).rejects.toMatchObject({ message: expect.stringMatching(message) });
    }
    expect(snapshot(dir)).toEqual(before);
    expect(((await host.invoke('people.list', {})) as { total: number }).total).toBe(1);
  });
});
