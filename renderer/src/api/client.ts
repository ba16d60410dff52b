/**
 * The renderer's one door to the ledger. Inside Electron it goes through the preload bridge; in web mode (tests,
 * `npm run web`) it posts to the local server. Either way a failure arrives as an ApiError with a Chinese message.
 */
import type { Method, MethodInput, MethodOutput } from '../../../core/api/contract';
import type { CallResult } from '../../../core/api/result';
import type { ErrorCode, SerializedError } from '../../../core/errors';
import type { ExportInput } from '../../../core/reports/schemas';

export class ApiError extends Error {
  readonly code: ErrorCode | string;
  readonly fields?: Record<string, string>;
  readonly hint?: string;
  readonly details?: unknown;

  constructor(error: SerializedError | { code: string; message: string; fields?: Record<string, string>; hint?: string; details?: unknown }) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields;
    this.hint = error.hint;
    this.details = error.details;
  }
}

/** A dead server or a broken pipe must still read as something a clerk understands. */
function transportError(err: unknown): ApiError {
  const detail = err instanceof Error ? err.message : String(err);
  return new ApiError({
    code: 'IO',
    message: '无法连接到台账程序，操作未完成。',
    hint: `请关闭本窗口后重新打开台账程序。（${detail}）`,
  });
}

/**
 * Web mode's per-launch token (server/app.ts). It arrives once, as `?token=` in the start URL; it is kept in
 * sessionStorage, which is bound to this origin (port included) and this tab, and taken out of the address bar so it
 * is not shown, bookmarked or copied along. A reload finds it in sessionStorage again. It travels only as the
 * X-Ledger-Token header: no cookie, because cookies are shared by every port of 127.0.0.1 (docs/security.md).
 */
const TOKEN_KEY = 'ledger-web-token';
const TOKEN_HEADER = 'x-ledger-token';

function takeWebToken(): string | null {
  if (typeof window === 'undefined' || window.ledger) return null;
  try {
    const url = new URL(window.location.href);
    const fromUrl = url.searchParams.get('token');
    if (fromUrl) {
      // A restarted server has a new token: the address always wins over what this tab kept.
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
      url.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    }
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    // No sessionStorage (a page opened from file://): calls go without a token and the server says what to do.
    return null;
  }
}
const webToken = takeWebToken();

async function postJson(path: string, input: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(webToken ? { [TOKEN_HEADER]: webToken } : {}) },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
    });
  } catch (err) {
    throw transportError(err);
  }
}

async function readResult(res: Response): Promise<CallResult> {
  // Read once as text: a refusal (拒绝访问…, 403/421) is plain Chinese text, and a body can be read only once.
  const text = await res.text().catch(() => '');
  try {
    return JSON.parse(text) as CallResult;
  } catch {
    throw new ApiError({ code: 'IO', message: text || `服务返回了无法识别的内容（${res.status}）` });
  }
}

function unwrap<M extends Method>(result: CallResult): MethodOutput<M> {
  if (!result.ok) throw new ApiError(result.error);
  return result.data as MethodOutput<M>;
}

export async function call<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let result: CallResult;
  if (window.ledger) {
    try {
      result = await window.ledger.call(method, input ?? {});
    } catch (err) {
      throw transportError(err);
    }
  } else {
    result = await readResult(await postJson(`/api/call/${encodeURIComponent(method)}`, input));
  }
  return unwrap<M>(result);
}

/**
 * Answers that arrived before the page asked: written into index.html by the web server (server/app.ts), or asked
 * for by `warm` while the code of the first page was still loading. Each is handed out once, to the first screen;
 * every later call asks the ledger afresh. Electron writes nothing into the page, so there `app.status` and
 * `org.getSettings` go through the bridge as before.
 */
interface EarlyAnswer {
  answer: Promise<unknown>;
  at: number;
  /** Set once the answer has arrived, so a page can be drawn with it at once (see earlyValue). */
  arrived?: { value: unknown };
}
const early = new Map<string, EarlyAnswer>();

function keepEarly(key: string, answer: Promise<unknown>): Promise<unknown> {
  const entry: EarlyAnswer = { answer, at: Date.now() };
  early.set(key, entry);
  // A failure is reported to whoever takes the answer; waiting for it must not fail.
  return answer.then(
    (value) => {
      entry.arrived = { value };
    },
    () => undefined,
  );
}
const FIRST_ANSWERS_ID = 'ledger-first-answers';
/** An early answer not taken by then (the clerk went to another page first) is dropped rather than shown stale. */
const EARLY_ANSWER_MS = 10_000;

