import { BrowserWindow, dialog, screen, session, type App, type Rectangle, type Session } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const APP_TITLE = '基层党建工作台账';

/**
 * The same policy renderer/index.html carries as a meta tag. Chromium ignores response headers for file:// pages, so
 * the meta tag is what protects the packaged app; the header covers the dev server and anything the meta tag misses.
 * style-src needs 'unsafe-inline' because antd injects its CSS-in-JS as <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What the window loads: the built renderer file, or the electron-vite dev server. */
export type RendererTarget = { kind: 'file'; file: string } | { kind: 'url'; url: string };

export function rendererTarget(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): RendererTarget {
  const devUrl = env.ELECTRON_RENDERER_URL;
  // A packaged app never follows ELECTRON_RENDERER_URL: an environment variable must not be able to point it elsewhere.
  if (!isPackaged && devUrl) return { kind: 'url', url: devUrl };
  return { kind: 'file', file: fileURLToPath(new URL('../renderer/index.html', import.meta.url)) };
}

/** True when url is our own renderer page (any hash route), so IPC can refuse every other origin. */
export function isOwnRendererUrl(url: string, target: RendererTarget): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'url') return parsed.origin === new URL(target.url).origin;
  const own = pathToFileURL(target.file);
  return parsed.protocol === 'file:' && parsed.host === own.host && decodeURIComponent(parsed.pathname) === decodeURIComponent(own.pathname);
}

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };
const MIN_WIDTH = 1024;
const MIN_HEIGHT = 640;

function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function loadWindowState(file: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return DEFAULT_STATE;
  }
  if (!raw || typeof raw !== 'object') return DEFAULT_STATE;
  const r = raw as Record<string, unknown>;
  const state: WindowState = {
    width: isFiniteNumber(r.width) ? Math.max(MIN_WIDTH, Math.round(r.width)) : DEFAULT_STATE.width,
    height: isFiniteNumber(r.height) ? Math.max(MIN_HEIGHT, Math.round(r.height)) : DEFAULT_STATE.height,
    maximized: r.maximized === true,
  };
  if (isFiniteNumber(r.x) && isFiniteNumber(r.y)) {
    const bounds: Rectangle = { x: Math.round(r.x), y: Math.round(r.y), width: state.width, height: state.height };
    // A projector or second monitor that has since been unplugged would otherwise open the window off-screen.
    if (isVisibleOnSomeDisplay(bounds)) {
      state.x = bounds.x;
      state.y = bounds.y;
    }
  }
  return state;
}

function isVisibleOnSomeDisplay(b: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const w = Math.min(b.x + b.width, a.x + a.width) - Math.max(b.x, a.x);
    const h = Math.min(b.y + b.height, a.y + a.height) - Math.max(b.y, a.y);
    return w >= 100 && h >= 50;
  });
}

function saveWindowState(file: string, win: BrowserWindow): void {
  // getNormalBounds keeps the restored size when the window closes maximized.
  const b = win.getNormalBounds();
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch (err) {
    // Losing the window size is not worth bothering the clerk about.
    console.warn('无法保存窗口位置 (could not save window state):', err);
  }
}

/**
 * The dev server's React Fast Refresh preamble is an inline module script, so in dev only scripts may also be inline.
 * The packaged app never loads from a URL (rendererTarget), so it always gets the strict policy.
 */
export function contentSecurityPolicy(target: RendererTarget): string {
  return target.kind === 'url' ? `${CONTENT_SECURITY_POLICY}; script-src 'self' 'unsafe-inline'` : CONTENT_SECURITY_POLICY;
}

/** Deny-all defaults for the session the renderer runs in: no permissions, and the CSP as a response header. */
export function hardenSession(target: RendererTarget, ses: Session = session.defaultSession): void {
  const csp = contentSecurityPolicy(target);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

/**
 * Applies to every webContents the app ever creates, so no later window, devtools or stray frame escapes it: no new
 * windows, no navigation away from the renderer (in-page hash routes are not navigations), no <webview>.
 */
export function hardenAllWebContents(electronApp: App): void {
  electronApp.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

export interface MainWindowOptions {
  preload: string;
  target: RendererTarget;
  userDataDir: string;
  title: string;
  devTools: boolean;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const stateFile = windowStateFile(opts.userDataDir);
  const state = loadWindowState(stateFile);
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: opts.title,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: opts.devTools,
    },
  });

  // Main owns the title so it can always say whether demo data is open; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault());
  // A half-filled form sets beforeunload (renderer/src/components/useUnsavedGuard.ts). Electron would then refuse to
  // close or reload silently; ask the clerk instead, with the same words the page uses.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      title: APP_TITLE,
      message: '放弃未保存的修改？',
      detail: '有表单填写了一半还没有保存，关闭后将不会保留。',
      buttons: ['放弃修改', '继续填写'],
      defaultId: 1,
      cancelId: 1,
    });
    if (choice === 0) event.preventDefault();
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => saveWindowState(stateFile, win));

  if (opts.target.kind === 'url') void win.loadURL(opts.target.url);
  else void win.loadFile(opts.target.file);
  return win;
}
