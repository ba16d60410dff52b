/**
 * The 人员库 in a browser at district scale: from clicking 人员库 in the menu until its first page of rows and
 * its total show, and from picking a 性别 filter until the table shows the filtered total. Web mode, Debian's
 * Chromium, on the bench's data; the target is ≤ 300 ms for each (median of the runs).
 */
import type { Page } from '@playwright/test';
import { performance } from 'node:perf_hooks';
import { launchChromium, startServer, stopServer } from './web';

export const BROWSER_TARGET_MS = 300;

const TOTAL = /共 (\d+) 人/;

async function totalShown(page: Page, not?: string): Promise<string> {
  const handle = await page.waitForFunction(
    ([pattern, previous]) => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      if (!doc.querySelector('.ant-table-tbody tr.ant-table-row')) return false;
      const text = doc.querySelector('.ant-pagination-total-text')?.textContent ?? '';
      const m = new RegExp(pattern).exec(text);
      return m && m[1] !== previous ? m[1] : false;
    },
    [TOTAL.source, not ?? ''] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  return String(await handle.jsonValue());
}

export async function measurePeopleInBrowser(dataDir: string, runs = 5): Promise<{ open: number[]; filter: number[] }> {
  const { url, child } = await startServer(dataDir);
  try {
    const browser = await launchChromium();
    const open: number[] = [];
    const filter: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(url);
        const menu = page.getByRole('menuitem', { name: '人员库' });
        await menu.waitFor({ timeout: 60_000 });
        let start = performance.now();
        await menu.click();
        let total = await totalShown(page);
        open.push(performance.now() - start);
        // One filter change per context, alternating, so each is a new answer and not the browser's cached one.
        await page.getByLabel('性别').click();
        const option = page.locator('.ant-select-item-option').filter({ hasText: i % 2 === 0 ? /^女$/ : /^男$/ });
        await option.waitFor();
        start = performance.now();
        await option.click();
        total = await totalShown(page, total);
        filter.push(performance.now() - start);
        await context.close();
      }
    } finally {
      await browser.close();
    }
    return { open: open.sort((a, b) => a - b), filter: filter.sort((a, b) => a - b) };
  } finally {
    await stopServer(child);
  }
}
