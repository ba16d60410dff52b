/**
 * The first page in web mode: three cold loads of 首页 on the demo township, each in a fresh browser context, until
 * its figures and reminders show. The target is ≤ 1 s (median); timing belongs here, not in `npm test`.
 * Needs the built renderer (`npx electron-vite build`) and Chromium (`/usr/bin/chromium` or CHROMIUM_PATH).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startServer, stopServer } from './web';

export const FIRST_PAGE_TARGET_MS = 1_000;

export async function measureFirstPage(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-web-'));
  const { url, child } = await startServer(dataDir, ['--demo']);
  try {
    const browser = await launchChromium();
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
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
