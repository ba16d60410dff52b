/**
 * The desktop IPC binding (electron/main/ipc.ts) with a stand-in for Electron: a call from our own window that names
 * a file outside the data folder is refused before it reaches the ledger, a call from any other frame is refused
 * outright, and ordinary calls go through.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../core/api/bridge';
import { startHost } from '../helpers/ledger';

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  app: { getPath: () => '/tmp' },
  dialog: {},
  shell: { openPath: vi.fn() },
  ipcMain: { handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, h) },
}));

const { registerIpc } = await import('../../electron/main/ipc');

const RENDERER = '/app/out/renderer/index.html';
const mainFrame = { processId: 7, routingId: 1, url: `file://${RENDERER}#/people` };
const webContents = { mainFrame };
const win = { isDestroyed: () => false, webContents };
const ownEvent = { sender: webContents, senderFrame: mainFrame };

let started: Awaited<ReturnType<typeof startHost>>;
const calls: { method: string; input: unknown }[] = [];

beforeAll(async () => {
  started = await startHost();
  const host = started.host;
  const spy = {
    get currentDataDir() {
      return host.currentDataDir;
    },
    call: (method: string, input: unknown) => {
      calls.push({ method, input });
      return host.call(method, input);
    },
  };
  registerIpc({ host: spy as never, getWindow: () => win as never, target: { kind: 'file', file: RENDERER }, onModeChanged: () => undefined });
});
afterAll(() => started.close());

const call = (event: unknown, method: string, input: unknown) => handlers.get(BRIDGE_CHANNELS.call)!(event, method, input) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;

describe('paths from the renderer', () => {
  it('an ordinary call from our own window goes through', async () => {
    const result = await call(ownEvent, 'app.status', {});
    expect(result.ok).toBe(true);
  });

  it('a path outside the data folder is refused with a Chinese message and never reaches the ledger', async () => {
    calls.length = 0;
    for (const input of [{ source: { path: '/etc/passwd' } }, { outFile: 'C:\\Users\\clerk\\Desktop\\x.zip' }, { folder: '../..' }]) {
      const result = await call(ownEvent, 'backup.inspect', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('不能使用页面提供的文件位置') } });
    }
    expect(calls).toEqual([]);
  });

  it('a path inside the data folder is carried to the ledger, which validates it against the contract', async () => {
    calls.length = 0;
    await call(ownEvent, 'app.status', { path: join(started.host.currentDataDir, 'backups', 'x.zip') });
    expect(calls).toHaveLength(1);
  });

  it('another frame, another page or another window is refused before anything else', async () => {
    const iframe = { sender: webContents, senderFrame: { ...mainFrame, routingId: 2 } };
    const foreign = { sender: webContents, senderFrame: { ...mainFrame, url: 'https://evil.example/' } };
    const otherWindow = { sender: {}, senderFrame: mainFrame };
    for (const event of [iframe, foreign, otherWindow]) await expect(call(event, 'app.status', {})).rejects.toThrow(/已拒绝来自未知页面的请求/);
  });
});
