/**
 * The desktop window's security settings, as pure functions that import nothing from Electron at run time (only its
 * types), so tests/unit/electron-security.test.ts can check them under plain Node where no Electron binary exists.
 * window.ts applies them. What each setting protects against is in docs/security.md.
 */
import type { App, BrowserWindowConstructorOptions, Event, Session, WebContents } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LedgerError } from '../../lib/errors';

/**
 * The same policy renderer/index.html carries as a meta tag, and server/security.ts sends in web mode (the unit test
 * keeps the three equal). Chromium ignores response headers for file:// pages, so the meta tag is what protects the
 * packaged app; the header set in hardenSession covers the dev server. style-src needs 'unsafe-inline' because antd
 * injects its CSS-in-JS as <style> elements.
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

/**
 * The dev server's React Fast Refresh preamble is an inline module script, so in dev only scripts may also be inline.
 * The packaged app never loads from a URL (rendererTarget), so it always gets the strict policy.
 */
export function contentSecurityPolicy(target: RendererTarget): string {
  return target.kind === 'url' ? `${CONTENT_SECURITY_POLICY}; script-src 'self' 'unsafe-inline'` : CONTENT_SECURITY_POLICY;
}

export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface HardenedWindowOptions {
  preload: string;
  title: string;
  devTools: boolean;
  placement: WindowPlacement;
  minWidth: number;
  minHeight: number;
}

/**
 * Creates the one window with the Electron security checklist's settings. The constructor is passed in (Electron's
 * BrowserWindow in window.ts, a recorder in the unit test), and the options are written out here as one literal so
 * that the security linter (scripts/security-lint.mjs) reads the very object the app uses.
 */
export function openHardenedWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, opts: HardenedWindowOptions): W {
  return new BrowserWindow({
    x: opts.placement.x,
    y: opts.placement.y,
    width: opts.placement.width,
    height: opts.placement.height,
    minWidth: opts.minWidth,
    minHeight: opts.minHeight,
    title: opts.title,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      // The one preload (electron/preload/index.ts) exposes only window.ledger through contextBridge.
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link must not open anything; setWindowOpenHandler denies it too.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: opts.devTools,
    },
  });
}

/** Any window.open, target=_blank link or middle click: refused, nothing opens. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Navigating the window away from the renderer (a link, a dropped file, a script setting location): refused. */
export function blockNavigation(event: Pick<Event, 'preventDefault'>): void {
  event.preventDefault();
}

type Contents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * For every webContents the app ever creates, so no later window, devtools or stray frame escapes it: no new windows,
 * no navigation of the page or of any frame away from the renderer (in-page hash routes are not navigations), no
 * <webview>, and no redirects.
 */
export function hardenWebContents(contents: Contents): void {
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-navigate', blockNavigation);
  contents.on('will-frame-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', blockNavigation);
}

export function hardenAllWebContents(electronApp: Pick<App, 'on'>): void {
  electronApp.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'>;

/** Deny-all defaults for the session the renderer runs in: no permission of any kind, and the CSP as a header too. */
export function hardenSession(target: RendererTarget, ses: PermissionSession): void {
  const csp = contentSecurityPolicy(target);
  // Camera, microphone, notifications, geolocation, clipboard, USB, HID, serial: the ledger needs none of them.
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
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
 * The startup error dialog's text: plain Chinese that says what to do. The stack trace and Node's error text are for
 * a technician and go to the log (stderr), never into the dialog a clerk reads or photographs and forwards.
 */
export function startupErrorText(err: unknown): { title: string; content: string } {
  // A LedgerError's message is already written for the clerk (e.g. 数据文件正被另一个程序使用); anything else is not.
  const known = err instanceof LedgerError ? `${[err.message, err.hint].filter(Boolean).join('')}\n\n` : '';
  return {
    title: '基层党建工作台账无法启动',
    content: `${known}程序启动时出错，没有打开任何数据，数据文件也没有被改动。\n请关闭后重新打开本程序；如果仍然出错，请重新启动电脑后再试，或联系区县信息化人员。`,
  };
}
