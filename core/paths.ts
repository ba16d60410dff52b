import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { APP_ID } from './version';

/**
 * Where the desktop app keeps its data (Electron's appData/<app>/data), computed without Electron so that the CLI
 * and web mode open the same folder by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.LEDGER_DATA_DIR) return env.LEDGER_DATA_DIR;
  return join(appDataDir(env, platform), APP_ID, 'data');
}

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** Demo data lives in its own folder so it can never mix with real records. */
export function demoDataDir(dataDir: string): string {
  return join(dataDir, 'demo');
}

/**
 * Input keys that name a place on disk (`path`, `file`, `folder`, `dir`, `out`, or ending in Path/File/Folder/Dir/
 * Directory: `outFile`, `backupPath`). `fileName` (a name the ledger sanitises) and free text do not count.
 */
const PATH_KEY = /^(path|file|folder|dir|directory|out|dest)$|(Path|File|Folder|Dir|Directory)$/;
const MAX_DEPTH = 8;

export interface TrustedPlaces {
  /** The open data folder: the ledger's own files, backups and attachments are all inside it. */
  dataDir: string;
  /** Files and folders the clerk picked in a dialog the main process showed (never paths the page named). */
  chosen?: Iterable<string>;
}

/**
 * Why a page-supplied input may not be carried to the ledger, or null. A renderer (Electron) or a browser page (web
 * mode) may name a file or folder only inside the data folder or one the clerk chose in a dialog: a compromised page
 * must not read C:\Users\…\Documents or write into the Startup folder by naming a path. The CLI does not use this;
 * there the clerk typed the path.
 */
export function untrustedPathProblem(input: unknown, places: TrustedPlaces, platform: NodeJS.Platform = process.platform): string | null {
  const p = platform === 'win32' ? win32 : posix;
  const norm = (s: string) => (platform === 'win32' ? p.resolve(s).toLowerCase() : p.resolve(s));
  const roots = [places.dataDir, ...(places.chosen ?? [])].map(norm);
  const inside = (value: string) => roots.some((root) => value === root || value.startsWith(root.endsWith(p.sep) ? root : root + p.sep));
  const check = (value: unknown, key: string | null, depth: number): string | null => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object') {
      if (typeof value !== 'string' || key === null || !PATH_KEY.test(key) || value === '') return null;
      if (!p.isAbsolute(value) || !inside(norm(value))) {
        const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
        return `不能使用页面提供的文件位置“${shown}”：只能使用数据文件夹里的文件，或在对话框中选择的文件和文件夹。`;
      }
      return null;
    }
    for (const [k, v] of Object.entries(value)) {
      const found = check(v, Array.isArray(value) ? key : k, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return check(input, null, 0);
}
