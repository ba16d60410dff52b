/**
 * The error type every layer throws, kept in the bottom layer so that db/ can throw it without importing core/
 * (db/ sits below core/). It imports nothing of ours. core/errors.ts re-exports it with core's helpers.
 * Also here: the translation of Node and SQLite failures into the clerk's words, and the trimming that keeps an
 * error from echoing a huge input back (both are needed by db/ and core/ alike).
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
  /** The file is a SQLite database of another program (or of nothing known): refused, never changed. */
  | 'DB_FOREIGN'
  | 'DB_TOO_NEW'
  | 'DB_OPEN_FAILED'
  | 'MIGRATION_FAILED'
  /** A shipped migration no longer matches the one this data file was upgraded with: refused, never changed. */
  | 'MIGRATION_CHANGED'
  | 'DISK_FULL'
  /** The folder or file cannot be written: read-only, write-protected or no permission. */
  | 'READ_ONLY'
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

/** How much of a value the user typed an error may repeat: enough to recognise it, never a 1 MB paste. */
export const ECHO_LIMIT = 50;
/** Paths are ours or chosen in a dialog and are long by nature; still bounded, since a CLI argument can be anything. */
const PATH_LIMIT = 160;
const MESSAGE_LIMIT = 600;
const HINT_LIMIT = 1000;
const DETAIL_STRING_LIMIT = 1000;

/** The value as text, cut to `limit` characters with … when longer. */
export function clip(value: unknown, limit = ECHO_LIMIT): string {
  const text = typeof value === 'string' ? value : String(value);
  const chars = [...text];
  return chars.length > limit ? `${chars.slice(0, limit).join('')}…` : text;
}

/** A path for a message: its end (the file name) matters most, so a long one keeps its tail. */
export function showPath(path: string): string {
  const chars = [...path];
  return chars.length > PATH_LIMIT ? `…${chars.slice(-PATH_LIMIT).join('')}` : path;
}

/**
 * Whatever a message quotes (“…”) is cut to ECHO_LIMIT, and the whole to MESSAGE_LIMIT: the echo sites are many
 * (every “${value}” in a service), so this is applied once, where every error leaves for a transport.
 */
export function boundMessage(text: string, limit = MESSAGE_LIMIT): string {
  const quoted = (inner: string) => (/[\\/]/.test(inner) ? showPath(inner) : clip(inner));
  return clip(text.replace(/“([^”]*)”/g, (_all, inner: string) => `“${quoted(inner)}”`), limit);
}

function boundDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clip(value, DETAIL_STRING_LIMIT);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => boundDetails(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, boundDetails(v, depth + 1)]));
}

/** The form in which an error may reach the clerk: every text bounded, nothing raw beyond `details`. */
export function boundError(error: SerializedError): SerializedError {
  const out: SerializedError = { code: error.code, message: boundMessage(error.message) };
  if (error.hint !== undefined) out.hint = boundMessage(error.hint, HINT_LIMIT);
  if (error.fields) out.fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [clip(k, 200), boundMessage(v, 200)]));
  if (error.details !== undefined) out.details = boundDetails(error.details);
  return out;
}

interface SystemErrorLike {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  message?: unknown;
}

/** What the failure was about, when the error itself does not say (SQLite errors carry no path). */
export interface ErrorPlace {
  /** The file being read or written. */
  file?: string;
  /** The folder holding it (defaults to the file's folder). */
  folder?: string;
}

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

/**
 * A Node or SQLite failure in plain Chinese naming the file or folder and what to do; null for anything else.
 * The raw code and text stay in `details` for the technician; they never reach the message.
 */
export function translateSystemError(err: unknown, place: ErrorPlace = {}): LedgerError | null {
  if (err instanceof LedgerError || err === null || typeof err !== 'object') return null;
  const e = err as SystemErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (!code) return null;
  const path = typeof e.path === 'string' ? e.path : place.file ?? place.folder;
  const folder = place.folder ?? (path ? folderOf(path) : undefined);
  const where = path ? `“${showPath(path)}”` : '该文件';
  const inFolder = folder ? `文件夹“${showPath(folder)}”` : '数据文件夹';
  const details = { code, system: clip(typeof e.message === 'string' ? e.message : '', 300), ...(path ? { path } : {}) };
  const make = (c: ErrorCode, message: string, hint: string) => new LedgerError(c, message, { hint, details, cause: err });

  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return make('DISK_FULL', `磁盘空间不足，本次操作没有完成，数据未保存${folder ? `（位置：${inFolder}）` : ''}。`, '已保存的数据没有改动。请清理该磁盘（或换一个空间更大的 U 盘）后重试。');
  }
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) {
    return make('READ_ONLY', `${inFolder}是只读的，无法写入。`, '请取消该文件夹或 U 盘的只读、写保护（U 盘侧面的写保护开关），或换一个可以写入的文件夹后重试。');
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return make('READ_ONLY', `没有权限读写${where}。`, `请确认当前 Windows 账户可以修改${inFolder}（右键→属性→安全），文件没有被设为只读，或换一个可以写入的文件夹后重试。`);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return make('IO', path ? `读写${where}时出错。` : '读写数据文件时出错。', `常见原因是${inFolder}只读、U 盘被拔出或磁盘故障。请检查后重试；如果反复出现，请把数据文件夹复制一份交给技术人员。`);
  }
  if (code === 'SQLITE_CANTOPEN') {
    return make('READ_ONLY', path ? `无法打开数据文件${where}。` : '无法打开数据文件。', `请确认${inFolder}存在、可以写入（不是只读，也不在被拔出的 U 盘上），然后重试。`);
  }
  if (code === 'EISDIR') {
    return make('IO', `${where}是一个文件夹，不是文件。`, '请另选一个文件（或另起一个文件名）后重试。');
  }
  if (code === 'ENOTDIR') {
    return make('IO', `路径${where}中有一段是文件而不是文件夹。`, '请另选一个文件夹后重试。');
  }
  if (code === 'ENOENT') {
    return make('IO', `找不到${where}。`, '文件或文件夹可能已被移动、改名或删除（或 U 盘已拔出）。请确认它还在，或重新选择后重试。');
  }
  if (code === 'EBUSY') {
    return make('IO', `${where}正被其他程序占用。`, '请关闭正在打开它的程序（例如 Excel、WPS 或杀毒软件）后重试。');
  }
  if (code === 'EMFILE' || code === 'ENFILE') {
    return make('IO', '同时打开的文件太多，本次操作没有完成。', '请关闭一些程序，或重启电脑后重试。');
  }
  return null;
}
