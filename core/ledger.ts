import { openDatabase, type OpenOptions } from '../db/open';
import type { LedgerContext } from './context';

export interface Ledger {
  ctx: LedgerContext;
  close(): void;
}

export interface LedgerOptions extends OpenOptions {
  now?: () => Date;
}

export async function openLedger(opts: LedgerOptions): Promise<Ledger> {
  const opened = await openDatabase(opts);
  const ctx: LedgerContext = { sqlite: opened.sqlite, db: opened.db, dataDir: opts.dataDir, now: opts.now ?? (() => new Date()) };
  return {
    ctx,
    close: () => opened.close(),
  };
}
