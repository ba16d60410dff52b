import { app, dialog, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { writeFileAtomic } from '../../lib/atomic-write';
import { LedgerError } from '../../lib/errors';
import { basename, dirname, join } from 'node:path';
import { BRIDGE_CHANNELS } from '../../core/api/bridge';
import type { CallResult } from '../../core/api/result';
import type { LedgerHost } from '../../core/host';
import { openableAttachment } from '../../core/attachments/service';
import { serializeError } from '../../core/errors';
import { untrustedPathProblem } from '../../core/paths';
import { isOwnRendererUrl, type RendererTarget } from './window';

/** LedgerBridge.saveFile's result, plus the Chinese reason when writing failed. */
export interface SaveFileResult {
  saved: boolean;
  path?: string;
  error?: string;
}

export interface IpcDeps {
  host: LedgerHost;
  getWindow: () => BrowserWindow | null;
  target: RendererTarget;
  /** Called after the renderer switched between real and demo data, so the menu and title can follow. */
  onModeChanged: () => void;
}

const MAX_METHOD_LENGTH = 100;
// Base64 of a very large report; anything bigger is not something our renderer produces.
const MAX_BASE64_LENGTH = 400 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Only our own page, in the main frame of our own window, may talk to the ledger: not iframes, not other pages. */
function assertTrustedSender(event: IpcMainInvokeEvent, deps: IpcDeps): void {
  const win = deps.getWindow();
  const frame = event.senderFrame;
  const ok =
    !!win &&
    !win.isDestroyed() &&
    !!frame &&
    event.sender === win.webContents &&
    frame.processId === win.webContents.mainFrame.processId &&
    frame.routingId === win.webContents.mainFrame.routingId &&
    isOwnRendererUrl(frame.url, deps.target);
  if (!ok) throw new Error('已拒绝来自未知页面的请求 (IPC from an untrusted frame was refused)');
}

/** Files the clerk picked in a save dialog this run: the only paths outside the data folder a call may name. */
const chosenInDialog = new Set<string>();

export function registerIpc(deps: IpcDeps): void {
  ipcMain.handle(BRIDGE_CHANNELS.call, async (event, method: unknown, input: unknown): Promise<CallResult> => {
    assertTrustedSender(event, deps);
    if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确：缺少操作名称。' } };
    }
    // A path the page names is refused unless it is inside the data folder or was chosen in one of main's dialogs.
    const pathProblem = untrustedPathProblem(input, { dataDir: deps.host.currentDataDir, chosen: chosenInDialog });
    if (pathProblem) return { ok: false, error: { code: 'INVALID_INPUT', message: pathProblem } };
    // The host validates input against the contract with zod; here it is only carried.
    const result = await deps.host.call(method, input);
    if (result.ok && (method === 'app.openDemo' || method === 'app.openReal')) deps.onModeChanged();
    return result;
  });

  // The renderer names an attachment by id only; main resolves the path inside the data folder itself.
  ipcMain.handle(BRIDGE_CHANNELS.openAttachment, async (event, id: unknown): Promise<{ opened: boolean; error?: string }> => {
    assertTrustedSender(event, deps);
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return { opened: false, error: '附件编号不正确。' };
    try {
      // Only an accepted document or image whose bytes match its type: shell.openPath would run a program.
      const { absolutePath } = openableAttachment(deps.host.context, id);
      const failure = await shell.openPath(absolutePath);
      // The shell's reason is English system text; the clerk gets what to do instead.
      return failure ? { opened: false, error: '无法打开附件：这台电脑上没有能打开这种文件的程序，或文件正被占用。请安装 PDF 阅读器、看图软件或 WPS 后重试。' } : { opened: true };
    } catch (err) {
      return { opened: false, error: serializeError(err).message };
    }
  });

  let lastFolder: string | null = null;
  ipcMain.handle(BRIDGE_CHANNELS.saveFile, async (event, suggestedName: unknown, base64: unknown): Promise<SaveFileResult> => {
    assertTrustedSender(event, deps);
    if (typeof suggestedName !== 'string' || suggestedName.length > 255) {
      return { saved: false, error: '文件名不正确，无法保存。' };
    }
    if (typeof base64 !== 'string' || base64.length > MAX_BASE64_LENGTH || base64.length % 4 !== 0 || !BASE64.test(base64)) {
      return { saved: false, error: '导出的文件内容不完整，无法保存，请重新导出。' };
    }
    const win = deps.getWindow();
    const options: SaveDialogOptions = {
      title: '保存文件',
      defaultPath: join(lastFolder ?? app.getPath('documents'), safeFileName(suggestedName)),
      buttonLabel: '保存',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    try {
      // Temporary file, then rename: a full disk or a pulled USB stick leaves no half-written .xlsx under the name.
      await writeFileAtomic(choice.filePath, Buffer.from(base64, 'base64'));
    } catch (err) {
      return { saved: false, error: err instanceof LedgerError ? [err.message, err.hint].filter(Boolean).join('') : writeErrorMessage(err) };
    }
    lastFolder = dirname(choice.filePath);
    chosenInDialog.add(choice.filePath);
    return { saved: true, path: choice.filePath };
  });
}

/** The renderer only suggests a name: it must not choose the folder, and Windows forbids some characters. */
export function safeFileName(name: string): string {
  let cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!cleaned) cleaned = '导出';
  return /\.xlsx$/i.test(cleaned) ? cleaned : `${cleaned}.xlsx`;
}

function writeErrorMessage(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
      // On Windows both usually mean the file is open in Excel or WPS.
      return '无法保存：该文件可能正在被 Excel 或 WPS 打开，请关闭该文件后重试，或换一个文件名保存。';
    case 'EACCES':
    case 'EROFS':
      return '无法保存：没有写入该位置的权限，请换一个文件夹（例如“文档”或桌面）保存。';
    case 'ENOSPC':
      return '无法保存：磁盘空间不足，请清理磁盘空间后重试。';
    case 'ENOENT':
      return '无法保存：所选文件夹不存在或 U 盘已拔出，请重新选择保存位置。';
    default:
      return `无法保存文件${code ? `（${code}）` : ''}，请换一个位置重试。`;
  }
}
