import { join } from 'node:path';

/**
 * Where electron-builder's extraResources put the Electron-ABI better-sqlite3 binary and the migrations, relative to
 * process.resourcesPath. electron-builder.yml must agree; tests/unit/electron-builder-config.test.ts checks that it does.
 */
export const PACKAGED_NATIVE_BINDING = 'native/better_sqlite3.node';
export const PACKAGED_MIGRATIONS_DIR = 'migrations';

/** Windows AppUserModelID (taskbar grouping, shortcuts); must equal `appId` in electron-builder.yml. */
export const APP_USER_MODEL_ID = 'cn.grassroots.ledger';

/** Where scripts/electron-native.mjs writes the Electron-ABI build, relative to the project root. */
export const DEV_NATIVE_BINDING = '.electron-native/better_sqlite3.node';
export const DEV_MIGRATIONS_DIR = 'db/migrations';

export interface NativePaths {
  /** The Electron-ABI better_sqlite3.node; node_modules keeps its Node-ABI build for the unit tests. */
  nativeBinding: string;
  migrationsDir: string;
}

export interface NativeContext {
  isPackaged: boolean;
  /**
   * The project root in dev. Not app.getAppPath(): launched as `electron out/main/index.js` (as Playwright does) that is
   * out/main, not the folder holding package.json.
   */
  projectRoot: string;
  /** process.resourcesPath: the packaged app's resources folder. */
  resourcesPath: string;
}

/**
 * Kept free of the `electron` import so the unit tests can load it under plain Node: requiring `electron` there
 * tries to download the binary.
 */
export function resolveNativePaths(ctx: NativeContext): NativePaths {
  if (ctx.isPackaged) {
    return {
      nativeBinding: join(ctx.resourcesPath, ...PACKAGED_NATIVE_BINDING.split('/')),
      migrationsDir: join(ctx.resourcesPath, PACKAGED_MIGRATIONS_DIR),
    };
  }
  return {
    nativeBinding: join(ctx.projectRoot, ...DEV_NATIVE_BINDING.split('/')),
    migrationsDir: join(ctx.projectRoot, ...DEV_MIGRATIONS_DIR.split('/')),
  };
}
