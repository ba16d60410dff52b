/**
 * The first page in web mode: three cold loads of 首页 on the demo township, each in a fresh browser context, until
 * its figures and reminders show. The target is ≤ 1 s (median); timing belongs here, not in `npm test`.
 * Needs the built renderer (`npx electron-vite build`) and Chromium (`/usr/bin/chromium` or CHROMIUM_PATH).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

export const FIRST_PAGE_TARGET_MS = 1_000;
const ROOT = resolve(import.meta.dirname, '..', '..');
const URL_LINE = /请在浏览器中打开：(http:\/\/\S+)/;

export async function measureFirstPage(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-web-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--data-dir', dataDir, '--port', '0', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, LEDGER_WEB_TOKEN: `bench-${Date.now()}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((done, fail) => {
      let log = '';
      const timer = setTimeout(() => fail(new Error(`服务 60 秒内没有启动：\n${log}`)), 60_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString('utf8');
        const m = URL_LINE.exec(log);
        if (m?.[1]) {
          clearTimeout(timer);
          done(m[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => fail(new Error(`服务意外退出（${code}）：\n${log}`)));
    });
    const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const browser = await chromium.launch({
      executablePath: existsSync(executable) ? executable : undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const times: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext({ locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(url);
        const answered = await page.waitForFunction(
          () => {
            const doc = (globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document;
            return doc.querySelector('[data-testid="stat-people"] .ant-statistic-content-value') && doc.querySelector('[data-testid="home-reminders"]') && performance.now();
          },
          undefined,
          { polling: 'raf', timeout: 30_000 },
        );
        times.push(Number(await answered.jsonValue()));
        await context.close();
      }
    } finally {
      await browser.close();
    }
    return times.sort((a, b) => a - b);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
