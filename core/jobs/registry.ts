/**
 * The kinds of long work (re-judging, and later import, backup, restore, merge, big exports). Each module registers
 * its kind once, at import; the runner looks kinds up by name, so `jobs.status` can name any job without knowing it.
 */
import type { LedgerContext } from '../context';

/** Thrown by throwIfCancelled/checkpoint; the runner turns it into the state 已取消. */
export class JobCancelledError extends Error {
  constructor() {
    super('任务已取消');
    this.name = 'JobCancelledError';
  }
}

/** What a running job uses to say how far it is and to learn that the clerk pressed 取消. */
export interface JobReporter {
  /** done of total units (files, rows …), with a Chinese line for the progress bar; message keeps the last one if left out. */
  progress(done: number, total: number, message?: string): void;
  readonly cancelled: boolean;
  /** Throws JobCancelledError once 取消 was asked for. */
  throwIfCancelled(): void;
  /**
   * Gives the event loop a turn (status queries, 取消, other reads are answered), then throwIfCancelled. A job calls
   * it between chunks of work; a job that writes does all its writing after the last checkpoint, in one transaction.
   */
  checkpoint(): Promise<void>;
}

export interface JobKind<I = unknown, R = unknown> {
  /** Chinese name of the work, shown in the progress bar, in `jobs.list` and in the write-refusal message. */
  label: string;
  /** A writing job keeps every other write out while it runs (core/host.ts), so what it read stays true. */
  writes: boolean;
  run(ctx: LedgerContext, input: I, reporter: JobReporter): Promise<R> | R;
  /** The Chinese line once it is done; "<label>已完成" if left out. */
  doneMessage?: (result: R) => string;
}

const kinds = new Map<string, JobKind>();

/** Registers a kind under a unique name and returns the name, so callers start it without a string typed twice. */
export function registerJobKind<I, R>(kind: string, def: JobKind<I, R>): string {
  if (kinds.has(kind)) throw new Error(`job kind registered twice: ${kind}`);
  kinds.set(kind, def as JobKind);
  return kind;
}

export function jobKind(kind: string): JobKind | undefined {
  return kinds.get(kind);
}
