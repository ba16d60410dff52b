import { BrowserWindow, dialog, screen, session, type Rectangle, type Session } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hardenSession as hardenSessionWith, openHardenedWindow, type RendererTarget } from './security';

export const APP_TITLE = '基层党建工作台账';

// The checklist's settings live in security.ts (pure, unit-tested); re-exported for the rest of main.
export { CONTENT_SECURITY_POLICY, contentSecurityPolicy, hardenAllWebContents, isOwnRendererUrl, rendererTarget, type RendererTarget } from './security';

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

/** Deny-all permissions and the CSP header for the renderer's session (see security.ts). */
export function hardenSession(target: RendererTarget, ses: Session = session.defaultSession): void {
  hardenSessionWith(target, ses);
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
  const win = openHardenedWindow(BrowserWindow, {
    preload: opts.preload,
    title: opts.title,
    devTools: opts.devTools,
    placement: { x: state.x, y: state.y, width: state.width, height: state.height },
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
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
