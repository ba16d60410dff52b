import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../core/api/contract';
import { call } from '../api/client';
import { useNotify } from './useNotify';

export type JobStatus = MethodOutput<'jobs.status'>;

export interface JobHandle {
  /** The last status polled; null before the first start. */
  status: JobStatus | null;
  running: boolean;
  /** Calls a job-starting method (e.g. `() => call('members.rejudge', {})`) and follows the job it started. */
  start: (begin: () => Promise<{ jobId: string }>) => Promise<void>;
  cancel: () => Promise<void>;
}

const POLL_MS = 300;

/**
 * Follows one long job (core/jobs) by polling jobs.status until it ends, for <JobProgress>. The job runs in the
 * ledger process; leaving the page stops only the polling, not the job.
 */
export function useJob(onEnd?: (status: JobStatus) => void): JobHandle {
  const { fail } = useNotify();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;

  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = useCallback(
    (jobId: string) => {
      const poll = () => {
        call('jobs.status', { jobId })
          .then((s) => {
            setStatus(s);
            if (s.state === '运行中') timer.current = setTimeout(poll, POLL_MS);
            else endRef.current?.(s);
          })
          .catch(fail);
      };
      poll();
    },
    [fail],
  );

  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>) => {
      clearTimeout(timer.current);
      try {
        follow((await begin()).jobId);
      } catch (err) {
        fail(err);
      }
    },
    [follow, fail],
  );

  const cancel = useCallback(async () => {
    if (!status) return;
    try {
      setStatus(await call('jobs.cancel', { jobId: status.jobId }));
    } catch (err) {
      fail(err);
    }
  }, [status, fail]);

  return { status, running: status?.state === '运行中', start, cancel };
}
