/**
 * The one object every transport talks to. It owns which data folder is open (real or demo), turns an open
 * failure into an error state the UI can show instead of crashing, validates input against the contract and
 * dispatches to core services. Transports stay thin: they only carry `call(method, input)` and its result.
 */
import { join } from 'node:path';
import dayjs from 'dayjs';
import { checkIntegrity, DB_FILE_NAME } from '../db/open';
import { contract, isMethod, type Method } from './api/contract';
import { fileFreeMethods, handlers, type HandlerEnv, type LedgerMethod } from './api/handlers';
import type { CallResult } from './api/result';
import { parseInput } from './schema/validate';
import { dashboardSummary } from './app/dashboard';
import type { AppStatus, DemoData } from './app/schemas';
import { LedgerError, clip, serializeError, type SerializedError } from './errors';
import type { LedgerContext } from './context';
import { openLedger, type Ledger } from './ledger';
import { getSettings, isSetUp } from './org/settings';
import { demoDataDir } from './paths';
import { APP_VERSION } from './version';
import { JobRunner } from './jobs/runner';
import { registerBackupTools } from './backup/tools';
import { CREATE_JOB, startDailyBackup, startRestore, verifyFile } from './backup/service';
import { resetLockPassword } from './lock/service';
import type { LockStatus } from './lock/schemas';

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
  /** Take the daily automatic backup on the first start of a day (the app and web mode; not the CLI or tests). */
  dailyBackup?: boolean;
  /** The township an empty demo folder is filled for (`ledger demo --town NAME`); 多巴镇 when absent. */
  demoTown?: string;
}

export class LedgerHost {
  private ledger: Ledger | null = null;
  private openError: SerializedError | null = null;
  private demo = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Calls still running (an export builds its file over many turns of the event loop): a switch waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Switches asked for and not yet done; while there are any, new calls wait at the gate. */
  private pendingSwitches = 0;
  private gate: Promise<void> = Promise.resolve();
  private openGate: () => void = () => undefined;
  /** Long work of this run (core/jobs); public for in-process callers (the CLI, tests). */
  readonly jobs = new JobRunner();

  constructor(private readonly opts: HostOptions) {}

  async start(): Promise<AppStatus> {
    return this.exclusive(() => this.switchTo(!!this.opts.startInDemo));
  }

  get currentDataDir(): string {
    return this.demo ? demoDataDir(this.opts.dataDir) : this.opts.dataDir;
  }

  /**
   * `ledger lock-reset` for a forgotten lock password. Deliberately not a contract method: only an in-process caller
   * on this PC's Windows account (the CLI) can reach it, never the window or web mode.
   */
  resetLockPassword(): LockStatus {
    return resetLockPassword(this.context);
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
    if (!isMethod(method)) throw new LedgerError('UNKNOWN_METHOD', `没有名为“${clip(method)}”的操作`);
    const def = contract[method];
    const input = parseInput(def.input, rawInput);
    this.refuseWhileJobsRun(method, def.writes);
    if (method === 'app.openDemo') return this.switchAfterWork(method, () => true);
    if (method === 'app.openReal') return this.switchAfterWork(method, () => false);
    if (method === 'app.reopen') return this.switchAfterWork(method, () => this.demo);
    while (this.pendingSwitches > 0) await this.gate;
    // Added in the same turn as the gate check, so a switch that starts draining later always sees it.
    const work = this.dispatch(method, def.writes, input);
    this.inFlight.add(work);
    try {
      return await work;
    } finally {
      this.inFlight.delete(work);
    }
  }

  /**
   * Switching data sets closes the open file, so nothing may still be working on it: calls already running (an
   * export) are waited for and new ones wait until the switch is done; a running job refuses the switch (the clerk
   * lets it finish or presses 取消), checked again once the calls have drained since one of them may have started it.
   */
  private switchAfterWork(method: string, demo: () => boolean): Promise<AppStatus> {
    return this.afterRunningCalls(() => {
      this.refuseWhileJobsRun(method, false);
      return this.exclusive(() => this.switchTo(demo()));
    });
  }

