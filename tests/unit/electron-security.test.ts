/**
 * The Electron security checklist (docs/security.md), checked without an Electron binary: the options the one
 * window is created with, the CSP in all three places, the navigation, window-open and permission handlers, the
 * startup error text, the preload's surface and the fuses the installer flips.
 */
import yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../core/api/bridge';
import { LedgerError } from '../../lib/errors';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  hardenAllWebContents,
  hardenSession,
  hardenWebContents,
  openHardenedWindow,
  rendererTarget,
  startupErrorText,
} from '../../electron/main/security';
import { CONTENT_SECURITY_POLICY as WEB_CSP } from '../../server/security';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

class Recorder {
  static last: BrowserWindowConstructorOptions | null = null;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    Recorder.last = options;
  }
}

function windowOptions(devTools = false): BrowserWindowConstructorOptions {
  const win = openHardenedWindow(Recorder, { preload: '/app/out/preload/index.cjs', title: '基层党建工作台账', devTools, placement: { width: 1280, height: 800 }, minWidth: 1024, minHeight: 640 });
  return win.options;
}

describe('the BrowserWindow options', () => {
  it('follow the checklist: isolated, sandboxed, no Node, web security on, nothing insecure or experimental', () => {
    const prefs = windowOptions().webPreferences!;
    expect(prefs).toMatchObject({
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
      devTools: false,
    });
    // Middle click (auxclick) is switched off in Blink, not only refused by the window-open handler.
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(windowOptions().show).toBe(false);
  });

  it('devTools only where main asks for them (not packaged)', () => {
    expect(windowOptions(true).webPreferences!.devTools).toBe(true);
    expect(read('electron/main/index.ts')).toMatch(/const devTools = !app\.isPackaged;/);
  });

  it('window.ts creates the window only through openHardenedWindow, and main enables the sandbox for every renderer', () => {
    const windowTs = read('electron/main/window.ts');
    expect(windowTs).toContain('openHardenedWindow(BrowserWindow,');
    expect(windowTs).not.toMatch(/new BrowserWindow\(/);
    const main = read('electron/main/index.ts');
    expect(main).toContain('app.enableSandbox();');
    expect(main).toContain('hardenAllWebContents(app);');
    expect(main).toContain('hardenSession(target);');
  });

  it('no remote content: a packaged app always loads its own file, whatever ELECTRON_RENDERER_URL says', () => {
    const target = rendererTarget(true, { ELECTRON_RENDERER_URL: 'http://evil.example/' });
    expect(target.kind).toBe('file');
    expect(rendererTarget(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({ kind: 'url', url: 'http://localhost:5173/' });
  });
});

describe('the Content-Security-Policy', () => {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('renderer/index.html'))?.[1];

  it('is the same in the renderer meta tag, the Electron header and the web-mode header', () => {
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(WEB_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy({ kind: 'file', file: '/x/index.html' })).toBe(CONTENT_SECURITY_POLICY);
  });

  it("is strict: self only, no plugins, no <base>, no form posts, no framing, no inline or eval'd script", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.has('script-src')).toBe(false);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    // Only the dev server (never packaged) may run the inline Fast Refresh preamble.
    expect(contentSecurityPolicy({ kind: 'url', url: 'http://localhost:5173/' })).toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('the handlers', () => {
  function fakeContents() {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    let openHandler: ((details: unknown) => unknown) | null = null;
    const contents = {
      setWindowOpenHandler: (h: (details: unknown) => unknown) => void (openHandler = h),
      on: (event: string, h: (...args: unknown[]) => unknown) => {
        handlers.set(event, h);
        return contents;
      },
    };
    return { contents, handlers, open: (details: unknown) => openHandler!(details) };
  }

  it('window.open, target=_blank and middle clicks are denied; navigation, frame navigation, redirects and <webview> are blocked', () => {
    const { contents, handlers, open } = fakeContents();
    hardenWebContents(contents as never);
    expect(open({ url: 'https://example.com/', disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///C:/Windows/System32/calc.exe', disposition: 'background-tab' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      expect(handlers.has(event), event).toBe(true);
      handlers.get(event)!({ preventDefault }, 'https://example.com/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
  });

  it('applies to every webContents the app creates, not just the main window', () => {
    let created: ((event: unknown, contents: unknown) => void) | null = null;
    hardenAllWebContents({ on: (event: string, h: (e: unknown, c: unknown) => void) => void (event === 'web-contents-created' && (created = h)) } as never);
    const { contents, handlers, open } = fakeContents();
    created!({}, contents);
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handlers.has('will-navigate')).toBe(true);
  });

  it('the session denies every permission request and check, and replaces any CSP header with ours', () => {
    let request: ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    let device: (() => boolean) | null = null;
    let headers: ((details: unknown, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    hardenSession({ kind: 'file', file: '/x/index.html' }, {
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
      setDevicePermissionHandler: (h: typeof device) => void (device = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => void (headers = h) },
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
    expect(device!()).toBe(false);
    const answer = vi.fn();
    headers!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'x-other': ['1'] } }, answer);
    expect(answer).toHaveBeenCalledWith({ responseHeaders: { 'x-other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});

describe('the startup error dialog', () => {
  it('shows plain Chinese and no stack trace, file path or Node error text', () => {
    const err = new Error("ENOENT: no such file or directory, open 'C:\\Users\\clerk\\AppData\\ledger.db'");
    const { title, content } = startupErrorText(err);
    expect(title).toBe('基层党建工作台账无法启动');
    expect(content).toContain('请关闭后重新打开本程序');
    for (const leak of ['ENOENT', 'at ', 'C:\\', '.ts:', '.js:', 'Error']) expect(content, leak).not.toContain(leak);
    expect(content).not.toContain(err.stack!.split('\n')[1]!.trim());
  });

  it("keeps a ledger error's own Chinese message, which already says what to do", () => {
    const { content } = startupErrorText(new LedgerError('DB_LOCKED', '数据文件正被另一个程序使用。', { hint: '请关闭其他正在运行的台账程序后重试。' }));
    expect(content).toContain('数据文件正被另一个程序使用。请关闭其他正在运行的台账程序后重试。');
    expect(read('electron/main/index.ts')).not.toMatch(/showErrorBox\([^)]*stack/);
  });
});

describe('the preload', () => {
  it('exposes exactly one object, window.ledger, whose methods are the bridge channels, and never ipcRenderer itself', () => {
    const src = read('electron/preload/index.ts');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toContain("contextBridge.exposeInMainWorld('ledger', ledger);");
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b/);
    expect(src).not.toMatch(/ipcRenderer\.(send|on|sendSync)\b/);
    const invoked = [...src.matchAll(/ipcRenderer\.invoke\(BRIDGE_CHANNELS\.(\w+)/g)].map((m) => m[1]).sort();
    expect(invoked).toEqual(Object.keys(BRIDGE_CHANNELS).sort());
  });
});

describe('the fuses the installer flips (electron-builder.yml)', () => {
  const fuses = (yaml.load(read('electron-builder.yml')) as { electronFuses: Record<string, boolean> }).electronFuses;

  it('turn off running as Node, NODE_OPTIONS and the inspector, and load only the integrity-checked app.asar', () => {
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('set every fuse this Electron knows, so a new one is a decision and not a default', async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const names = Object.keys(FuseV1Options)
      .filter((k) => Number.isNaN(Number(k)))
      .map((k) => k[0]!.toLowerCase() + k.slice(1));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) expect(typeof fuses[name], name).toBe('boolean');
  });
});
