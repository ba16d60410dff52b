/**
 * Web mode: the same contract over HTTP on 127.0.0.1, plus the built renderer. Every API request needs the
 * per-launch token (cookie set by the start URL, or the X-Ledger-Token header for scripts); the Host header must
 * be 127.0.0.1:PORT or localhost:PORT (no DNS rebinding); no CORS headers are ever sent.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import type { MethodOutput } from '../core/api/contract';
import type { CallResult } from '../core/api/result';
import type { LedgerHost } from '../core/host';
import { LedgerError, invalid, serializeError } from '../core/errors';

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
const MAX_BODY = 28 * 1024 * 1024;
const COOKIE = 'ledger_token';

export function startWebServer(opts: WebServerOptions): Promise<{ server: Server; port: number; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res, opts, server).catch((err) => sendJson(res, err instanceof LedgerError ? 400 : 500, { ok: false, error: serializeError(err) }));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
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
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
    return sendText(res, 421, '拒绝访问：地址不正确。');
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

  if (url.pathname.startsWith('/api/')) {
    if (!hasToken(req, opts.token)) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: '访问令牌无效，请使用启动时显示的完整地址打开。' } });
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendText(res, 405, '只接受 JSON POST 请求。');
    }
    const body = await readJson(req);
    if (url.pathname.startsWith('/api/call/')) {
      const method = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const result = await opts.host.call(method, body);
      return sendJson(res, 200, result);
    }
    if (url.pathname === '/api/download/report') {
      // Browsers save a download better than a base64 string. The export still goes through the contract (the same
      // validation and audit as every transport); only the decoding happens here, at the edge.
      const result = await opts.host.call('reports.export', body);
      if (!result.ok) return sendJson(res, 400, result);
      const { base64, fileName } = result.data as MethodOutput<'reports.export'>;
      const buffer = Buffer.from(base64, 'base64');
      res.writeHead(200, {
        'content-type': XLSX_MIME,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'content-length': buffer.length,
      });
      return void res.end(buffer);
    }
    return sendText(res, 404, '没有这个接口。');
  }

  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, '不支持的请求。');
  const queryToken = url.searchParams.get('token');
  if (url.pathname === '/' || url.pathname === '/index.html') {
    if (queryToken !== null) {
      if (!safeEqual(queryToken, opts.token)) return sendText(res, 401, '访问令牌无效，请使用启动时显示的完整地址打开。');
      res.setHeader('set-cookie', `${COOKIE}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!hasToken(req, opts.token)) {
      return sendText(res, 401, '请使用启动时显示的完整地址（含 token）打开。');
    }
    return sendIndex(res, opts);
  }
  const file = resolve(opts.rendererDir, normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, ''));
  if (!file.startsWith(resolve(opts.rendererDir) + sep) || !existsSync(file) || !statSync(file).isFile()) return sendText(res, 404, '找不到该文件。');
  return sendFile(res, file);
}

function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers['x-ledger-token'];
  if (typeof header === 'string' && safeEqual(header, token)) return true;
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return !!cookie && safeEqual(cookie.slice(COOKIE.length + 1), token);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(invalid('请求内容过大（超过 25MB）'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolveBody(text ? JSON.parse(text) : {});
      } catch {
        reject(invalid('请求内容不是有效的 JSON'));
      }
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** The id of the JSON block in index.html that renderer/src/api/client.ts reads. */
export const FIRST_ANSWERS_ID = 'ledger-first-answers';

/**
 * index.html with the answers the first screen needs (`app.status`, and `org.getSettings` once the ledger is set up)
 * written into it, so the renderer does not wait two round trips after its code has loaded. The answers are exactly
 * what the same calls would return now (a fresh page each time: no-store). A JSON data block is never executed, so
 * the CSP (script-src 'self') does not apply to it; `<` is escaped so a town name cannot end the block.
 */
async function sendIndex(res: ServerResponse, opts: WebServerOptions): Promise<void> {
  const html = readFileSync(join(opts.rendererDir, 'index.html'), 'utf8');
  const answers: Record<string, CallResult> = { 'app.status': await opts.host.call('app.status', {}) };
  const status = answers['app.status']!;
  if (status.ok && (status.data as MethodOutput<'app.status'>).state === 'ready') {
    answers['org.getSettings'] = await opts.host.call('org.getSettings', {});
  }
  const block = `<script type="application/json" id="${FIRST_ANSWERS_ID}">${JSON.stringify(answers).replace(/</g, '\\u003c')}</script>`;
  res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store' });
  res.end(html.includes('</head>') ? html.replace('</head>', () => `${block}\n  </head>`) : html + block);
}

function sendFile(res: ServerResponse, file: string): void {
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  if (extname(file) === '.html') {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    return void res.end(readFileSync(file));
  }
  res.writeHead(200, { 'content-type': type });
  createReadStream(file).pipe(res);
}
