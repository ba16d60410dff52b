import { dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions, type MessageBoxOptions } from 'electron';
import { mkdirSync } from 'node:fs';
import type { LedgerHost } from '../../core/host';
import { APP_VERSION } from '../../core/version';
import { APP_TITLE } from './window';

export interface MenuDeps {
  host: LedgerHost;
  getWindow: () => BrowserWindow | null;
  /** Called after the menu switched data sets, so title and menu can be refreshed. */
  onModeChanged: () => void;
  devTools: boolean;
}

export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)));
}

function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const demo = deps.host.status().demo;
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (deps.devTools) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => void openDataFolder(deps) },
        { type: 'separator' },
        // Only the switch that leads somewhere else is enabled, so the menu also tells which data set is open.
        { label: '切换到演示数据', enabled: !demo, click: () => void switchData(deps, 'app.openDemo') },
        { label: '切换到正式数据', enabled: demo, click: () => void switchData(deps, 'app.openReal') },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    {
      label: '帮助',
      submenu: [{ label: '关于', click: () => void showAbout(deps) }],
    },
  ];
}

async function openDataFolder(deps: MenuDeps): Promise<void> {
  const dir = deps.host.currentDataDir;
  let failure: string;
  try {
    mkdirSync(dir, { recursive: true });
    failure = await shell.openPath(dir);
  } catch (err) {
    failure = String(err);
  }
  if (failure) await showError(deps, '无法打开数据文件夹', `请在资源管理器中手动打开：\n${dir}`);
}

async function switchData(deps: MenuDeps, method: 'app.openDemo' | 'app.openReal'): Promise<void> {
  const result = await deps.host.call(method, {});
  deps.onModeChanged();
  if (!result.ok) {
    await showError(deps, method === 'app.openDemo' ? '无法打开演示数据' : '无法打开正式数据', result.error.message);
  }
  // The renderer reads the app status once at start-up; reloading is the simplest way to show the other data set.
  const win = deps.getWindow();
  if (win && !win.isDestroyed()) win.webContents.reload();
}

async function showAbout(deps: MenuDeps): Promise<void> {
  const status = deps.host.status();
  const detail = [
    `版本：${APP_VERSION}`,
    `当前数据：${status.demo ? '演示数据' : '正式数据'}`,
    `数据文件夹：${status.dataDir}`,
    `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`,
    '',
    '本程序完全离线运行，数据只保存在本机。',
  ].join('\n');
  await showBox(deps, { type: 'info', title: '关于', message: `${APP_TITLE} ${APP_VERSION}`, detail, buttons: ['确定'] });
}

async function showError(deps: MenuDeps, message: string, detail: string): Promise<void> {
  await showBox(deps, { type: 'error', title: '出错了', message, detail, buttons: ['确定'] });
}

async function showBox(deps: MenuDeps, options: MessageBoxOptions): Promise<void> {
  const win = deps.getWindow();
  if (win && !win.isDestroyed()) await dialog.showMessageBox(win, options);
  else await dialog.showMessageBox(options);
}
