/**
 * Writing a file so that a failure never leaves a half-written one under the name the clerk chose. A full disk or
 * a pulled USB stick used to leave a corrupt 12 KB .xlsx behind an export that "failed": the bytes now go to a
 * temporary file in the same folder (so the rename stays on one volume and is atomic), are flushed to disk, and
 * only then take the final name. On any failure the temporary file is removed and a Chinese message explains what
 * to do; a file that was already there keeps its old content.
 */
import * as nodeFs from 'node:fs';
import * as nodeFsPromises from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { LedgerError } from './errors';

/** The file operations used, injectable so a test can make one of them fail part-way. */
export type AtomicFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/** The temporary name: hidden, beside the target, unique per write, recognisable as ours if a kill leaves it. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

export function writeFileAtomicSync(target: string, data: Uint8Array, fs: AtomicFs = nodeFs): void {
  const temp = tempPathFor(target);
  let fd: number | null = null;
  try {
    // 'wx': never reuse a file someone else put there.
    fd = fs.openSync(temp, 'wx');
    let written = 0;
    while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the removal below is what matters.
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // A folder that vanished (USB stick pulled) cannot hold the temporary file either.
    }
    throw writeFailure(err, target);
  }
}

/** The file operations of the async form, injectable like AtomicFs. */
export type AtomicFsPromises = Pick<typeof nodeFsPromises, 'open' | 'rename' | 'rm'>;

/** The async form, for Electron main, whose event loop must not stall on a slow USB stick; same guarantees. */
export async function writeFileAtomic(target: string, data: Uint8Array, fs: AtomicFsPromises = nodeFsPromises): Promise<void> {
  const temp = tempPathFor(target);
  let handle: Awaited<ReturnType<AtomicFsPromises['open']>> | null = null;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw writeFailure(err, target);
  }
}

/** Turns a Node error into what the clerk reads; the raw code (EACCES …) stays out of the message. */
export function writeFailure(err: unknown, target: string): LedgerError {
  if (err instanceof LedgerError) return err;
  const code = (err as { code?: string } | null)?.code;
  const name = basename(target);
  // The Node code stays in `cause` for a developer; nothing the clerk reads carries it.
  const extra = { cause: err };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new LedgerError('DISK_FULL', `无法保存“${name}”：磁盘空间不足，文件未写入。`, { ...extra, hint: '请清理磁盘空间或换一个 U 盘后重新导出。' });
    case 'EBUSY':
    case 'EPERM':
      // On Windows both usually mean the file is open in Excel or WPS.
      return new LedgerError('IO', `无法保存“${name}”：该文件可能正在被 Excel 或 WPS 打开。`, { ...extra, hint: '请关闭该文件后重试，或换一个文件名保存。' });
    case 'EACCES':
    case 'EROFS':
      return new LedgerError('IO', `无法保存“${name}”：没有写入该位置的权限。`, { ...extra, hint: '请换一个文件夹（例如“文档”或桌面）保存。' });
    case 'ENOENT':
    case 'ENOTDIR':
      return new LedgerError('IO', `无法保存“${name}”：所选文件夹不存在或 U 盘已拔出。`, { ...extra, hint: '请重新选择保存位置。' });
    case 'EISDIR':
      return new LedgerError('IO', `无法保存：“${name}”是一个文件夹。`, { ...extra, hint: '请在文件夹里输入一个文件名，例如“花名册.xlsx”。' });
    default:
      return new LedgerError('IO', `无法保存“${name}”，文件未写入。`, { ...extra, hint: '请换一个位置重试；如果问题依旧，请将此信息告知技术人员。' });
  }
}
