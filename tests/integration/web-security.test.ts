/**
 * Web mode against the real server: who is refused (no token, wrong Host, another origin or site), what a broken
 * request gets (400 for a bad % encoding, a Chinese 413 for a body over the limit, not a reset), the headers every
 * answer carries, and that it listens on the loopback address only.
 */
import { connect } from 'node:net';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startWebServer } from '../../server/app';
import { CONTENT_SECURITY_POLICY } from '../../server/security';
import { startHost } from '../helpers/ledger';

const TOKEN = 'security-token-0123456789';
let port = 0;
let address = '';
let stop: () => Promise<void>;

beforeAll(async () => {
  const started = await startHost();
  const rendererDir = join(started.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), `<!doctype html><html><head>\n<meta\n  http-equiv="Content-Security-Policy"\n  content="default-src 'self'; frame-ancestors 'none'"\n/>\n<title>台账</title></head><body></body></html>`);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const web = await startWebServer({ host: started.host, token: TOKEN, rendererDir });
  port = web.port;
  const a = web.server.address();
  address = typeof a === 'object' && a ? a.address : '';
  stop = async () => {
    web.server.close();
    await started.close();
  };
});
afterAll(() => stop());

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const auth = { 'content-type': 'application/json', 'x-ledger-token': TOKEN };
const callStatus = (headers: Record<string, string>) => send('/api/call/app.status', { method: 'POST', headers, body: '{}' });

describe('who is refused', () => {
  it('our own page (same origin, token header) is answered', async () => {
    const ok = await callStatus({ ...auth, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { state: 'ready' } });
    const viaLocalhost = await callStatus({ ...auth, host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(viaLocalhost.status).toBe(200);
  });

  it('a request without the token, or with a wrong one, gets 401 and a Chinese reason', async () => {
    const none = await callStatus({ 'content-type': 'application/json' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.message).toBe('访问令牌无效，请使用启动时显示的完整地址打开。');
    expect((await callStatus({ ...auth, 'x-ledger-token': `${TOKEN}x` })).status).toBe(401);
    expect((await callStatus({ ...auth, 'x-ledger-token': '' })).status).toBe(401);
    const download = await send('/api/download/report', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"reportId":"people-roster"}' });
    expect(download.status).toBe(401);
  });

  it('a wrong Host header (DNS rebinding) gets 421 even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.2:${port}`, `[::1]:${port}`]) {
      const res = await callStatus({ ...auth, host });
      expect(res.status, host).toBe(421);
      expect(res.body).toContain('拒绝访问');
    }
    expect((await send('/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('another origin, including another port of 127.0.0.1, gets 403 even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, 'null', `https://127.0.0.1:${port}`]) {
      const res = await callStatus({ ...auth, origin });
      expect(res.status, origin).toBe(403);
      expect(res.body).toContain('拒绝访问：请求来自其他网页或程序');
    }
  });

  it('Sec-Fetch-Site cross-site or same-site is refused; a typed address ("none") may open the page but not call', async () => {
    expect((await callStatus({ ...auth, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await callStatus({ ...auth, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await callStatus({ ...auth, 'sec-fetch-site': 'none' })).status).toBe(403);
    expect((await send(`/?token=${TOKEN}`, { headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);
    expect((await send(`/?token=${TOKEN}`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('sends no CORS headers, so no other origin may read an answer', async () => {
    const res = await send('/api/call/app.status', { method: 'OPTIONS', headers: { origin: `http://127.0.0.1:${port}`, 'access-control-request-method': 'POST' } });
    expect(Object.keys(res.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
  });
});

describe('broken requests', () => {
  it('a malformed % encoding answers 400 with a Chinese message, for pages and for the API', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%zz.js', '/api/call/app.%E0status']) {
      const res = await send(path, { method: path.startsWith('/api/') ? 'POST' : 'GET', headers: auth, body: path.startsWith('/api/') ? '{}' : undefined });
      expect(res.status, path).toBe(400);
      expect(res.body).toContain('地址格式不正确');
    }
  });

  it('a body over the limit gets the Chinese 413 answer, read by the client rather than a reset', async () => {
    const big = Buffer.alloc(MAX_BODY + 1024 * 1024, 0x20);
    // Declared up front (a browser's fetch) and streamed without a length (chunked): both see the answer.
    const declared = await send('/api/call/attachments.add', { method: 'POST', headers: auth, body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('提交的内容太大') });
    const chunked = await new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/call/attachments.add', method: 'POST', headers: { ...auth, host: `127.0.0.1:${port}`, 'transfer-encoding': 'chunked' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 30; i++) req.write(piece);
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.message).toBe('提交的内容太大（超过 28MB），没有处理。');
    // The server is still there for the next request.
    expect((await callStatus(auth)).status).toBe(200);
  });
});

describe('paths from the page', () => {
  it('a file outside the data folder named in a call is refused before the ledger sees it', async () => {
    const res = await send('/api/call/backup.inspect', { method: 'POST', headers: auth, body: JSON.stringify({ source: { path: '/etc/passwd' } }) });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('不能使用页面提供的文件位置“/etc/passwd”') });
  });
});

describe('headers', () => {
  it('the page, a script and an API answer carry CSP, nosniff, no-referrer and frame-ancestors none', async () => {
    for (const res of [await send(`/?token=${TOKEN}`), await send('/'), await send('/assets/app.js'), await callStatus(auth), await callStatus({})]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    // The page's meta copy is dropped in web mode: the header is the policy, and frame-ancestors works only there.
    const page = await send('/');
    expect(page.body).toContain('<title>台账</title>');
    expect(page.body).not.toContain('http-equiv');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('bind address', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(address).toBe('127.0.0.1');
    const reach = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reach('127.0.0.1')).toBe(true);
    // Another loopback address of the same machine is not the one we bound.
    expect(await reach('127.0.0.2')).toBe(false);
  });
});
