#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node.
 *
 * node_modules/better-sqlite3 keeps its own Node-ABI build because the unit tests, the CLI and web mode run under
 * plain Node; `electron-rebuild` would overwrite it in place. So the package source is copied to a temporary folder
 * and compiled there, and only the resulting .node file is copied out. The Electron main process loads it through
 * better-sqlite3's `nativeBinding` option (electron/main/native.ts); packaging ships it via extraResources.
 *
 * Usage:
 *   node scripts/electron-native.mjs                    build for this machine (skipped when already up to date)
 *   node scripts/electron-native.mjs --platform win32   as used by `npm run dist:win`: refuses unless run on Windows,
 *                                                       because a native module cannot be cross-compiled here; the
 *                                                       Windows installer is therefore packaged on a Windows machine,
 *                                                       where this builds for the current platform as usual
 *   node scripts/electron-native.mjs --arch x64         target architecture (default: this machine's)
 *   node scripts/electron-native.mjs --force            rebuild even when the stamp says it is up to date
 *
 * Needs: network access to https://electronjs.org/headers (Electron's C++ headers, cached by node-gyp afterwards) and a
 * C++ toolchain (Windows: Visual Studio Build Tools with "Desktop development with C++"; Linux: build-essential, python3).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, '.electron-native');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const ELECTRON_HEADERS = 'https://electronjs.org/headers';

/** Thrown for every expected failure, so `finally` blocks still clean up before the process exits. */
class BuildError extends Error {
  constructor(zh, en, extra = '') {
    super(`\n[electron-native] 失败：${zh}\n[electron-native] Failed: ${en}${extra ? `\n\n${extra}` : ''}\n`);
  }
}

function fail(zh, en, extra = '') {
  throw new BuildError(zh, en, extra);
}

function parseCli(argv) {
  const opts = { platform: process.platform, arch: process.arch, force: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--platform') opts.platform = value();
    else if (flag === '--arch') opts.arch = value();
    else if (flag === '--force') opts.force = true;
    else fail(`不认识的参数 ${argv[i]}`, `unknown argument ${argv[i]}`);
  }
  if (!opts.platform || !opts.arch) fail('--platform / --arch 需要一个值', '--platform / --arch need a value');
  return opts;
}

