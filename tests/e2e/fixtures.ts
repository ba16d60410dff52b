/**
 * Each test gets its own data folder and its own web-mode server, so tests never see each other's villages or
 * people and can run in any order. The renderer must already be built (`npx electron-vite build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { idCheckChar } from '../../core/people/idcard';

const ROOT = resolve(import.meta.dirname, '..', '..');
const URL_LINE = /请在浏览器中打开：(http:\/\/\S+)/;

export interface LedgerServer {
  url: string;
  dataDir: string;
  output: () => string;
  /**
   * Stops the server and starts it again on the same data folder, e.g. with a later `today`; returns the new start
   * URL (a new port and token), which the page must open again.
   */
  restart: (opts?: Pick<ServerOptions, 'today'>) => Promise<string>;
}

export interface ServerOptions {
  demo?: boolean;
  /** Runs on the empty data folder before the server starts, e.g. to plant a damaged database file. */
  prepareDataDir?: (dataDir: string) => void;
  /** A fixed "today" (YYYY-MM-DD) for date-dependent reminders, passed as LEDGER_TEST_TODAY. */
  today?: string;
}

async function startServer(dataDir: string, opts: ServerOptions): Promise<{ server: Omit<LedgerServer, 'restart'>; child: ChildProcess }> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('找不到 out/renderer/index.html：请先运行 npx electron-vite build');
  }
  const args = ['--import', 'tsx', 'server/main.ts', '--data-dir', dataDir, '--port', '0', ...(opts.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      LEDGER_WEB_TOKEN: `e2e-${Math.random().toString(36).slice(2)}`,
      ...(opts.today ? { LEDGER_TEST_TODAY: opts.today } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`服务 30 秒内没有启动：\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const m = URL_LINE.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务意外退出（${code}）：\n${log}`));
    });
  });
  return { server: { url, dataDir, output: () => log }, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

interface Fixtures {
  serverOptions: ServerOptions;
  server: LedgerServer;
  /** The page, already opened at the server's start URL (the token kept in its sessionStorage). */
  app: Page;
}

export const test = base.extend<Fixtures>({
  serverOptions: [{}, { option: true }],
  server: async ({ serverOptions }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    serverOptions.prepareDataDir?.(dataDir);
    let { server: started, child } = await startServer(dataDir, serverOptions);
    const server: LedgerServer = {
      ...started,
      restart: async (opts = {}) => {
        await stopServer(child);
        ({ server: started, child } = await startServer(dataDir, { ...serverOptions, ...opts, prepareDataDir: undefined }));
        server.url = started.url;
        server.output = started.output;
        return started.url;
      },
    };
    try {
      await use(server);
    } finally {
      await stopServer(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await use(page);
  },
});

export { expect };

/** Runs the first-run wizard with the seed list's 多巴镇 and lands on the shell. */
export async function setUpTown(page: Page, town = '多巴镇'): Promise<void> {
  await expect(page.getByRole('heading', { name: /首次设置/ })).toBeVisible();
  await pickOption(page, page.getByRole('combobox', { name: '乡镇（街道）' }), town);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText(/已选 \d+ 个村（社区）/)).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('town-name')).toContainText(town);
}

/** Any valid 18-digit number for a given birth date and sequence: the check character is computed, not guessed. */
export function validIdNumber(birth: string, sequence = '123', area = '630122'): string {
  const first17 = `${area}${birth.replace(/-/g, '')}${sequence}`;
  return first17 + idCheckChar(first17);
}

/**
 * antd selects render a virtual list whose ARIA options carry values, not labels; clerks type to narrow the list,
 * so the tests do the same and then click the visible item.
 */
export async function pickOption(page: Page, combobox: Locator, text: string, search = text): Promise<void> {
  await combobox.click();
  if (search) await combobox.fill(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

export function visibleOption(page: Page, text: string): Locator {
  return page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text });
}

/** Closing a form the clerk has typed into asks first; the tests that mean to throw the input away say so. */
export async function discardChanges(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: '放弃未保存的修改？' }).getByRole('button', { name: '放弃修改' }).click();
}
