/**
 * The copy taken before a migration, and putting it back. A copy only gets its final name once it has been read
 * back and found whole (integrity_check, the same tables with the same row counts), so a kill or a full disk during
 * the copy leaves at most a hidden `.part` file, never a short or empty file that looks like a backup. Putting a
 * copy back goes through a temporary name too, so the data file is always either the old one or the whole copy.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError, translateSystemError } from '../lib/errors';

const PART = /^\..*\.part(-wal|-shm|-journal)?$/;

/** Flushes a file (or, where the OS allows, a folder entry) to the disk: a power cut must not undo a rename. */
export function syncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; its renames are journalled by NTFS instead.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

interface Snapshot {
  tables: string[];
  counts: Record<string, number>;
}

function snapshot(db: Database.Database): Snapshot {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`).all() as { name: string }[]
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  return { tables, counts };
}

/** Opens the copy and compares it with the live file; throws when they differ in any way that matters. */
export function verifyCopy(source: Database.Database, copyPath: string): void {
  const expected = snapshot(source);
  const copy = new Database(copyPath, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`);
    const got = snapshot(copy);
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('tables or row counts differ from the data file');
  } finally {
    copy.close();
  }
}

/** Writes the copy under a hidden temporary name, verifies it, then renames it to `name`. Returns the final path. */
export async function takeVerifiedBackup(source: Database.Database, dir: string, name: string): Promise<string> {
  const finalPath = join(dir, name);
  const part = join(dir, `.${name}.part`);
  try {
    mkdirSync(dir, { recursive: true });
    // Left by a kill during an earlier copy: never a backup, and this process holds the data file's lock.
    for (const f of readdirSync(dir)) if (PART.test(f)) rmSync(join(dir, f), { force: true });
    await source.backup(part);
    try {
      verifyCopy(source, part);
    } catch (err) {
      throw new LedgerError('MIGRATION_FAILED', '升级前的备份没有通过检查，本次没有升级，原数据没有改动。', {
        hint: `请检查备份文件夹“${dir}”所在磁盘的空间和状态后重试，或联系技术人员。`,
        details: { error: (err as Error).message },
        cause: err,
      });
    }
    removeSidecars(part);
    syncPath(part);
    renameSync(part, finalPath);
    syncPath(dir);
    return finalPath;
  } catch (err) {
    rmSync(part, { force: true });
    removeSidecars(part);
    if (err instanceof LedgerError) throw err;
    const system = translateSystemError(err, { file: finalPath, folder: dir });
    if (system) {
      throw new LedgerError(system.code, `升级前无法备份数据：${system.message}本次没有升级，原数据没有改动。`, { hint: system.hint, details: system.details, cause: err });
    }
    throw err;
  }
}

/**
 * Puts a verified backup back in place of the data file after a failed migration. The connection is closed first
 * (which checkpoints its log into the file); the copy goes to a temporary name and is renamed over the file.
 * The failed transaction has already rolled back, so if this itself fails the file still holds the old data.
 */
export function restoreVerified(sqlite: Database.Database, file: string, backupFile: string): void {
  if (sqlite.open) sqlite.close();
  const tmp = `${file}.restoring`;
  try {
    copyFileSync(backupFile, tmp);
    syncPath(tmp);
    removeSidecars(file);
    renameSync(tmp, file);
    syncPath(join(file, '..'));
  } catch {
    rmSync(tmp, { force: true });
  }
}
