import { LedgerError, type SerializedError } from '../lib/errors';

// The type lives below db/ and core/ alike (db/ throws it too); core's callers keep importing it from here.
export { LedgerError, type ErrorCode, type SerializedError } from '../lib/errors';

export function invalid(message: string, fields?: Record<string, string>, details?: unknown): LedgerError {
  return new LedgerError('INVALID_INPUT', message, { fields, details });
}

export function notFound(what: string): LedgerError {
  return new LedgerError('NOT_FOUND', `${what}不存在或已被删除`);
}

/** Turns anything thrown into what a transport may send; internals never leak as raw stack traces. */
export function serializeError(err: unknown): SerializedError {
  if (err instanceof LedgerError) return err.toJSON();
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'DISK_FULL', message: '磁盘空间不足，数据未保存。', hint: '请清理磁盘空间后重试。' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'DB_LOCKED', message: '数据文件正被另一个程序使用。', hint: '请关闭其他正在运行的台账程序后重试。' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `程序内部错误：${message}`, hint: '请将此信息告知技术人员。' };
}
