/**
 * Cold open to first answer: a fresh `node --import tsx` process opens a LedgerHost on an existing data folder and
 * answers `people.list`. Beside it, the raw baseline: a fresh process that opens the same file with better-sqlite3
 * and runs the page query. Both report the time since their process began (performance.now()), median of 5.
 * Given a data folder (the bench's district), it opens that; else it makes a demo township of its own.
 * Usage: npx tsx tests/bench/cold-open.ts
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { tempDir } from '../helpers/ledger';
import { LedgerHost } from '../../core/host';
import { generateDemo } from '../../core/demo/generate';

export const COLD_OPEN_TARGET_MS = 400;
const ROOT = resolve(import.meta.dirname, '..', '..');

const HOST_PROBE = `
const { LedgerHost } = await import(${JSON.stringify(resolve(ROOT, 'core/host.ts'))});
const host = new LedgerHost({ dataDir: process.argv[1] });
await host.start();
const r = await host.call('people.list', { pageSize: 20 });
if (!r.ok) throw new Error(JSON.stringify(r.error));
console.log(performance.now().toFixed(1));
await host.close();
`;
const RAW_PROBE = `
const { default: Database } = await import('better-sqlite3');
const db = new Database(process.argv[1] + '/ledger.db');
db.pragma('journal_mode = WAL');
db.prepare('SELECT * FROM people WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT 20').all();
db.prepare('SELECT count(*) FROM people WHERE deleted_at IS NULL').get();
console.log(performance.now().toFixed(1));
db.close();
`;

function probe(code: string, dataDir: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, dataDir], { cwd: ROOT, encoding: 'utf8' });
  return Number(out.trim().split('\n').pop());
}

export async function measureColdOpen(runs = 5, dataDir?: string): Promise<{ host: number[]; raw: number[] }> {
  const tmp = dataDir ? null : tempDir('ledger-bench-cold-');
  const dir = dataDir ?? tmp!.dir;
  try {
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
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = await measureColdOpen();
  const med = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  console.log(`冷启动到首个回答：${t.host.map((x) => x.toFixed(0)).join(' / ')} ms，中位数 ${med(t.host).toFixed(0)} ms（目标 ≤ ${COLD_OPEN_TARGET_MS} ms）`);
  console.log(`原始基线（better-sqlite3 直接打开并查询）：中位数 ${med(t.raw).toFixed(0)} ms，比值 ${(med(t.host) / med(t.raw)).toFixed(2)}`);
}
