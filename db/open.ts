/**
 * Opens the ledger's one SQLite file safely. An existing file that fails to open is reported, never replaced by a
 * new empty one.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { LedgerError } from '../lib/errors';
import * as schema from './schema';
import { migrate, readShippedMigrations } from './migrate';

export type LedgerDb = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  dataDir: string;
  /** db/migrations by default; the packaged app passes its resources folder. */
  migrationsDir?: string;
  /** The Electron-ABI build of better-sqlite3, kept apart from the Node-ABI build the tests use. */
  nativeBinding?: string;
}

export interface OpenedDb {
  sqlite: Database.Database;
  db: LedgerDb;
  file: string;
  migrated: string[];
  backupFile: string | null;
  /** Whether this open ran `quick_check`: only a file left open by a crash (its marker still there) is checked. */
  integrityChecked: boolean;
  /** Closes the file and removes the open marker, so the next start knows this one ended cleanly. */
  close(): void;
}

/** What an on-request integrity check found, in the clerk's words. */
export interface IntegrityResult {
  ok: boolean;
  message: string;
}

export const DB_FILE_NAME = 'ledger.db';
/**
 * Written beside the data file while it is open, removed on a clean close. Finding it at the next open means the
 * last run ended without closing (power cut, crash, killed process): only then is the file checked at start, since
 * `quick_check` reads every page and a district-size file would make every start wait for it.
 */
export const OPEN_MARKER_SUFFIX = '.open';
const SQLITE_HEADER = 'SQLite format 3\0';

export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDb> {
  const file = join(opts.dataDir, DB_FILE_NAME);
  const existed = existsSync(file);
  if (existed) assertLooksLikeSqlite(file);
  try {
    mkdirSync(opts.dataDir, { recursive: true });
  } catch (err) {
    throw new LedgerError('DB_OPEN_FAILED', `无法创建数据文件夹：${opts.dataDir}`, { hint: '请检查该文件夹的写入权限或磁盘空间。', cause: err });
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { nativeBinding: opts.nativeBinding, fileMustExist: false, timeout: 1500 });
  } catch (err) {
    throw translateOpenError(err, file);
  }
  try {
    // Exclusive locking: a second copy of the app (or the CLI) gets a clear "in use" message instead of racing.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    const marker = file + OPEN_MARKER_SUFFIX;
    // The pragmas above took the exclusive lock, so a second opener never gets here to mistake our marker for a crash.
    const integrityChecked = existed && existsSync(marker);
    if (integrityChecked) {
      const check = sqlite.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new LedgerError('DB_CORRUPT', `数据文件已损坏（${String(check)}）。`, { hint: corruptHint(file) });
    }
    const shipped = readShippedMigrations(opts.migrationsDir ?? defaultMigrationsDir());
    const outcome = await migrate(sqlite, shipped, { file, backupDir: join(opts.dataDir, 'backups') });
    if (!sqlite.open) throw new LedgerError('MIGRATION_FAILED', '数据库升级失败，已恢复原数据。', { hint: '请联系技术人员。' });
    writeFileSync(marker, `${process.pid}\n`);
    const handle = sqlite;
    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      file,
      migrated: outcome.applied,
      backupFile: outcome.backupFile,
      integrityChecked,
      close: () => {
        if (!handle.open) return;
        handle.close();
        rmSync(marker, { force: true });
      },
    };
  } catch (err) {
    if (sqlite.open) sqlite.close();
    throw translateOpenError(err, file);
  }
}

/**
 * A full integrity check, on request (the 设置 page, `ledger check-db`): reads every page, so it is never part of a
 * normal start.
 */
export function checkIntegrity(sqlite: Database.Database, file: string): IntegrityResult {
  let rows: string[];
  try {
    rows = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    rows = [(err as Error).message];
  }
  if (rows.length === 1 && rows[0] === 'ok') return { ok: true, message: '数据文件检查完毕，未发现损坏。' };
  return { ok: false, message: `数据文件已损坏（${rows.slice(0, 3).join('；')}）。${corruptHint(file)}` };
}

/** Reads the 16 header bytes only: the file can be hundreds of megabytes. */
function assertLooksLikeSqlite(file: string): void {
  const bytes = Buffer.alloc(16);
  let read = 0;
  const fd = openSync(file, 'r');
  try {
    read = readSync(fd, bytes, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  const head = bytes.subarray(0, read).toString('latin1');
  if (head.length > 0 && head !== SQLITE_HEADER) {
    throw new LedgerError('DB_CORRUPT', '数据文件已损坏，或不是台账数据文件。', { hint: corruptHint(file) });
  }
}

function corruptHint(file: string): string {
  return `数据文件：${file}。程序没有改动它，也没有新建空数据。请把它复制一份交给技术人员修复；数据文件夹里的 backups 文件夹存有每次升级前的备份。`;
}

function translateOpenError(err: unknown, file: string): LedgerError {
  if (err instanceof LedgerError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError('DB_LOCKED', '数据文件正被另一个台账程序使用。', {
      hint: '同一份数据一次只能由一个程序打开。请关闭其他台账窗口（或命令行任务）后重试。',
      cause: err,
    });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new LedgerError('DB_CORRUPT', '数据文件已损坏，或不是台账数据文件。', { hint: corruptHint(file), cause: err });
  }
  if (code === 'SQLITE_FULL') {
    return new LedgerError('DISK_FULL', '磁盘空间不足，无法打开数据文件。', { hint: '请清理磁盘空间后重试。', cause: err });
  }
  return new LedgerError('DB_OPEN_FAILED', `无法打开数据文件：${(err as Error).message}`, {
    hint: `数据文件：${file}。请检查文件权限，或联系技术人员。`,
    cause: err,
  });
}
