/**
 * Drives the real desktop window. Electron's binary cannot be downloaded on the development machines, so this suite
 * skips itself there, with the reason, and runs wherever an Electron binary is installed (a connected CI or PC).
 * Run with: npm run test:electron (after npm run build and node scripts/electron-native.mjs).
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainEntry = join(root, 'out', 'main', 'index.js');
const nativeBinding = join(root, '.electron-native', 'better_sqlite3.node');

/**
 * Finds the binary the way node_modules/electron/index.js does, without requiring it: that module starts a download
 * when the binary is missing, which here would hang on the network instead of skipping.
 */
function findElectronBinary(): { found: true } | { found: false; reason: string } {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pkgDir)) return { found: false, reason: 'node_modules/electron 未安装 (electron is not installed; run npm install)' };
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        '本机没有 Electron 程序（node_modules/electron/dist 不存在，且无法联网下载）。 ' +
        'No Electron binary: node_modules/electron/path.txt and dist/ are missing and this machine cannot download them. ' +
        'Run `npx install-electron` on a connected machine to enable this suite.',
    };
  }
  const exe = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
  if (!existsSync(join(base, exe))) {
    return { found: false, reason: `Electron 程序不存在：${join(base, exe)} (the Electron binary is missing)` };
  }
  return { found: true };
}

const binary = findElectronBinary();
// The list reporter does not print skip annotations, so the reason is also written where a person will see it.
if (!binary.found) console.warn(`[e2e-electron] 已跳过 / skipped: ${binary.reason}`);
test.skip(!binary.found, binary.found ? '' : binary.reason);

let app: ElectronApplication | undefined;
let dataDir = '';

test.beforeEach(async () => {
  // Missing build outputs are a broken setup, not a reason to skip: fail loudly where Electron exists.
  if (!existsSync(mainEntry)) throw new Error(`缺少 ${mainEntry}：请先运行 npm run build (build the app first)`);
  if (!existsSync(nativeBinding)) {
    throw new Error(`缺少 ${nativeBinding}：请先运行 node scripts/electron-native.mjs (build the Electron-ABI better-sqlite3 first)`);
  }
  // Each test gets its own data folder; the app keeps its Chromium profile and single-instance lock inside it too.
  dataDir = mkdtempSync(join(tmpdir(), 'ledger-electron-e2e-'));
  const env = { ...process.env };
  delete env.ELECTRON_RENDERER_URL;
  delete env.LEDGER_DATA_DIR;
  app = await electron.launch({
    args: [mainEntry, '--data-dir', dataDir, '--disable-gpu'],
    cwd: root,
    env: env as Record<string, string>,
  });
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test('opens one window titled 基层党建工作台账 showing the first-run screen', async () => {
  const page = await app!.firstWindow();
  await page.waitForLoadState('domcontentloaded');

  const windowTitle = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(windowTitle).toBe('基层党建工作台账');
  await expect(page).toHaveTitle(/基层党建工作台账/);
  await expect(page.getByText('首次设置').first()).toBeVisible({ timeout: 20_000 });
  expect(app!.windows()).toHaveLength(1);
});

test('the page has no Node access and exactly the LedgerBridge on window.ledger', async () => {
  const page = await app!.firstWindow();
  const probe = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as { ledger?: object }).ledger ?? {}).sort(),
  }));
  expect(probe).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call', 'saveFile'] });

  const status = await page.evaluate(() =>
    (globalThis as unknown as { ledger: { call(m: string, i: unknown): Promise<unknown> } }).ledger.call('app.status', {}),
  );
  expect(status).toMatchObject({ ok: true, data: { state: 'setup', demo: false, dataDir } });
});

test('window.open and navigation away are refused', async () => {
  const page = await app!.firstWindow();
  const before = page.url();
  // tsconfig.node.json has no DOM lib: these callbacks run in the page, reached through globalThis.
  type PageGlobals = { open(url: string): unknown; location: { href: string } };
  const refused = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com') === null);
  expect(refused).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(app!.windows()).toHaveLength(1);
});
