/**
 * Putting an attachment's bytes on disk so that a failure leaves nothing behind. The bytes go to a temporary name
 * beside the final one, are flushed, and only then renamed; the caller renames inside the transaction that adds the
 * row, so a failed write, rename or commit leaves neither a half file, an orphan file nor a row.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { clip } from '../../lib/errors';
import { LedgerError } from '../errors';

/** Writes the bytes under `tempPath` (which must not exist), flushed to the disk; removes it again on any failure. */
export function writeTemp(tempPath: string, bytes: Buffer, fileName: string): void {
  let fd: number | null = null;
  try {
    mkdirSync(dirname(tempPath), { recursive: true });
    fd = openSync(tempPath, 'wx');
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // The write already failed; the message below says so.
      }
    }
    discard(tempPath);
    throw storeError(err, fileName);
  }
}

/** The rename that makes the file real; a failure is worded like a failed write. */
export function commitFile(tempPath: string, finalPath: string, fileName: string): void {
  try {
    renameSync(tempPath, finalPath);
  } catch (err) {
    throw storeError(err, fileName);
  }
}

/** Best effort: a file we could not finish is removed, and a failure to remove it must not hide the first error. */
export function discard(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing more can be done; the first error is what the clerk needs to read.
  }
}

/** A disk error in words a clerk can act on; never the Node error text (ENOSPC, EACCES …). */
export function storeError(err: unknown, fileName: string): LedgerError {
  if (err instanceof LedgerError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  fileName = clip(fileName);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new LedgerError('DISK_FULL', `磁盘空间不足，附件“${fileName}”没有保存。`, { hint: '请清理磁盘空间（或换一个空间充足的数据文件夹）后重新上传。', cause: err });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new LedgerError('READ_ONLY', `数据文件夹不允许写入，附件“${fileName}”没有保存。`, { hint: '请检查数据文件夹是否只读、是否被杀毒软件拦截，或请技术人员调整权限后重试。', cause: err });
  }
  return new LedgerError('IO', `附件“${fileName}”没有保存：写入数据文件夹时出错。`, { hint: '请检查磁盘是否正常、U 盘或网络盘是否已断开，然后重新上传。', cause: err });
}
