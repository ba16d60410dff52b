/**
 * Cold open to first answer: a fresh `node` process loads the ledger's core as the desktop app runs it (one bundle,
 * built here with esbuild as electron-vite bundles the main process; not TypeScript compiled on the fly by tsx,
 * whose loader alone takes most of a second), opens a LedgerHost on an existing data folder and answers
 * `people.list`. Beside it, the raw baseline: a fresh `node` process that opens the same file with better-sqlite3
 * and runs the page query. Both report the time since their process began (performance.now()), median of 5.
 * Given a data folder (the bench's district), it opens that; else it makes a demo township of its own.
 * Usage: npx tsx tests/bench/cold-open.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { dependencies } from '../../package.json';
import { BUNDLED_DEPS } from '../../scripts/main-bundle';
import { tempDir } from '../helpers/ledger';
import { LedgerHost } from '../../core/host';
import { generateDemo } from '../../core/demo/generate';

export const COLD_OPEN_TARGET_MS = 400;
const ROOT = resolve(import.meta.dirname, '..', '..');

const hostProbe = (bundle: string) => `
const { LedgerHost } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const host = new LedgerHost({ dataDir: process.argv[1], migrationsDir: ${JSON.stringify(resolve(ROOT, 'db/migrations'))} });
await host.start();
const r = await host.call('people.list', { pageSize: 20 });
if (!r.ok) throw new Error(JSON.stringify(r.error));
console.log(performance.now().toFixed(1));
await host.close();
`;
const RAW_PROBE = `
const { default: Database } = await import(${JSON.stringify(pathToFileURL(resolve(ROOT, 'node_modules/better-sqlite3/lib/index.js')).href)});
const db = new Database(process.argv[1] + '/ledger.db');
db.pragma('journal_mode = WAL');
db.prepare('SELECT * FROM people WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT 20').all();
db.prepare('SELECT count(*) FROM people WHERE deleted_at IS NULL').get();
console.log(performance.now().toFixed(1));
db.close();
`;

function probe(code: string, dataDir: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code, dataDir], { cwd: ROOT, encoding: 'utf8' });
  return Number(out.trim().split('\n').pop());
}

/**
 * core/host.ts and everything it imports as ES modules, each dynamic import its own chunk (so exceljs loads with the
 * first report), and the packages of scripts/main-bundle.ts inside the bundle, the rest outside: as electron-vite
 * builds the main process.
 */
async function bundleHost(outDir: string): Promise<string> {
  await build({
    entryPoints: { host: resolve(ROOT, 'core/host.ts') },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(dependencies).filter((name) => !BUNDLED_DEPS.includes(name)),
    // A bundled CommonJS package (dayjs) may call require; an ES module bundle has none of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  return join(outDir, 'host.mjs');
}

export async function measureColdOpen(runs = 5, dataDir?: string): Promise<{ host: number[]; raw: number[] }> {
  const tmp = dataDir ? null : tempDir('ledger-bench-cold-');
  const dir = dataDir ?? tmp!.dir;
  // Inside the project (.tmp is ignored), so the bundle's bare imports (better-sqlite3, drizzle-orm …) resolve
  // from its node_modules, as the app's do.
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const bundleDir = mkdtempSync(join(ROOT, '.tmp', 'bench-host-'));
  const out = { dir: bundleDir, cleanup: () => rmSync(bundleDir, { recursive: true, force: true }) };
  try {
    const HOST_PROBE = hostProbe(await bundleHost(out.dir));
    if (tmp) {
      const host = new LedgerHost({ dataDir: dir });
      await host.start();
      generateDemo(host.context, { peoplePerUnit: 220 });
      await host.close();
    }
    probe(HOST_PROBE, dir); // warm the OS file cache and tsx's transform cache, as a second start would
    const times = { host: [] as number[], raw: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.host.push(probe(HOST_PROBE, dir));
      times.raw.push(probe(RAW_PROBE, dir));
    }
    times.host.sort((a, b) => a - b);
    times.raw.sort((a, b) => a - b);
    return times;
  } finally {
    tmp?.cleanup();
    out.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = await measureColdOpen();
  const med = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  console.log(`冷启动到首个回答：${t.host.map((x) => x.toFixed(0)).join(' / ')} ms，中位数 ${med(t.host).toFixed(0)} ms（目标 ≤ ${COLD_OPEN_TARGET_MS} ms）`);
  console.log(`原始基线（better-sqlite3 直接打开并查询）：中位数 ${med(t.raw).toFixed(0)} ms，比值 ${(med(t.host) / med(t.raw)).toFixed(2)}`);
}
