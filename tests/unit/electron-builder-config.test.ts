import Ajv from 'ajv';
import yaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APP_USER_MODEL_ID,
  DEV_MIGRATIONS_DIR,
  DEV_NATIVE_BINDING,
  PACKAGED_MIGRATIONS_DIR,
  PACKAGED_NATIVE_BINDING,
  resolveNativePaths,
} from '../../electron/main/native';

// Packaging needs Windows, so this is the only check the installer config gets before someone builds it there.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;

type Config = Record<string, any>;

function loadConfig(): Config {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

function validator() {
  // The schema is generated from TypeScript types: it uses union types and keywords strict mode rejects.
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  const config = loadConfig();

  it("is valid against electron-builder's own configuration schema", () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check is not vacuous: a wrong type or an unknown key is rejected', () => {
    const validate = validator();
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds a per-user NSIS installer and a portable exe for x64', () => {
    const targets = config.win.target as { target: string; arch: string[] }[];
    expect(targets.map((t) => t.target).sort()).toEqual(['nsis', 'portable']);
    for (const t of targets) expect(t.arch).toEqual(['x64']);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      createDesktopShortcut: true,
      shortcutName: '基层党建工作台账',
      deleteAppDataOnUninstall: false,
    });
    expect(config.productName).toBe('基层党建工作台账');
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect(config.directories.output).toBe('dist');
  });

  it('ships the migrations and the Electron-ABI binary where electron/main/native.ts looks for them', () => {
    const extra = config.extraResources as { from: string; to: string }[];
    expect(extra).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ from: DEV_MIGRATIONS_DIR, to: PACKAGED_MIGRATIONS_DIR }),
        expect.objectContaining({ from: DEV_NATIVE_BINDING, to: PACKAGED_NATIVE_BINDING }),
      ]),
    );
    const migrations = readdirSync(join(root, DEV_MIGRATIONS_DIR));
    expect(migrations.some((f) => f.endsWith('.sql'))).toBe(true);

    const packaged = resolveNativePaths({ isPackaged: true, projectRoot: '/project', resourcesPath: '/app/resources' });
    expect(packaged.nativeBinding).toBe(join('/app/resources', 'native', 'better_sqlite3.node'));
    expect(packaged.migrationsDir).toBe(join('/app/resources', 'migrations'));
    const dev = resolveNativePaths({ isPackaged: false, projectRoot: '/project', resourcesPath: '/app/resources' });
    expect(dev.nativeBinding).toBe(join('/project', '.electron-native', 'better_sqlite3.node'));
    expect(dev.migrationsDir).toBe(join('/project', 'db', 'migrations'));
  });

  it('unpacks better-sqlite3 from the asar and does not let electron-builder rebuild native modules', () => {
    expect(config.asar).not.toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']));
    expect(config.npmRebuild).toBe(false);
  });

  it('packs only the built app, not sources or tests', () => {
    const files = config.files as string[];
    const included = files.filter((p) => !p.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it('sets the Electron fuses from the security baseline', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // The renderer is loaded from file:// (docs/security.md).
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('the dev-time native binary path matches what scripts/electron-native.mjs writes', () => {
    const script = readFileSync(join(root, 'scripts', 'electron-native.mjs'), 'utf8');
    expect(script).toContain("join(root, '.electron-native')");
    expect(script).toContain("'better_sqlite3.node'");
    expect(DEV_NATIVE_BINDING).toBe('.electron-native/better_sqlite3.node');
  });
});
