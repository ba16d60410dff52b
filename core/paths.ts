import { homedir } from 'node:os';
import { join } from 'node:path';
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
