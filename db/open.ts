/**
 * Opens the ledger's one SQLite file safely. An existing file that fails to open is reported, never replaced by a
 * new empty one.
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { LedgerError, translateSystemError } from '../lib/errors';
import * as schema from './schema';
import { migrate, readShippedMigrations } from './migrate';
import { createLedgerFile, inspectDataFile, type FileKind } from './identify';

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
  /** What integrity_check said, for the technician; the clerk reads only `message`. */
  details?: string[];
}

export const DB_FILE_NAME = 'ledger.db';
/**
 * Written beside the data file while it is open, removed on a clean close. Finding it at the next open means the
 * last run ended without closing (power cut, crash, killed process): only then is the file checked at start, since
 * `quick_check` reads every page and a district-size file would make every start wait for it.
 */
export const OPEN_MARKER_SUFFIX = '.open';

export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export async function openDatabase(opts: OpenOptions): Promise<OpenedDb> {
  const file = join(opts.dataDir, DB_FILE_NAME);
  const place = { file, folder: opts.dataDir };
  let kind: FileKind;
  try {
    kind = inspectDataFile(file, opts.nativeBinding);
    assertWritable(opts.dataDir, kind === 'missing' ? null : file);
    const shipped = readShippedMigrations(opts.migrationsDir ?? defaultMigrationsDir());
    if (kind !== 'missing') return await openExisting(file, true, shipped, opts);
    mkdirSync(opts.dataDir, { recursive: true });
    const created = createLedgerFile(file, shipped, opts.nativeBinding);
    const opened = await openExisting(file, false, shipped, opts);
    return created ? { ...opened, migrated: shipped.map((m) => m.tag) } : opened;
  } catch (err) {
    throw translateOpenError(err, place);
  }
}

async function openExisting(file: string, existed: boolean, shipped: ReturnType<typeof readShippedMigrations>, opts: OpenOptions): Promise<OpenedDb> {
  const sqlite = new Database(file, { nativeBinding: opts.nativeBinding, fileMustExist: true, timeout: 1500 });
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
      if (check !== 'ok') throw corrupt(file, '数据文件已损坏。', { quickCheck: String(check) });
    }
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
    throw err;
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
  return { ok: false, message: `数据文件已损坏。${corruptHint(file)}`, details: rows };
}

/**
 * The ledger writes beside its file (the log, the open marker, backups), so a folder or file it cannot write is
 * said plainly up front rather than as SQLite's "attempt to write a readonly database" halfway through.
 */
function assertWritable(dataDir: string, file: string | null): void {
  const hint = `台账要在这里保存数据。请取消该文件夹（或 U 盘）的只读、写保护，确认当前 Windows 账户有修改权限（右键→属性→安全），或用 --data-dir 换一个可以写入的文件夹后重试。`;
  if (!existsSync(dataDir)) {
    // Made on first start; its nearest existing parent must take it.
    let parent = dirname(dataDir);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    if (!canWrite(parent)) throw new LedgerError('READ_ONLY', `无法创建数据文件夹：${dataDir}（所在位置只读或没有权限）。`, { hint });
    return;
  }
  if (!canWrite(dataDir)) throw new LedgerError('READ_ONLY', `数据文件夹只读或没有写入权限：${dataDir}`, { hint });
  if (file && !canWrite(file)) throw new LedgerError('READ_ONLY', `数据文件只读或没有写入权限：${file}`, { hint });
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function corrupt(file: string, message: string, details?: unknown): LedgerError {
  return new LedgerError('DB_CORRUPT', message, { hint: corruptHint(file), details });
}

export function corruptHint(file: string): string {
  return `数据文件：${file}。程序没有改动它，也没有新建空数据。请把它复制一份交给技术人员修复；数据文件夹里的 backups 文件夹存有每次升级前的备份。`;
}

function translateOpenError(err: unknown, place: { file: string; folder: string }): LedgerError {
  if (err instanceof LedgerError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError('DB_LOCKED', '数据文件正被另一个台账程序使用。', {
      hint: '同一份数据一次只能由一个程序打开。请关闭其他台账窗口（或命令行任务）后重试。',
      cause: err,
    });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return corrupt(place.file, '数据文件已损坏，或不是台账数据文件。', { code });
  }
  const system = translateSystemError(err, place);
  if (system) return system;
  return new LedgerError('DB_OPEN_FAILED', '无法打开数据文件。', {
    hint: `数据文件：${place.file}。请检查文件权限，或联系技术人员。`,
    details: { code, error: (err as Error).message },
    cause: err,
  });
}
