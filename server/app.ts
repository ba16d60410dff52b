/**
 * Web mode: the same contract over HTTP on 127.0.0.1, plus the built renderer. Every API request needs the
 * per-launch token in the X-Ledger-Token header (the page keeps it in sessionStorage; there is no cookie, because
 * cookies are shared by every port of 127.0.0.1), comes from our own origin, and names us in Host as
 * 127.0.0.1:PORT or localhost:PORT (no DNS rebinding). No CORS headers are ever sent. See docs/security.md.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { MethodOutput } from '../core/api/contract';
import type { CallResult } from '../core/api/result';
import type { LedgerHost } from '../core/host';
import { LedgerError, invalid, serializeError } from '../core/errors';
import { untrustedPathProblem } from '../core/paths';
import { SECURITY_HEADERS, crossSiteReason, hasToken, hostAllowed, safeEqual } from './security';

export interface WebServerOptions {
  host: LedgerHost;
  token: string;
  rendererDir: string;
  port?: number;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Room for a 15 MB attachment or a 20 MB import file (core/import/engine.ts) once base64-encoded.
export const MAX_BODY = 28 * 1024 * 1024;
/**
 * After a too-large answer the rest of the body is read and thrown away, so the client has sent everything and reads
 * our answer (closing a socket with unread data makes TCP reset it, and the client then sees only the reset). A body
 * that goes on past this is not a browser's upload; the connection is cut.
 */
const MAX_DISCARD = 64 * 1024 * 1024;
const TOO_LARGE_MESSAGE = `提交的内容太大（超过 ${Math.round(MAX_BODY / 1024 / 1024)}MB），没有处理。`;
const TOO_LARGE_HINT = '附件请控制在 15MB 以内，导入的表格请控制在 20MB 以内；过大的文件可以拆分后分次上传或导入。';
const NO_TOKEN_MESSAGE = '访问令牌无效，请使用启动时显示的完整地址打开。';

class TooLarge extends Error {}

export function startWebServer(opts: WebServerOptions): Promise<{ server: Server; port: number; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res, opts, server).catch((err) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof TooLarge) return sendTooLarge(req, res);
      sendJson(res, err instanceof LedgerError ? 400 : 500, { ok: false, error: serializeError(err) });
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    // Loopback only: nothing on the office network can reach web mode.
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({ server, port, url: `http://127.0.0.1:${port}/?token=${opts.token}` });
    });
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: WebServerOptions, server: Server): Promise<void> {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  if (!hostAllowed(req, port)) return sendText(res, 421, '拒绝访问：地址不正确，请使用启动时显示的地址打开。');
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const api = url.pathname.startsWith('/api/');
  if (crossSiteReason(req, api)) return sendText(res, 403, '拒绝访问：请求来自其他网页或程序。');
  const path = decodePath(url.pathname);
  if (path === null) return sendText(res, 400, '地址格式不正确（含有无效的 % 编码）。');

  if (api) {
    if (!hasToken(req, opts.token)) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: NO_TOKEN_MESSAGE } });
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendText(res, 405, '只接受 JSON POST 请求。');
    }
    const body = await readJson(req);
    // No dialogs in web mode: a path in the input must lie inside the data folder (core/paths.ts).
    const pathProblem = untrustedPathProblem(body, { dataDir: opts.host.currentDataDir });
    if (pathProblem) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: pathProblem } });
    if (path.startsWith('/api/call/')) {
      const result = await opts.host.call(path.slice('/api/call/'.length), body);
      return sendJson(res, 200, result);
    }
    if (path === '/api/download/report') {
      // Browsers save a download better than a base64 string. The export still goes through the contract (the same
      // validation and audit as every transport); only the decoding happens here, at the edge.
      const result = await opts.host.call('reports.export', body);
      if (!result.ok) return sendJson(res, 400, result);
      const { base64, fileName } = result.data as MethodOutput<'reports.export'>;
      const buffer = Buffer.from(base64, 'base64');
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': XLSX_MIME,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'content-length': buffer.length,
        'cache-control': 'no-store',
      });
      return void res.end(buffer);
    }
    return sendText(res, 404, '没有这个接口。');
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, '不支持的请求。');
  if (path === '/' || path === '/index.html') {
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && !safeEqual(queryToken, opts.token)) return sendText(res, 401, NO_TOKEN_MESSAGE);
    // The start URL carries the token: the page gets its first answers written in. A reload (the page has taken the
    // token out of the address bar) gets the bare page, which holds no data and asks with the token it kept.
    return sendIndex(res, opts, queryToken !== null);
  }
  const file = resolve(opts.rendererDir, normalize(path).replace(/^[/\\]+/, ''));
  if (!file.startsWith(resolve(opts.rendererDir) + sep) || !existsSync(file) || !statSync(file).isFile()) return sendText(res, 404, '找不到该文件。');
  return sendFile(res, file);
}

/** The decoded path, or null for a malformed % encoding (a client error, not ours). */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY) return reject(new TooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) return void chunks.push(chunk);
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      reject(new TooLarge());
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(invalid('请求内容不是有效的 JSON'));
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

/** Answers first, then reads and drops the rest of the body (see MAX_DISCARD) and closes the connection. */
function sendTooLarge(req: IncomingMessage, res: ServerResponse): void {
  const text = JSON.stringify({ ok: false, error: { code: 'TOO_LARGE', message: TOO_LARGE_MESSAGE, hint: TOO_LARGE_HINT } });
  res.writeHead(413, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARD) req.destroy();
  });
  req.resume();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The id of the JSON block in index.html that renderer/src/api/client.ts reads. */
export const FIRST_ANSWERS_ID = 'ledger-first-answers';
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i;

/**
 * index.html, with the answers the first screen needs (`app.status`, and `org.getSettings` once the ledger is set up)
 * written into it when the request proved it holds the token, so the renderer does not wait two round trips after its
 * code has loaded. The answers are exactly what the same calls would return now (a fresh page each time: no-store). A
 * JSON data block is never executed, so the CSP (script-src 'self') does not apply to it; `<` is escaped so a town
 * name cannot end the block.
 */
async function sendIndex(res: ServerResponse, opts: WebServerOptions, withAnswers: boolean): Promise<void> {
  // The policy arrives as a header (SECURITY_HEADERS), which also enforces frame-ancestors. The built page's meta copy
  // (for Electron's file:// load) is dropped: Chromium ignores frame-ancestors in a meta tag and logs that as an error.
  let html = readFileSync(join(opts.rendererDir, 'index.html'), 'utf8').replace(CSP_META, '');
  if (withAnswers) {
    const answers: Record<string, CallResult> = { 'app.status': await opts.host.call('app.status', {}) };
    const status = answers['app.status']!;
    if (status.ok && (status.data as MethodOutput<'app.status'>).state === 'ready') {
      answers['org.getSettings'] = await opts.host.call('org.getSettings', {});
    }
    const block = `<script type="application/json" id="${FIRST_ANSWERS_ID}">${JSON.stringify(answers).replace(/</g, '\\u003c')}</script>`;
    html = html.includes('</head>') ? html.replace('</head>', () => `${block}\n  </head>`) : html + block;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': MIME['.html']!, 'cache-control': 'no-store' });
  res.end(html);
}

function sendFile(res: ServerResponse, file: string): void {
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  if (extname(file) === '.html') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' });
    return void res.end(readFileSync(file));
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type });
  createReadStream(file).pipe(res);
}