function earlyKey(method: string, input: unknown): string {
  return `${method} ${JSON.stringify(input ?? {})}`;
}

function readFirstAnswers(): void {
  const text = typeof document === 'undefined' ? null : document.getElementById(FIRST_ANSWERS_ID)?.textContent;
  if (!text) return;
  try {
    for (const [method, result] of Object.entries(JSON.parse(text) as Record<string, CallResult>)) {
      void keepEarly(earlyKey(method, {}), Promise.resolve(result).then((r) => unwrap(r)));
    }
  } catch {
    // A damaged block only costs the round trips it was meant to save.
  }
}
readFirstAnswers();

/**
 * Starts a call now so that the page that needs it finds it under way (see firstCall). The promise settles, never
 * rejecting, once the answer is in: whoever opens the page may wait for it and draw the page once, with its rows.
 */
export function warm<M extends Method>(method: M, input: MethodInput<M>): Promise<unknown> {
  const key = earlyKey(method, input);
  const found = early.get(key);
  if (found) return found.answer.catch(() => undefined);
  return keepEarly(key, call(method, input));
}

/** Drops every early answer: after setup or a reopen they describe a ledger that is no longer the one shown. */
export function forgetEarlyAnswers(): void {
  early.clear();
}

/** The early answer for this call if it has already arrived and is still fresh, without taking it (see useFirstAnswer). */
export function earlyValue<M extends Method>(method: M, input: MethodInput<M>): { value: MethodOutput<M> } | undefined {
  const found = early.get(earlyKey(method, input));
  if (!found?.arrived || Date.now() - found.at > EARLY_ANSWER_MS) return undefined;
  return found.arrived as { value: MethodOutput<M> };
}

/** Drops one early answer: the page has shown it, and a later visit must ask afresh. */
export function takeEarly<M extends Method>(method: M, input: MethodInput<M>): void {
  early.delete(earlyKey(method, input));
}

/** For a screen's first load: the answer already there or under way if there is one (used once), else a call. */
export function firstCall<M extends Method>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const key = earlyKey(method, input);
  const found = early.get(key);
  early.delete(key);
  if (!found || Date.now() - found.at > EARLY_ANSWER_MS) return call(method, input);
  return found.answer as Promise<MethodOutput<M>>;
}

export interface SavedReport {
  /** False when the clerk cancelled the save dialog. */
  saved: boolean;
  fileName: string;
  path?: string;
}

/** Builds a report and puts it on disk: the native save dialog in Electron, a browser download in web mode. */
export async function saveReport(input: ExportInput): Promise<SavedReport> {
  if (window.ledger) {
    const file = await call('reports.export', input);
    const res = await window.ledger.saveFile(file.fileName, file.base64).catch((err: unknown) => {
      throw transportError(err);
    });
    // A failed write (full disk, file open in Excel) must read as a failure, not as 已取消保存.
    if (res.error) throw new ApiError({ code: 'IO', message: res.error });
    return { saved: res.saved, fileName: file.fileName, path: res.path };
  }
  const res = await postJson('/api/download/report', input);
  if (!res.ok || !String(res.headers.get('content-type') ?? '').includes('spreadsheetml')) {
    const result = await readResult(res);
    throw new ApiError(result.ok ? { code: 'IO', message: '导出失败：服务没有返回文件' } : result.error);
  }
  const fileName = fileNameFrom(res.headers.get('content-disposition')) ?? '报表.xlsx';
  download(await res.blob(), fileName);
  return { saved: true, fileName };
}

/**
 * Puts a file the ledger returned as base64 (an import template, an error report) on disk: the native save dialog
 * in Electron, a browser download in web mode.
 */
export async function saveFile(file: { fileName: string; base64: string }): Promise<SavedReport> {
  if (window.ledger) {
    const res = await window.ledger.saveFile(file.fileName, file.base64).catch((err: unknown) => {
      throw transportError(err);
    });
    if (res.error) throw new ApiError({ code: 'IO', message: res.error });
    return { saved: res.saved, fileName: file.fileName, path: res.path };
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), file.fileName);
  return { saved: true, fileName: file.fileName };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken its own reference once click() returns; revoke later so slow machines still save.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return star[1];
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}
