/**
 * The error type every layer throws, kept in the bottom layer so that db/ can throw it without importing core/
 * (db/ sits below core/). It imports nothing of ours. core/errors.ts re-exports it with core's helpers.
 */

/** Every failure a user can see carries a stable code and a Chinese message that says what to do. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'NOT_SET_UP'
  | 'DB_LOCKED'
  /** A background job that writes is running (core/jobs): try again once it has finished or been cancelled. */
  | 'BUSY'
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
