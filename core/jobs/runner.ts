/**
 * Runs jobs in this process, in slices: the job awaits reporter.checkpoint() between chunks, which hands the event
 * loop to everything else (status queries, 取消, reads) before the next chunk. One runner per host; jobs live in
 * memory only, since a job never outlives the process that runs it.
 */
import { LedgerError, notFound, serializeError } from '../errors';
import { timestamp, type LedgerContext } from '../context';
import { JobCancelledError, jobKind, type JobReporter } from './registry';
import type { JobStatus } from './schemas';

/** Finished jobs kept for `jobs.status` / `jobs.list`; older ones are forgotten. */
const KEEP_FINISHED = 50;

interface Job {
  status: JobStatus;
  cancel: boolean;
  settled: Promise<JobStatus>;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private seq = 0;
  // Ids differ across restarts, so a page still polling an id from before a restart gets 不存在, never another job.
  private readonly prefix = Date.now().toString(36);

  /** Starts the job on the next turn of the event loop and returns at once. */
  start(ctx: LedgerContext, kind: string, input: unknown): { jobId: string } {
    const def = jobKind(kind);
    if (!def) throw new LedgerError('UNKNOWN_METHOD', `没有名为“${kind}”的后台任务`);
    const jobId = `${this.prefix}-${++this.seq}`;
    const status: JobStatus = {
      jobId,
      kind,
      label: def.label,
      state: '运行中',
      done: 0,
      total: 0,
      message: `${def.label}：正在准备…`,
      writes: def.writes,
      cancelRequested: false,
      startedAt: timestamp(ctx),
      endedAt: null,
    };
    const job: Job = { status, cancel: false, settled: Promise.resolve(status) };
    const reporter: JobReporter = {
      progress(done, total, message) {
        status.total = Math.max(0, Math.floor(total));
        status.done = Math.min(status.total, Math.max(0, Math.floor(done)));
        if (message) status.message = message;
      },
      get cancelled() {
        return job.cancel;
      },
      throwIfCancelled() {
        if (job.cancel) throw new JobCancelledError();
      },
      async checkpoint() {
        await yieldToLoop();
        reporter.throwIfCancelled();
      },
    };
    const finish = (patch: Partial<JobStatus>) => {
      Object.assign(status, patch, { endedAt: timestamp(ctx) });
      this.prune();
      return status;
    };
    job.settled = (async () => {
      try {
        await reporter.checkpoint();
        const result = await def.run(ctx, input, reporter);
        return finish({ state: '已完成', result, message: def.doneMessage?.(result) ?? `${def.label}已完成` });
      } catch (err) {
        if (err instanceof JobCancelledError) return finish({ state: '已取消', message: `${def.label}已取消，数据保持原样` });
        const error = serializeError(err);
        return finish({ state: '失败', error, message: `${def.label}失败：${error.message}` });
      }
    })();
    this.jobs.set(jobId, job);
    return { jobId };
  }

  status(jobId: string): JobStatus {
    return { ...this.job(jobId).status };
  }

  /** Newest first. */
  list(): JobStatus[] {
    return [...this.jobs.values()].reverse().map((j) => ({ ...j.status }));
  }

  /** Asks the job to stop at its next checkpoint; a finished job is left as it ended. */
  cancel(jobId: string): JobStatus {
    const job = this.job(jobId);
    if (job.status.state === '运行中') {
      job.cancel = true;
      job.status.cancelRequested = true;
      job.status.message = `${job.status.label}：正在取消…`;
    }
    return { ...job.status };
  }

  running(): JobStatus[] {
    return this.list().filter((s) => s.state === '运行中');
  }

  /** The running job that changes data, if any: the host keeps other writes out meanwhile. */
  runningWriter(): JobStatus | undefined {
    return this.running().find((s) => s.writes);
  }

  /** Resolves with the final status once the job has ended (for in-process callers and tests). */
  settled(jobId: string): Promise<JobStatus> {
    return this.job(jobId).settled.then((s) => ({ ...s }));
  }

  /** Cancels every running job and waits until each has stopped: before the data file is closed. */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === '运行中');
    for (const job of running) this.cancel(job.status.jobId);
    await Promise.all(running.map((j) => j.settled));
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw notFound('该后台任务');
    return job;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== '运行中');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.status.jobId);
  }
}
