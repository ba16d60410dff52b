import type Database from 'better-sqlite3';
import dayjs from 'dayjs';
import type { LedgerDb } from '../db/open';

/** What every service receives: the database and a clock (injectable, so reminders and tests agree on "today"). */
export interface LedgerContext {
  sqlite: Database.Database;
  db: LedgerDb;
  dataDir: string;
  now: () => Date;
}

export function today(ctx: Pick<LedgerContext, 'now'>): string {
  return dayjs(ctx.now()).format('YYYY-MM-DD');
}

export function timestamp(ctx: Pick<LedgerContext, 'now'>): string {
  return dayjs(ctx.now()).format('YYYY-MM-DD HH:mm:ss');
}

/** Services own their transaction: the write and its audit entry land together or not at all. */
export function inTransaction<T>(ctx: LedgerContext, work: () => T): T {
  return ctx.sqlite.transaction(work)();
}
