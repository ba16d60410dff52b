/**
 * Tells the ledger's own data file from anything else before a single byte is written, and creates a new one
 * atomically. Refusals here leave the file byte for byte as it was: the header is read with plain file reads, and
 * a file that needs a look inside is opened read-only (a read-write connection checkpoints on close, and
 * `journal_mode = WAL` rewrites the header).
 */
import { closeSync, existsSync, linkSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../lib/errors';
import { createSchema, LEDGER_APPLICATION_ID, LEDGER_TABLE, type ShippedMigration } from './migrate';
import { removeSidecars, syncPath } from './backup-file';

/**
 * missing: no file, a new ledger is made. ours: carries the ledger's application id. legacy: a ledger from before
 * the id existed (id 0, with the ledger's migration table). blank: a SQLite file with no tables at all, nothing to lose.
 */
export type FileKind = 'missing' | 'ours' | 'legacy' | 'blank';

const SQLITE_HEADER = 'SQLite format 3\0';
const HEADER_SIZE = 100;
const APPLICATION_ID_OFFSET = 68;
/** A temporary file from a creation that was killed before its rename; removed once older than this. */
const STALE_MS = 10 * 60 * 1000;

function backupsHint(file: string): string {
  return `数据文件：${file}。程序没有改动它，也没有新建空数据（那样会让人误以为数据丢了）。请先把它复制一份留存，再从数据文件夹里的 backups 文件夹选一份最近的备份恢复，或交给技术人员处理。`;
}

function foreign(file: string, details: unknown): LedgerError {
  return new LedgerError('DB_FOREIGN', `数据文件夹中的 ${basename(file)} 不是台账的数据文件（可能是其他软件的数据库被放到了这里），程序没有打开也没有改动它。`, {
    hint: `文件：${file}。请把这个文件移出数据文件夹（或给台账另选一个数据文件夹）后重试；如果它原本就是台账数据，请交给技术人员检查。`,
    details,
  });
}

export function inspectDataFile(file: string, nativeBinding?: string): FileKind {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      throw new LedgerError('DB_OPEN_FAILED', `数据文件的位置被一个同名文件夹占着：${file}`, {
        hint: '请把这个名为 ledger.db 的文件夹改名或移走后重试。',
      });
    }
    size = stat.size;
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return 'missing';
    throw err;
  }
  if (size === 0) {
    throw new LedgerError('DB_CORRUPT', '数据文件是空的（0 字节），里面没有任何数据。可能是上次保存时断电、磁盘已满或文件被其他程序清空。', { hint: backupsHint(file) });
  }
  const head = Buffer.alloc(HEADER_SIZE);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, HEADER_SIZE, 0);
  } finally {
    closeSync(fd);
  }
  if (read < HEADER_SIZE) {
    const isStart = head.subarray(0, Math.min(read, 16)).toString('latin1') === SQLITE_HEADER.slice(0, Math.min(read, 16));
    if (isStart) throw new LedgerError('DB_CORRUPT', `数据文件不完整（只有 ${size} 字节），无法打开。`, { hint: backupsHint(file) });
    throw new LedgerError('DB_CORRUPT', '数据文件已损坏，或不是台账数据文件。', { hint: backupsHint(file) });
  }
  if (head.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    throw new LedgerError('DB_CORRUPT', '数据文件已损坏，或不是台账数据文件。', { hint: backupsHint(file) });
  }
  const id = head.readInt32BE(APPLICATION_ID_OFFSET);
  if (id === LEDGER_APPLICATION_ID) return 'ours';
  if (id !== 0) return refuse(file, { applicationId: id });
  return lookInside(file, nativeBinding);
}

function refuse(file: string, details: unknown): never {
  throw foreign(file, details);
}

/** An id of 0 is a ledger from before the id, or an empty file, or someone else's: only the table list tells. */
function lookInside(file: string, nativeBinding?: string): FileKind {
  const hadShm = existsSync(`${file}-shm`);
  const hadWal = existsSync(`${file}-wal`);
  let tables: string[];
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding, timeout: 1500 });
  try {
    tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
    // A read-only look at a WAL file leaves an index file behind; it was not there before, so it goes.
    if (!hadWal && existsSync(`${file}-wal`) && statSync(`${file}-wal`).size === 0) rmSync(`${file}-wal`, { force: true });
    if (!hadShm && !existsSync(`${file}-wal`)) rmSync(`${file}-shm`, { force: true });
  }
  if (tables.includes(LEDGER_TABLE)) return 'legacy';
  if (tables.length === 0) return 'blank';
  return refuse(file, { tables: tables.slice(0, 20) });
}

/**
 * Makes a new ledger under a temporary name (schema and application id in one transaction), closes it, then links
 * it to its final name: a kill at any point leaves either no ledger.db or a complete one, never a 0-byte file that
 * the next start would have to refuse. Linking (not renaming) never replaces a file another process made meanwhile.
 */
/** Returns false when another process created the file first (that one is then opened instead). */
export function createLedgerFile(file: string, shipped: ShippedMigration[], nativeBinding?: string): boolean {
  const dir = dirname(file);
  removeStaleTemporaries(dir);
  const tmp = `${file}.new-${process.pid}-${Date.now().toString(36)}`;
  try {
    const db = new Database(tmp, { nativeBinding });
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      createSchema(db, shipped);
    } finally {
      db.close();
    }
    syncPath(tmp);
    try {
      linkSync(tmp, file);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'EEXIST') return false; // another copy of the app made it first: open that one
      // Folders without hard links (a FAT-formatted USB stick): rename, after checking that the name is still free.
      if (existsSync(file)) return false;
      renameSync(tmp, file);
    }
    syncPath(dir);
    return true;
  } finally {
    rmSync(tmp, { force: true });
    removeSidecars(tmp);
  }
}

function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!/^ledger\.db\.(new-[\w-]+|restoring)(-wal|-shm|-journal)?$/.test(name)) continue;
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}
