import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../server/app';
import { startHost } from '../helpers/ledger';

const TOKEN = 'test-token-123';
let port = 0;
let stop: () => Promise<void>;

beforeAll(async () => {
  const started = await startHost();
  const rendererDir = join(started.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>台账</title>');
  const web = await startWebServer({ host: started.host, token: TOKEN, rendererDir });
  port = web.port;
  stop = async () => {
    web.server.close();
    await started.close();
  };
});
afterAll(() => stop());

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = { 'content-type': 'application/json' };

describe('web mode security', () => {
  it('answers API calls only with the token', async () => {
    expect((await send('/api/call/dashboard.summary', { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    const ok = await send('/api/call/dashboard.summary', { method: 'POST', headers: { ...json, 'x-ledger-token': TOKEN }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, data: { units: 3 } });
  });

  it('sets no cookie: the start URL serves the page, and only the header authorises calls', async () => {
    const page = await send(`/?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    // A cookie named like the old one grants nothing: cookies are shared by every port of 127.0.0.1.
    const withCookie = await send('/api/call/app.status', { method: 'POST', headers: { ...json, cookie: `ledger_token=${TOKEN}` }, body: '{}' });
    expect(withCookie.status).toBe(401);
    expect(JSON.parse(withCookie.body).error.message).toContain('访问令牌无效');
    expect((await send('/api/call/app.status', { method: 'POST', headers: { ...json, 'x-ledger-token': 'wrong-token-12' }, body: '{}' })).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('serves the bare page without the token (a reload), with no data written into it', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('ledger-first-answers');
    expect(page.body).not.toContain('多巴镇');
  });

  it('rejects a foreign Host header (DNS rebinding) and sends no CORS headers', async () => {
    const rebound = await send('/api/call/app.status', { method: 'POST', headers: { ...json, host: 'evil.example:80', 'x-ledger-token': TOKEN }, body: '{}' });
    expect(rebound.status).toBe(421);
    const ok = await send('/api/call/app.status', { method: 'POST', headers: { ...json, origin: 'http://evil.example', 'x-ledger-token': TOKEN }, body: '{}' });
    expect(Object.keys(ok.headers).some((h) => h.startsWith('access-control-'))).toBe(false);
  });

  it('refuses non-JSON posts and malformed JSON with a Chinese message', async () => {
    expect((await send('/api/call/app.status', { method: 'POST', headers: { 'x-ledger-token': TOKEN, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(405);
    const bad = await send('/api/call/people.create', { method: 'POST', headers: { ...json, 'x-ledger-token': TOKEN }, body: '{oops' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('JSON');
  });

  it('writes the status and settings into the start page, so the first screen does not wait for them', async () => {
    const name = '张明</script><script>alert(1)</script>';
    const updated = await send('/api/call/org.updateSettings', { method: 'POST', headers: { ...json, 'x-ledger-token': TOKEN }, body: JSON.stringify({ fillerName: name.slice(0, 20) }) });
    expect(JSON.parse(updated.body)).toMatchObject({ ok: true });
    const page = await send(`/?token=${TOKEN}`);
    expect(page.headers['cache-control']).toBe('no-store');
    const block = /<script type="application\/json" id="ledger-first-answers">([^<]*)<\/script>/.exec(page.body);
    expect(block, page.body).not.toBeNull();
    const answers = JSON.parse(block![1]!);
    expect(answers['app.status']).toMatchObject({ ok: true, data: { state: 'ready', today: expect.any(String) } });
    expect(answers['org.getSettings']).toMatchObject({ ok: true, data: { townName: '多巴镇', fillerName: name.slice(0, 20) } });
    // The name cannot close the block: only one script element, and no markup from the data.
    expect(page.body.match(/<script/g)).toHaveLength(1);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await send('/..%2f..%2fledger.db');
    expect(res.status).toBe(404);
  });
});

describe('report download', () => {
  const auth = { ...json, 'x-ledger-token': TOKEN };

  it('streams the workbook the contract method reports.export built, decoded from its base64', async () => {
    const res = await send('/api/download/report', { method: 'POST', headers: auth, body: JSON.stringify({ reportId: 'people-roster' }) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('人员花名册'));
    expect(res.body.startsWith('PK')).toBe(true);
  });

  it('refuses bad input with the contract’s Chinese validation message', async () => {
    const bad = await send('/api/download/report', { method: 'POST', headers: auth, body: JSON.stringify({ reportId: 'people-roster', from: '2026-13-01' }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('开始日期') } });
    const unknown = await send('/api/download/report', { method: 'POST', headers: auth, body: JSON.stringify({ reportId: 'no-such' }) });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
