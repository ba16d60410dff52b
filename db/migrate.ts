/**
 * Applies drizzle-kit's reviewed SQL migrations ourselves rather than through drizzle's migrator, because the
 * ledger must: refuse a file written by a newer app, refuse a shipped migration that changed under the tag it was
 * applied as, back up before touching existing data (to a temporary name, verified, then renamed), keep foreign keys
 * off outside the transaction (drizzle-orm #5782: a table rebuild inside it cascades deletes), check them after,
 * and restore the verified backup on any failure. It never drops data to "recover".
 */
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { LedgerError, translateSystemError } from '../lib/errors';
import { restoreVerified, takeVerifiedBackup } from './backup-file';

export interface ShippedMigration {
  tag: string;
  sql: string;
  hash: string;
}

/**
 * `PRAGMA application_id` of every ledger file ("GRLG", grassroots-ledger), set in the step that creates the schema:
 * a SQLite file without it is another program's and is never changed. Files made before it existed carry 0 and
 * are stamped when they are next opened.
 */
export const LEDGER_APPLICATION_ID = 0x47524c47;
export const LEDGER_TABLE = '__ledger_migrations';

export function readShippedMigrations(dir: string): ShippedMigration[] {
  const journalPath = join(dir, 'meta', '_journal.json');
  if (!existsSync(journalPath)) {
    throw new LedgerError('MIGRATION_FAILED', '找不到数据库升级脚本，程序安装不完整。', { hint: '请重新安装台账程序。', details: { journalPath } });
  }
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sql = readFileSync(join(dir, `${tag}.sql`), 'utf8');
      return { tag, sql, hash: sha256(sql) };
    });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The hashes a shipped file may have been recorded under: its bytes, and the same text with the other line endings
 * (a checkout with git's autocrlf turns LF into CRLF without changing a single statement).
 */
function acceptedHashes(m: ShippedMigration): Set<string> {
  const lf = m.sql.replace(/\r\n/g, '\n');
  return new Set([m.hash, sha256(lf), sha256(lf.replace(/\n/g, '\r\n'))]);
}

interface AppliedRow {
  idx: number;
  tag: string;
  hash: string;
}

function hasLedgerTable(sqlite: Database.Database): boolean {
  return !!sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(LEDGER_TABLE);
}

/** Reads only: a refusal must leave the file exactly as it was. */
function appliedRows(sqlite: Database.Database): AppliedRow[] {
  if (!hasLedgerTable(sqlite)) return [];
  return sqlite.prepare(`SELECT idx, tag, hash FROM ${LEDGER_TABLE} ORDER BY idx`).all() as AppliedRow[];
}

const CREATE_LEDGER_TABLE = `CREATE TABLE IF NOT EXISTS ${LEDGER_TABLE} (
    idx INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE, hash TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S','now','localtime')))`;

export interface MigrateOptions {
  file: string;
  backupDir: string;
  now?: () => Date;
}

export interface MigrateOutcome {
  applied: string[];
  backupFile: string | null;
}

/**
 * The applied list must be a prefix of the shipped list (anything else means another, newer app wrote it), and each
 * applied migration must still be the one shipped under its tag. Reads only.
 */
export function pendingMigrations(sqlite: Database.Database, shipped: ShippedMigration[]): ShippedMigration[] {
  const applied = appliedRows(sqlite);
  applied.forEach((row, i) => {
    const m = shipped[i];
    if (m?.tag !== row.tag) {
      throw new LedgerError('DB_TOO_NEW', '数据文件由更新版本的台账程序写入，本程序无法打开。', {
        hint: '请安装最新版本的台账程序后再打开。数据文件未作任何改动。',
        details: { unknownMigration: row.tag },
      });
    }
    if (!acceptedHashes(m).has(row.hash)) {
      throw new LedgerError('MIGRATION_CHANGED', `本程序附带的数据库升级脚本与这份数据当初升级时用的不一致（${m.tag}），为防止数据结构错乱，程序没有打开它。`, {
        hint: '程序文件可能被改动或安装不完整。请重新安装正式发布的台账程序后再打开；数据文件未作任何改动。',
        details: { tag: m.tag, recorded: row.hash, shipped: m.hash },
      });
    }
  });
  return shipped.slice(applied.length);
}

function runMigrations(sqlite: Database.Database, list: ShippedMigration[], start: number): void {
  const record = sqlite.prepare(`INSERT INTO ${LEDGER_TABLE} (idx, tag, hash) VALUES (?, ?, ?)`);
  list.forEach((m, i) => {
    for (const statement of m.sql.split('--> statement-breakpoint')) {
      if (statement.trim()) sqlite.exec(statement);
    }
    record.run(start + i, m.tag, m.hash);
  });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0) {
    throw new LedgerError('MIGRATION_FAILED', `数据库升级后发现 ${broken.length} 处关联数据不一致，已撤销升级。`, {
      hint: '原数据没有改动。请联系技术人员。',
      details: broken.slice(0, 20),
    });
  }
}

/**
 * A brand-new file (not yet under its final name, see db/open.ts): the whole schema and the application id in one
 * transaction, so the file is a complete ledger or nothing.
 */
export function createSchema(sqlite: Database.Database, shipped: ShippedMigration[]): void {
  sqlite.pragma('foreign_keys = OFF');
  sqlite.transaction(() => {
    sqlite.exec(CREATE_LEDGER_TABLE);
    runMigrations(sqlite, shipped, 0);
    sqlite.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
  })();
  sqlite.pragma('foreign_keys = ON');
}

export async function migrate(sqlite: Database.Database, shipped: ShippedMigration[], opts: MigrateOptions): Promise<MigrateOutcome> {
  const pending = pendingMigrations(sqlite, shipped);
  const stamped = sqlite.pragma('application_id', { simple: true }) === LEDGER_APPLICATION_ID;
  if (pending.length === 0) {
    // A ledger from before the id existed: stamped once, on its own (a header write, nothing else changes).
    if (!stamped) sqlite.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
    return { applied: [], backupFile: null };
  }

  const hasData = hasLedgerTable(sqlite);
  let backupFile: string | null = null;
  if (hasData) {
    const stamp = (opts.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    // Only a backup that was read back and matched gets a final name; only such a file is ever restored.
    backupFile = await takeVerifiedBackup(sqlite, opts.backupDir, `升级前备份-${pending[0]!.tag}-${stamp}.db`);
  }

  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      sqlite.exec(CREATE_LEDGER_TABLE);
      runMigrations(sqlite, pending, shipped.length - pending.length);
      if (!stamped) sqlite.pragma(`application_id = ${LEDGER_APPLICATION_ID}`);
    })();
  } catch (err) {
    if (backupFile) restoreVerified(sqlite, opts.file, backupFile);
    if (err instanceof LedgerError) throw err;
    const system = translateSystemError(err, { file: opts.file });
    if (system) throw new LedgerError(system.code, `数据库升级没有完成：${system.message}原数据没有改动。`, { hint: system.hint, details: system.details, cause: err });
    throw new LedgerError('MIGRATION_FAILED', '数据库升级失败，原数据没有改动。', {
      hint: backupFile ? `升级前的备份在：${backupFile}。请联系技术人员。` : '请联系技术人员。',
      details: { error: (err as Error).message },
      cause: err,
    });
  } finally {
    if (sqlite.open) sqlite.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((m) => m.tag), backupFile };
}
