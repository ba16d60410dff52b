/**
 * The desktop shell: picks the data folder, starts the one LedgerHost, and opens one hardened window onto it.
 * Everything the ledger does lives in core/; this file only wires Electron to it.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../../core/args';
import { LedgerHost } from '../../core/host';
import { APP_ID } from '../../core/version';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { APP_USER_MODEL_ID, resolveNativePaths } from './native';
import { startupErrorText } from './security';
import { APP_TITLE, createMainWindow, hardenAllWebContents, hardenSession, rendererTarget } from './window';

const args = parseArgs(process.argv.slice(1));
const explicitDataDir = args.dataDir || process.env.LEDGER_DATA_DIR || '';
// Same folder as core's defaultDataDir(), so the CLI and web mode open what the desktop app wrote.
const dataDir = resolve(explicitDataDir || join(app.getPath('appData'), APP_ID, 'data'));

// userData (Chromium profile, window-state.json, the single-instance lock) is pinned to appData/grassroots-ledger so it
// does not move when the packaged app is named by its Chinese productName. An explicit data folder gets its own
// profile inside it, so a test run or a second ledger never shares the lock or window state with the clerk's app.
app.setPath('userData', explicitDataDir ? join(dataDir, '.electron-profile') : join(app.getPath('appData'), APP_ID));
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
hardenAllWebContents(app);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two processes writing one ledger is how audit entries interleave; the running copy is brought forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  boot().catch((err: unknown) => {
    // The stack is for a technician (the console); the dialog says only, in Chinese, what happened and what to do.
    console.error('启动失败 (startup failed):', err);
    const { title, content } = startupErrorText(err);
    dialog.showErrorBox(title, content);
    app.exit(1);
  });
}

async function boot(): Promise<void> {
  await app.whenReady();
  const target = rendererTarget(app.isPackaged);
  hardenSession(target);

  const outMain = fileURLToPath(new URL('.', import.meta.url));
  const native = resolveNativePaths({
    isPackaged: app.isPackaged,
    projectRoot: resolve(outMain, '..', '..'),
    resourcesPath: process.resourcesPath,
  });
  if (!existsSync(native.nativeBinding)) {
    // The host still starts and shows its error screen; this line tells a developer what is missing.
    console.error(
      `缺少 Electron 版 better-sqlite3：${native.nativeBinding}，请先运行 node scripts/electron-native.mjs\n` +
        `Missing the Electron-ABI better-sqlite3 at ${native.nativeBinding}; run node scripts/electron-native.mjs first.`,
    );
  }

  const host = new LedgerHost({
    dataDir,
    migrationsDir: native.migrationsDir,
    nativeBinding: native.nativeBinding,
    startInDemo: args.demo,
    dailyBackup: true,
  });
  await host.start();

  let hostClosed = false;
  app.on('will-quit', (event) => {
    if (hostClosed) return;
    // Closing the database checkpoints the WAL, so the .db file alone is complete when the clerk copies it.
    event.preventDefault();
    void host
      .close()
      .catch((err: unknown) => console.error('关闭数据库时出错 (error closing the database):', err))
      .finally(() => {
        hostClosed = true;
        app.quit();
      });
  });

  const devTools = !app.isPackaged;
  const windowTitle = () => (host.status().demo ? `${APP_TITLE}（演示数据）` : APP_TITLE);
  const getWindow = () => mainWindow;
  const onModeChanged = () => {
    installMenu({ host, getWindow, onModeChanged, devTools });
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setTitle(windowTitle());
  };

  registerIpc({ host, getWindow, target, onModeChanged });
  installMenu({ host, getWindow, onModeChanged, devTools });

  mainWindow = createMainWindow({
    // Sandboxed preloads cannot be ES modules; electron.vite.config.ts emits this one as CommonJS.
    preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    target,
    userDataDir: app.getPath('userData'),
    title: windowTitle(),
    devTools,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