  /** Holds new calls at the gate, waits for the running ones, then does `work` (which closes the open file). */
  private async afterRunningCalls<T>(work: () => Promise<T>): Promise<T> {
    if (this.pendingSwitches++ === 0) this.gate = new Promise((resolve) => (this.openGate = resolve));
    try {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      return await work();
    } finally {
      if (--this.pendingSwitches === 0) this.openGate();
    }
  }

  private async dispatch(method: Method, writes: boolean, input: unknown): Promise<unknown> {
    if (method === 'app.status') return this.status();
    if (method === 'app.generateDemo') return this.exclusive(() => this.generateDemo());
    if (method === 'app.checkIntegrity') return this.exclusive(async () => checkIntegrity(this.context.sqlite, join(this.currentDataDir, DB_FILE_NAME)));
    const handler = handlers[method as LedgerMethod] as (c: LedgerContext | undefined, i: unknown, env: HandlerEnv) => unknown;
    const env: HandlerEnv = { jobs: this.jobs };
    if (fileFreeMethods.has(method as LedgerMethod)) return await handler(this.ledger?.ctx, input, env);
    const ctx = this.context;
    if (writes && method !== 'org.setup' && !isSetUp(ctx)) {
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
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
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
      const ctx = this.ledger.ctx;
      registerBackupTools(ctx, {
        nativeBinding: this.opts.nativeBinding,
        migrationsDir: this.opts.migrationsDir,
        reopenAround: (work) => this.reopenAround(work),
      });
      if (!demo && this.opts.dailyBackup) {
        try {
          startDailyBackup(ctx, this.jobs);
        } catch (err) {
          // A backup that cannot start must not keep the clerk out of the ledger; the next start tries again.
          console.error('daily backup not started:', err);
        }
      }
    } catch (err) {
      this.ledger?.close();
      this.ledger = null;
      this.openError = serializeError(err);
    }
    return this.status();
  }

  /**
   * `ledger backup --out`, `ledger restore FILE`, `ledger verify FILE`: paths the person at the command line typed, so
   * they reach the backup jobs here rather than through the contract, which never takes a path from the renderer.
   */
  readonly backupFiles = {
    backupTo: (outFile: string) => this.jobs.start(this.context, CREATE_JOB, { outFile }),
    restoreFrom: (path: string) => startRestore(this.context, this.jobs, { path }),
    verify: (path: string) => verifyFile(this.ledger?.ctx ?? null, this.currentDataDir, path),
  };

  /**
   * A restore's swap (core/backup/restore.ts): closes the open file, lets `work` replace it while nothing holds it,
   * and reopens the same folder the way app.reopen does. Like a switch, it first lets calls already running (an
   * export) finish on the old file and holds new ones until the restored file is open; queued with the switches.
   */
  private reopenAround(work: () => Promise<void> | void): Promise<LedgerContext> {
    return this.afterRunningCalls(() =>
      this.exclusive(async () => {
        this.ledger?.close();
        this.ledger = null;
        try {
          await work();
        } finally {
          await this.switchTo(this.demo);
        }
        return this.context;
      }),
    );
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
    const wanted = this.opts.demoTown?.trim();
    const town = getSettings(ctx).townName;
    if (wanted && town !== wanted) {
      throw new LedgerError('CONFLICT', `这个数据文件夹的演示数据已是“${town}”，不能再生成“${wanted}”的演示数据。`, {
        hint: '请用另一个数据文件夹（--data-dir 新文件夹）生成另一个乡镇的演示数据。',
      });
    }
    const { units, people } = dashboardSummary(ctx);
    return { dataDir: this.currentDataDir, units, people };
  }

  /** The generator (and its name lists) loads only when a demo folder is empty: a normal start never needs it. */
  private async ensureDemoData(ctx: LedgerContext): Promise<void> {
    if (isSetUp(ctx)) return;
    const { generateDemo } = await import('./demo/generate');
    generateDemo(ctx, this.opts.demoTown ? { town: this.opts.demoTown } : {});
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
