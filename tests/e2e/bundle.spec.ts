/**
 * The renderer is split by page (React.lazy) and by vendor (electron.vite.config.ts), so the first screen loads only
 * what it shows. Checks the built files and times the first page in web mode.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { expect, test } from './fixtures';

const RENDERER = resolve(import.meta.dirname, '..', '..', 'out', 'renderer');
const MAX_CHUNK_BYTES = 1_000_000;
const PAGES = ['HomePage', 'PeoplePage', 'MembersPage', 'CompliancePage', 'ReportsPage', 'OrgPage', 'AuditPage', 'SetupWizard'];

test('the built renderer has no chunk over 1 MB, one chunk per page, and only relative paths (file:// in Electron)', () => {
  const assets = readdirSync(join(RENDERER, 'assets'));
  const scripts = assets.filter((f) => f.endsWith('.js'));
  const oversized = scripts.map((f) => ({ f, size: statSync(join(RENDERER, 'assets', f)).size })).filter((c) => c.size > MAX_CHUNK_BYTES);
  expect(oversized).toEqual([]);
  for (const page of PAGES) expect(scripts.some((f) => f.startsWith(`${page}-`)), `${page} 应有自己的代码块`).toBe(true);
  expect(scripts.some((f) => f.startsWith('react-'))).toBe(true);
  expect(scripts.some((f) => f.startsWith('vendor-'))).toBe(true);

  // index.html names its entry and preloads relative to itself, and each named file exists.
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(1);
  for (const ref of refs) {
    expect(ref.startsWith('./assets/'), ref).toBe(true);
    expect(assets).toContain(ref.slice('./assets/'.length));
  }
  // Pages are imported relative to the importing chunk, never from a root path that file:// would resolve to C:\.
  const entry = readFileSync(join(RENDERER, refs.find((r) => r.includes('/index-'))!), 'utf8');
  const dynamic = [...entry.matchAll(/import\(`([^`]+)`\)/g)].map((m) => m[1]!);
  expect(dynamic.length).toBeGreaterThanOrEqual(PAGES.length);
  for (const path of dynamic) expect(path.startsWith('./'), path).toBe(true);
});

test('从 file:// 打开（如 Electron）时，按需加载的页面代码块也能载入', async ({}, testInfo) => {
  // Electron grants file:// what plain Chromium only allows with this flag: ES modules importing their neighbours.
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--allow-file-access-from-files'] });
  try {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    // Stands in for the preload bridge: a ledger that is not set up yet, so Boot loads the setup wizard's chunk.
    await page.addInitScript(() => {
      const answers: Record<string, unknown> = {
        'app.status': { state: 'setup', demo: false, dataDir: 'C:\\台账数据', version: '0.0.0', today: '2026-12-02', error: null },
        'org.getSettings': null,
        'org.seedTowns': { countyName: '湟中区', towns: [] },
      };
      (globalThis as unknown as { ledger: unknown }).ledger = {
        call: async (method: string) => ({ ok: true, data: answers[method] ?? null }),
        saveFile: async () => ({ saved: false }),
        openAttachment: async () => ({ opened: false }),
      };
    });
    await page.goto(pathToFileURL(join(RENDERER, 'index.html')).href);
    await expect(page.getByRole('heading', { name: /首次设置/ })).toBeVisible();
    expect(failed).toEqual([]);
  } finally {
    await browser.close();
  }
});

// How fast it opens is measured by `npm run bench` (tests/bench/first-page.ts, target ≤ 1 s); here, that the split
// build opens 首页 cold and its counts lead on to the next page.
test.describe('首页（按页拆分后的程序）', () => {
  test.use({ serverOptions: { demo: true } });

  test('冷启动后首页显示统计数和提醒，并可点击进入其他页面', async ({ app }) => {
    await expect(app.getByTestId('stat-people').locator('.ant-statistic-content-value')).toBeVisible();
    await expect(app.getByTestId('home-reminders')).toBeVisible();
    await app.getByTestId('stat-people').click();
    await expect(app.getByText(/共 \d+ 人/)).toBeVisible();
  });
});
