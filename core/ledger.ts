import { openDatabase, type OpenOptions } from '../db/open';
import { translateSystemError } from '../lib/errors';
import type { LedgerContext } from './context';
import { repairJudgements } from './members/state-store';
import { fillMissingSortKeys } from './people/sort-keys';

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
  try {
    // Names written before sort keys existed get theirs once; afterwards this finds nothing, without a table read.
    fillMissingSortKeys(ctx);
    // A database from before judgements were stored, or one a crash or an older build left behind, is made whole here.
    repairJudgements(ctx);
  } catch (err) {
    opened.close();
    // A full disk or a folder gone read-only shows up here first on an old file: named, in the clerk's words.
    throw translateSystemError(err, { file: opened.file, folder: opts.dataDir }) ?? err;
  }
  return {
    ctx,
    close: () => opened.close(),
  };
}
