/**
 * What backup needs from the host beyond the open file: the better-sqlite3 build to open copies with (Electron has
 * its own ABI), the shipped migrations (a backup from a newer app is refused), and a way to close and reopen the
 * data file around a restore. The host registers them per open connection; a ledger opened directly (tests, child
 * processes) gets the Node defaults.
 */
import Database from 'better-sqlite3';
import { defaultMigrationsDir } from '../../db/open';
import { readShippedMigrations } from '../../db/migrate';
import type { LedgerContext } from '../context';

export interface BackupTools {
  nativeBinding?: string;
  migrationsDir?: string;
  /** Closes the open ledger, runs work on the closed folder, reopens it and returns the new context. */
  reopenAround?: (work: () => Promise<void> | void) => Promise<LedgerContext>;
}

const registered = new WeakMap<object, BackupTools>();

export function registerBackupTools(ctx: LedgerContext, tools: BackupTools): void {
  registered.set(ctx.sqlite, tools);
}

export function toolsOf(ctx: LedgerContext): BackupTools {
  return registered.get(ctx.sqlite) ?? {};
}

export function openCopy(tools: BackupTools, file: string, readonly: boolean): Database.Database {
  return new Database(file, { readonly, fileMustExist: true, nativeBinding: tools.nativeBinding });
}

export function shippedTags(tools: BackupTools): string[] {
  return readShippedMigrations(tools.migrationsDir ?? defaultMigrationsDir()).map((m) => m.tag);
}

/** Facts read from a database copy: what the manifest records and what verification compares. */
export interface DbFacts {
  tags: string[];
  counts: Record<string, number>;
  townName: string;
  unitName: string;
  storedPaths: string[];
}

export function readFacts(db: Database.Database): DbFacts {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = db.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number;
  const tags = tables.includes('__ledger_migrations') ? (db.prepare('SELECT tag FROM __ledger_migrations ORDER BY idx').pluck().all() as string[]) : [];
  const setting = (key: string): string => {
    if (!tables.includes('settings')) return '';
    const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    try {
      const v: unknown = raw === undefined ? '' : JSON.parse(raw);
      return typeof v === 'string' ? v : '';
    } catch {
      return '';
    }
  };
  const storedPaths = tables.includes('attachments') ? (db.prepare('SELECT DISTINCT stored_path FROM attachments ORDER BY stored_path').pluck().all() as string[]) : [];
  return { tags, counts, townName: setting('townName'), unitName: setting('unitName'), storedPaths };
}