function readVersion(pkgDir, what) {
  const file = join(pkgDir, 'package.json');
  if (!existsSync(file)) fail(`找不到 ${what}，请先运行 npm install`, `${what} is not installed; run npm install first`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

/** node-gyp from node_modules (it ships with npm), else whatever npx finds. */
function nodeGypCommand() {
  const require = createRequire(join(root, 'package.json'));
  try {
    const bin = join(dirname(require.resolve('node-gyp/package.json')), 'bin', 'node-gyp.js');
    if (existsSync(bin)) return { cmd: process.execPath, args: [bin], shell: false };
  } catch {
    // fall through to npx
  }
  return { cmd: process.platform === 'win32' ? 'npx.cmd' : 'npx', args: ['--yes', 'node-gyp'], shell: process.platform === 'win32' };
}

function main() {
  const opts = parseCli(process.argv.slice(2));

  if (opts.platform !== process.platform) {
    fail(
      `无法在 ${process.platform} 上为 ${opts.platform} 编译 better-sqlite3。Windows 安装包请在 Windows 电脑（或 Windows CI）上运行 npm run dist:win。`,
      `cannot compile better-sqlite3 for ${opts.platform} on ${process.platform}: native modules are built for the current ` +
        `platform only. Run npm run dist:win on a Windows machine (or Windows CI).`,
    );
  }

  const electronVersion = readVersion(join(root, 'node_modules', 'electron'), 'electron');
  const sqliteDir = join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = readVersion(sqliteDir, 'better-sqlite3');
  const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: opts.platform, arch: opts.arch };

  const stamp = readStamp();
  if (
    !opts.force &&
    existsSync(outFile) &&
    stamp &&
    Object.entries(wanted).every(([k, v]) => stamp[k] === v)
  ) {
    console.log(`[electron-native] 已是最新，跳过 / up to date: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${opts.platform}-${opts.arch})`);
    return;
  }

  console.log(`[electron-native] 正在编译 / building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${opts.platform}-${opts.arch})`);

  const staging = mkdtempSync(join(tmpdir(), 'grassroots-ledger-electron-native-'));
  try {
    // The package's existing build/ holds Node-ABI objects; copying it would let node-gyp reuse them.
    cpSync(sqliteDir, staging, {
      recursive: true,
      filter: (src) => {
        const rel = relative(sqliteDir, src);
        return !(rel === 'build' || rel.startsWith(`build${sep}`) || rel === 'node_modules' || rel.startsWith(`node_modules${sep}`));
      },
    });

    // First the prebuilt binary better-sqlite3 publishes for each Electron version (no compiler needed, which is what
    // a clerk's Windows PC lacks); only if that download fails, compile from source with node-gyp.
    if (tryPrebuilt(sqliteDir, staging, electronVersion, opts)) {
      installBuilt(join(staging, 'build', 'Release', 'better_sqlite3.node'), wanted);
      return;
    }

    const gyp = nodeGypCommand();
    const args = [
      ...gyp.args,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${opts.arch}`,
      `--dist-url=${ELECTRON_HEADERS}`,
      '--runtime=electron',
    ];
    const run = spawnSync(gyp.cmd, args, {
      cwd: staging,
      stdio: 'inherit',
      shell: gyp.shell,
      // npm run exports npm_config_* for the Node runtime; they must not override the Electron target given above.
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(target|runtime|disturl|dist_url|arch)$/i.test(k))),
    });

    const built = join(staging, 'build', 'Release', 'better_sqlite3.node');
    if (run.error || run.status !== 0 || !existsSync(built)) {
      fail(
        '无法编译 Electron 版 better-sqlite3。常见原因：无法联网下载 Electron 头文件（' +
          ELECTRON_HEADERS +
          '），或本机没有 C++ 编译环境（Windows 需安装 Visual Studio Build Tools 的“使用 C++ 的桌面开发”）。node_modules 中原有的 better-sqlite3 未被改动。',
        'could not compile better-sqlite3 for Electron. Usual causes: no network access to the Electron headers at ' +
          `${ELECTRON_HEADERS}, or no C++ toolchain (Windows: Visual Studio Build Tools, "Desktop development with C++"; ` +
          'Linux: build-essential and python3). node_modules/better-sqlite3 was left untouched.',
        run.error ? String(run.error) : `node-gyp exited with ${run.status}`,
      );
    }

    installBuilt(built, wanted);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** prebuild-install from better-sqlite3's own dependencies, run in the staging copy so node_modules stays Node-ABI. */
function tryPrebuilt(sqliteDir, staging, electronVersion, opts) {
  let bin;
  try {
    const require = createRequire(join(sqliteDir, 'package.json'));
    bin = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  } catch {
    return false;
  }
  console.log('[electron-native] 尝试下载预编译版本 / trying the prebuilt binary');
  const run = spawnSync(process.execPath, [bin, '--runtime=electron', `--target=${electronVersion}`, `--arch=${opts.arch}`, `--platform=${opts.platform}`], {
    cwd: staging,
    stdio: 'inherit',
    timeout: 120_000,
  });
  return run.status === 0 && existsSync(join(staging, 'build', 'Release', 'better_sqlite3.node'));
}

function installBuilt(built, wanted) {
  mkdirSync(outDir, { recursive: true });
  // Copy then rename, so an interrupted run never leaves a half-written binary that the stamp vouches for.
  rmSync(stampFile, { force: true });
  const partial = `${outFile}.partial`;
  cpSync(built, partial);
  renameSync(partial, outFile);
  writeFileSync(stampFile, `${JSON.stringify({ ...wanted, builtAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`[electron-native] 完成 / done: ${relative(root, outFile)}`);
}

try {
  main();
} catch (err) {
  console.error(err instanceof BuildError ? err.message : err);
  process.exitCode = 1;
}
