/** The contract call every command makes: its data, or the ledger's own error rethrown whole (code, message, hint, fields). */
import { LedgerError } from '../core/errors';
import type { LedgerHost } from '../core/host';

export async function invoke<T>(host: LedgerHost, method: string, input: unknown): Promise<T> {
  const r = await host.call(method as never, input as never);
  // Rethrown as a LedgerError so the CLI prints the ledger's code and Chinese message, not 程序内部错误.
  if (!r.ok) throw new LedgerError(r.error.code, r.error.message, r.error);
  return r.data as T;
}

/** Runs a job to its end, each new progress line to `progress`; its result, or its error rethrown whole. */
export async function jobToEnd<T>(host: LedgerHost, method: string, input: unknown, progress: (line: string) => void): Promise<T> {
  const { jobId } = await invoke<{ jobId: string }>(host, method, input);
  let last = '';
  for (;;) {
    const s = await invoke<{ state: string; message: string; result?: unknown; error?: { code: string; message: string; hint?: string } }>(host, 'jobs.status', { jobId });
    if (s.message !== last) progress(s.message);
    last = s.message;
    if (s.state === '已完成') return s.result as T;
    if (s.state !== '运行中') throw new LedgerError((s.error?.code ?? 'INTERNAL') as never, s.error?.message ?? s.state, s.error);
    await new Promise((r) => setTimeout(r, 50));
  }
}
