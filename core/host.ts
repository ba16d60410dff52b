/**
 * The one object every transport talks to. It owns which data folder is open (real or demo), turns an open
 * failure into an error state the UI can show instead of crashing, validates input against the contract and
 * dispatches to core services. Transports stay thin: they only carry `call(method, input)` and its result.
 */
import { join } from 'node:path';
import dayjs from 'dayjs';
import { checkIntegrity, DB_FILE_NAME } from '../db/open';
import { contract, isMethod } from './api/contract';
import { fileFreeMethods, handlers, type HandlerEnv, type LedgerMethod } from './api/handlers';
import type { CallResult } from './api/result';
import { parseInput } from './schema/validate';
import { dashboardSummary } from './app/dashboard';
import type { AppStatus, DemoData } from './app/schemas';
import { LedgerError, serializeError, type SerializedError } from './errors';
import type { LedgerContext } from './context';
import { openLedger, type Ledger } from './ledger';
import { isSetUp } from './org/settings';
import { demoDataDir } from './paths';
import { APP_VERSION } from './version';
import { JobRunner } from './jobs/runner';

/** Methods that close the open data file: never while a job still works on it. */
const SWITCHES = new Set(['app.openDemo', 'app.openReal', 'app.reopen']);

/**
 * A fixed "today" for end-to-end tests that must see date-dependent reminders; never set in normal use.
 * The clock still ticks within the day so that audit timestamps stay ordered.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): (() => Date) | undefined {
  const fixed = env.LEDGER_TEST_TODAY;
  if (!fixed || !/^\d{4}-\d{2}-\d{2}$/.test(fixed)) return undefined;
  const offset = new Date(`${fixed}T09:00:00`).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

export interface HostOptions {
  dataDir: string;
  migrationsDir?: string;
  nativeBinding?: string;
  startInDemo?: boolean;
  now?: () => Date;
}

export class LedgerHost {
  private ledger: Ledger | null = null;
  private openError: SerializedError | null = null;
  private demo = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Long work of this run (core/jobs); public for in-process callers (the CLI, tests). */
  readonly jobs = new JobRunner();

  constructor(private readonly opts: HostOptions) {}

  async start(): Promise<AppStatus> {
    return this.exclusive(() => this.switchTo(!!this.opts.startInDemo));
  }

  get currentDataDir(): string {
    return this.demo ? demoDataDir(this.opts.dataDir) : this.opts.dataDir;
  }

  /** The context of the open ledger, for in-process callers (CLI subcommands, tests). */
  get context() {
    if (!this.ledger) throw new LedgerError(this.openError?.code ?? 'DB_OPEN_FAILED', this.openError?.message ?? '数据文件未打开');
    return this.ledger.ctx;
  }

  status(): AppStatus {
    const state = this.openError || !this.ledger ? 'error' : isSetUp(this.ledger.ctx) ? 'ready' : 'setup';
    const today = dayjs(this.opts.now?.() ?? new Date()).format('YYYY-MM-DD');
    return { state, demo: this.demo, dataDir: this.currentDataDir, version: APP_VERSION, today, error: this.openError };
  }

  async call(method: string, rawInput: unknown): Promise<CallResult> {
    try {
      return { ok: true, data: await this.invoke(method, rawInput) };
    } catch (err) {
      return { ok: false, error: serializeError(err) };
    }
  }

  /** Like call, but throws a LedgerError: for in-process callers that want exceptions. */
  async invoke(method: string, rawInput: unknown): Promise<unknown> {
    if (!isMethod(method)) throw new LedgerError('UNKNOWN_METHOD', `没有名为“${method}”的操作`);
    const def = contract[method];
    const input = parseInput(def.input, rawInput);
    this.refuseWhileJobsRun(method, def.writes);
    if (method === 'app.status') return this.status();
    if (method === 'app.openDemo') return this.exclusive(() => this.switchTo(true));
    if (method === 'app.openReal') return this.exclusive(() => this.switchTo(false));
    if (method === 'app.reopen') return this.exclusive(() => this.switchTo(this.demo));
    if (method === 'app.generateDemo') return this.exclusive(() => this.generateDemo());
    if (method === 'app.checkIntegrity') return this.exclusive(async () => checkIntegrity(this.context.sqlite, join(this.currentDataDir, DB_FILE_NAME)));
    const handler = handlers[method as LedgerMethod] as (c: LedgerContext | undefined, i: unknown, env: HandlerEnv) => unknown;
    const env: HandlerEnv = { jobs: this.jobs };
    if (fileFreeMethods.has(method as LedgerMethod)) return await handler(this.ledger?.ctx, input, env);
    const ctx = this.context;
    if (def.writes && method !== 'org.setup' && !isSetUp(ctx)) {
      throw new LedgerError('NOT_SET_UP', '请先完成首次设置（选择本乡镇/街道）。');
    }
    return await handler(ctx, input, env);
  }

  /**
   * While a writing job runs, every other write is refused and reads keep answering: the job reads in slices and
   * writes at the end, so a write in between would change files it has already judged (docs/decisions.md).
   */
  private refuseWhileJobsRun(method: string, writes: boolean): void {
    const writer = this.jobs.runningWriter();
    if (writes && writer) {
      const progress = writer.total ? `（${writer.done} / ${writer.total}）` : '';
      throw new LedgerError('BUSY', `“${writer.label}”正在进行${progress}，完成之前不能修改数据，本次修改未保存。`, {
        hint: '请等进度条走完后再保存，或在进度条上点“取消”。',
      });
    }
    const job = this.jobs.running()[0];
    if (SWITCHES.has(method) && job) {
      throw new LedgerError('BUSY', `“${job.label}”正在进行，完成之前不能切换或重新打开数据文件。`, {
        hint: '请等进度条走完，或在进度条上点“取消”后再试。',
      });
    }
  }

  async close(): Promise<void> {
    await this.jobs.cancelAll();
    await this.exclusive(async () => {
      this.ledger?.close();
      this.ledger = null;
    });
  }

  private async switchTo(demo: boolean): Promise<AppStatus> {
    this.ledger?.close();
    this.ledger = null;
    this.openError = null;
    this.demo = demo;
    try {
      this.ledger = await openLedger({
        dataDir: this.currentDataDir,
        migrationsDir: this.opts.migrationsDir,
        nativeBinding: this.opts.nativeBinding,
        now: this.opts.now,
      });
      if (demo) await this.ensureDemoData(this.ledger.ctx);
    } catch (err) {
      this.ledger?.close();
      this.ledger = null;
      this.openError = serializeError(err);
    }
    return this.status();
  }

  /** Demo data only ever goes into the demo folder: on the real data this refuses rather than switching. */
  private async generateDemo(): Promise<DemoData> {
    if (!this.demo) {
      throw new LedgerError('CONFLICT', '当前打开的是正式数据，演示数据只生成在单独的演示数据文件夹中。', {
        hint: '请先切换到演示数据（菜单“切换到演示数据”，或命令行加 --demo）后再生成。',
      });
    }
    const ctx = this.context;
    await this.ensureDemoData(ctx);
    const { units, people } = dashboardSummary(ctx);
    return { dataDir: this.currentDataDir, units, people };
  }

  /** The generator (and its name lists) loads only when a demo folder is empty: a normal start never needs it. */
  private async ensureDemoData(ctx: LedgerContext): Promise<void> {
    if (isSetUp(ctx)) return;
    const { generateDemo } = await import('./demo/generate');
    generateDemo(ctx);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
