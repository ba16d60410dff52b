/** Every failure a user can see carries a stable code and a Chinese message that says what to do. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_SET_UP'
  | 'DB_LOCKED'
  | 'DB_CORRUPT'
  | 'DB_TOO_NEW'
  | 'DB_OPEN_FAILED'
  | 'MIGRATION_FAILED'
  | 'DISK_FULL'
  | 'IO'
  | 'UNKNOWN_METHOD'
  | 'INTERNAL';

export interface SerializedError {
  code: ErrorCode;
  message: string;
  /** Field path → Chinese message, so a form can show each problem at its field. */
  fields?: Record<string, string>;
  /** What the user can do about it (shown on the error screen). */
  hint?: string;
  details?: unknown;
}

export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly hint?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, extra: { fields?: Record<string, string>; hint?: string; details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: extra.cause });
    this.name = 'LedgerError';
    this.code = code;
    this.fields = extra.fields;
    this.hint = extra.hint;
    this.details = extra.details;
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, fields: this.fields, hint: this.hint, details: this.details };
  }
}

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
