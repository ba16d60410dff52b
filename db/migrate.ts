/**
 * Applies drizzle-kit's reviewed SQL migrations ourselves rather than through drizzle's migrator, because the
 * ledger must: refuse a file written by a newer app, back up before touching existing data, keep foreign keys
 * off outside the transaction (drizzle-orm #5782: a table rebuild inside it cascades deletes), check them after,
 * and restore the backup on any failure. It never drops data to "recover".
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { LedgerError } from '../lib/errors';

export interface ShippedMigration {
  tag: string;
  sql: string;
  hash: string;
}

export function readShippedMigrations(dir: string): ShippedMigration[] {
  const journalPath = join(dir, 'meta', '_journal.json');
  if (!existsSync(journalPath)) {
    throw new LedgerError('MIGRATION_FAILED', `找不到数据库升级脚本（${journalPath}）`, { hint: '程序安装不完整，请重新安装。' });
  }
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sql = readFileSync(join(dir, `${tag}.sql`), 'utf8');
      return { tag, sql, hash: createHash('sha256').update(sql).digest('hex') };
    });
}

const LEDGER_TABLE = '__ledger_migrations';

function appliedTags(sqlite: Database.Database): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${LEDGER_TABLE} (
    idx INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')))`);
  return (sqlite.prepare(`SELECT tag FROM ${LEDGER_TABLE} ORDER BY idx`).all() as { tag: string }[]).map((r) => r.tag);
}

export interface MigrateOptions {
  file: string;
  backupDir: string;
  /** Reopens the database after a restore; the caller owns the connection. */
  now?: () => Date;
}

export interface MigrateOutcome {
  applied: string[];
  backupFile: string | null;
}

/** The applied list must be a prefix of the shipped list; anything else means another (newer) app wrote it. */
export function pendingMigrations(sqlite: Database.Database, shipped: ShippedMigration[]): ShippedMigration[] {
  const applied = appliedTags(sqlite);
  applied.forEach((tag, i) => {
    if (shipped[i]?.tag !== tag) {
      throw new LedgerError('DB_TOO_NEW', '数据文件由更新版本的台账程序写入，本程序无法打开。', {
        hint: '请安装最新版本的台账程序后再打开。数据文件未作任何改动。',
        details: { unknownMigration: tag },
      });
    }
  });
  return shipped.slice(applied.length);
}

export async function migrate(sqlite: Database.Database, shipped: ShippedMigration[], opts: MigrateOptions): Promise<MigrateOutcome> {
  const pending = pendingMigrations(sqlite, shipped);
  if (pending.length === 0) return { applied: [], backupFile: null };

  const hasData = appliedTags(sqlite).length > 0;
  let backupFile: string | null = null;
  if (hasData) {
    mkdirSync(opts.backupDir, { recursive: true });
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    backupFile = join(opts.backupDir, `升级前备份-${pending[0]!.tag}-${stamp}.db`);
    await sqlite.backup(backupFile);
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    const run = sqlite.transaction(() => {
      const record = sqlite.prepare(`INSERT INTO ${LEDGER_TABLE} (idx, tag, hash) VALUES (?, ?, ?)`);
      const start = shipped.length - pending.length;
      pending.forEach((m, i) => {
        for (const statement of m.sql.split('--> statement-breakpoint')) {
          if (statement.trim()) sqlite.exec(statement);
        }
        record.run(start + i, m.tag, m.hash);
      });
      const broken = sqlite.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new LedgerError('MIGRATION_FAILED', `数据库升级后发现 ${broken.length} 处关联数据不一致，已撤销升级。`, { details: broken.slice(0, 20) });
      }
    });
    run();
  } catch (err) {
    if (backupFile) restoreBackup(sqlite, opts.file, backupFile);
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('MIGRATION_FAILED', `数据库升级失败：${(err as Error).message}`, {
      hint: backupFile ? `原数据已从备份恢复（${backupFile}）。请联系技术人员。` : '请联系技术人员。',
      cause: err,
    });
  } finally {
    if (sqlite.open) sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((m) => m.tag), backupFile };
}

/** The transaction already rolled back; the copy back is the belt to its braces, as the architecture asks. */
function restoreBackup(sqlite: Database.Database, file: string, backupFile: string): void {
  sqlite.close();
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  copyFileSync(backupFile, file);
}
