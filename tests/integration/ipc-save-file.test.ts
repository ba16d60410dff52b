/**
 * The desktop save dialog's write (electron/main/ipc.ts saveFile), with a stand-in for Electron: the file lands
 * whole or not at all. A full disk part-way through, a missing folder or a folder picked as the file leave nothing
 * behind (no half-written .xlsx, no temporary file) and answer in Chinese.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../core/api/bridge';

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
let chosen = '';
vi.mock('electron', () => ({
  app: { getPath: () => tmpdir() },
  dialog: { showSaveDialog: async () => ({ canceled: false, filePath: chosen }) },
  shell: { openPath: vi.fn() },
  ipcMain: { handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) => handlers.set(channel, h) },
}));

// A disk that fills after 12 KB for files under a folder named "full-disk": the size of the corrupt file once left.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (path: string, flags?: string) => {
    const handle = await real.open(path, flags);
    if (!String(path).includes('full-disk')) return handle;
    return Object.assign(Object.create(handle) as typeof handle, {
      writeFile: async (data: Uint8Array) => {
        await handle.write(data.subarray(0, 12 * 1024));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    });
  };
  return { ...real, default: { ...real, open }, open };
});

const { registerIpc } = await import('../../electron/main/ipc');

const RENDERER = '/app/out/renderer/index.html';
const mainFrame = { processId: 7, routingId: 1, url: `file://${RENDERER}#/reports` };
const webContents = { mainFrame };
const win = { isDestroyed: () => false, webContents };
const ownEvent = { sender: webContents, senderFrame: mainFrame };
registerIpc({ host: {} as never, getWindow: () => win as never, target: { kind: 'file', file: RENDERER }, onModeChanged: () => undefined });

const root = mkdtempSync(join(tmpdir(), 'ipc-save-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const content = Buffer.alloc(64 * 1024, 3);
async function save(target: string) {
  chosen = target;
  return (await handlers.get(BRIDGE_CHANNELS.saveFile)!(ownEvent, '花名册.xlsx', content.toString('base64'))) as { saved: boolean; path?: string; error?: string };
}

describe('saving an export in the desktop app', () => {
  it('writes the whole file and nothing else', async () => {
    const dir = join(root, 'ok');
    mkdirSync(dir);
    expect(await save(join(dir, '花名册.xlsx'))).toEqual({ saved: true, path: join(dir, '花名册.xlsx') });
    expect(readFileSync(join(dir, '花名册.xlsx')).equals(content)).toBe(true);
    expect(readdirSync(dir)).toEqual(['花名册.xlsx']);
  });

  it('a full disk part-way leaves no file, keeps the old one, and says so in Chinese', async () => {
    const dir = join(root, 'full-disk');
    mkdirSync(dir);
    writeFileSync(join(dir, '花名册.xlsx'), 'last week');
    const result = await save(join(dir, '花名册.xlsx'));
    expect(result).toEqual({ saved: false, error: '无法保存“花名册.xlsx”：磁盘空间不足，文件未写入。请清理磁盘空间或换一个 U 盘后重新导出。' });
    expect(readdirSync(dir)).toEqual(['花名册.xlsx']);
    expect(readFileSync(join(dir, '花名册.xlsx'), 'utf8')).toBe('last week');
  });

  it('a pulled USB stick (missing folder) or a folder picked as the file answer in Chinese, with no Node code', async () => {
    const gone = await save(join(root, 'usb-gone', '花名册.xlsx'));
    expect(gone.error).toBe('无法保存“花名册.xlsx”：所选文件夹不存在或 U 盘已拔出。请重新选择保存位置。');
    const folder = join(root, 'a-folder');
    mkdirSync(join(folder, '花名册.xlsx'), { recursive: true });
    const isDir = await save(join(folder, '花名册.xlsx'));
    expect(isDir.saved).toBe(false);
    expect(isDir.error).not.toMatch(/E[A-Z]{3,}/);
    expect(readdirSync(folder)).toEqual(['花名册.xlsx']);
  });
});
