/** What the jobs API says about long work. Pure zod: the contract (and so the renderer) imports it. */
import { z } from 'zod';
import { serializedError } from '../app/schemas';

export const JOB_STATES = ['运行中', '已完成', '已取消', '失败'] as const;
export const jobState = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobState>;

export const jobId = z.string().min(1).max(64);
export const byJobId = z.object({ jobId });

/** What a job-starting method returns: the caller then polls `jobs.status` with the id. */
export const jobStarted = z.object({ jobId });

export const jobStatus = z.object({
  jobId,
  kind: z.string(),
  /** Chinese name of the work, e.g. 重新校验全部发展档案. */
  label: z.string(),
  state: jobState,
  /** Units of work done and in all (files, rows …); total is 0 until the job knows it. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Chinese, for the progress bar and the CLI's stderr. */
  message: z.string(),
  /** Whether the job changes data: while one runs, the host refuses every other write. */
  writes: z.boolean(),
  cancelRequested: z.boolean(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** The job's own result once 已完成 (for members.rejudge: `{ files }`). */
  result: z.unknown().optional(),
  /** Why it failed, once 失败. */
  error: serializedError.optional(),
});
export type JobStatus = z.infer<typeof jobStatus>;
