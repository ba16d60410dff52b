/**
 * `ledger backup --out FILE`, `ledger restore FILE`, `ledger verify FILE`: the backup jobs run in this process with
 * progress on stderr and Ctrl-C as 取消. The paths come from the command line, the person's own choice, so they go
 * through the host's backupFiles rather than the contract (which never accepts a path).
 */
import { isAbsolute, resolve } from 'node:path';
import type { CommonArgs } from '../core/args';
import { invalid, serializeError } from '../core/errors';
import type { LedgerHost } from '../core/host';
import type { Io } from './commands';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const pathOf = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));
const CANCELLED = 130;

async function follow(host: LedgerHost, jobId: string, io: Io): Promise<number> {
  const release = io.onInterrupt?.(() => {
    io.err('正在取消…（数据保持原样）');
    host.jobs.cancel(jobId);
  });
  try {
    let last = '';
    for (;;) {
      const s = host.jobs.status(jobId);
      const line = `[${s.total ? Math.floor((s.done / s.total) * 100) : 0}%] ${s.message}`;
      if (line !== last) io.err(line);
      last = line;
      if (s.state === '已完成') {
        io.out(json({ ok: true, ...(s.result as object) }));
        return 0;
      }
      if (s.state === '已取消') return CANCELLED;
      if (s.state === '失败') {
        io.err(json({ ok: false, error: s.error }));
        return 1;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    release?.();
  }
}

/** `ledger backup --out 文件.zip`: a self-contained backup, verified before it takes its name. */
export async function backupCommand(host: LedgerHost, _rest: string[], args: CommonArgs, io: Io): Promise<number> {
  const out = args.options.out;
  if (typeof out !== 'string' || !out.toLowerCase().endsWith('.zip')) throw invalid('用法：ledger backup --out <备份文件.zip>（例如 --out E:\\台账备份.zip）');
  return follow(host, host.backupFiles.backupTo(pathOf(out)).jobId, io);
}

/** `ledger restore 备份.zip`: checked completely, the current data backed up, then replaced. */
export async function restoreCommand(host: LedgerHost, [file]: string[], _args: CommonArgs, io: Io): Promise<number> {
  if (!file) throw invalid('用法：ledger restore <备份文件.zip>');
  return follow(host, host.backupFiles.restoreFrom(pathOf(file)).jobId, io);
}

/** `ledger verify 备份.zip`: the restore's checks without restoring; exit 1 when the file is no usable backup. */
export async function verifyCommand(host: LedgerHost, [file]: string[], _args: CommonArgs, io: Io): Promise<number> {
  if (!file) throw invalid('用法：ledger verify <备份文件.zip>');
  // The data folder is opened only for the shared attachments of automatic backups; a folder the app holds is fine.
  await host.start();
  try {
    const info = await host.backupFiles.verify(pathOf(file));
    io.out(json({ ok: true, message: '备份文件完整，可以用来恢复。', ...info }));
    return 0;
  } catch (err) {
    io.out(json({ ok: false, error: serializeError(err) }));
    return 1;
  }
}
