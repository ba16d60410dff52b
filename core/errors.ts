import { LedgerError, boundError, clip, translateSystemError, type SerializedError } from '../lib/errors';

// The type lives below db/ and core/ alike (db/ throws it too); core's callers keep importing it from here.
export { LedgerError, clip, type ErrorCode, type SerializedError } from '../lib/errors';

export function invalid(message: string, fields?: Record<string, string>, details?: unknown): LedgerError {
  return new LedgerError('INVALID_INPUT', message, { fields, details });
}

export function notFound(what: string): LedgerError {
  return new LedgerError('NOT_FOUND', `${what}不存在或已被删除`);
}

/** Turns anything thrown into what a transport may send; internals never leak as raw stack traces or system texts. */
export function serializeError(err: unknown): SerializedError {
  return boundError(toSerialized(err));
}

function toSerialized(err: unknown): SerializedError {
  if (err instanceof LedgerError) return err.toJSON();
  const code = (err as { code?: string } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'DB_LOCKED', message: '数据文件正被另一个程序使用。', hint: '请关闭其他正在运行的台账程序后重试。' };
  }
  const system = translateSystemError(err);
  if (system) return system.toJSON();
  const message = err instanceof Error ? err.message : String(err);
  // The raw text is for the technician only (details); the clerk reads what happened and what to do.
  return { code: 'INTERNAL', message: '程序内部错误，本次操作没有完成。', hint: '请重试；如果反复出现，请把此信息告知技术人员。', details: { error: clip(message, 500) } };
}
