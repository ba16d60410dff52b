/**
 * Export speed and memory at district scale (issue 7), each measured in a fresh child process
 * (tests/bench/exports-probe.ts), beside the raw baseline: exceljs's streaming writer alone, writing the same
 * number of rows × columns of similar cells with shared styles.
 *
 * - 人员花名册 (people-roster) at 10k and 100k people, exported through the host as a clerk does.
 * - 发展党员花名册 (members-roster), 20k files × 41 columns: the writing part only, given rows shaped as the
 *   report shapes them (the data side is measured with the 发展党员 list work).
 *
 * Two baselines are printed: the report sheet's cells alone, and every cell the file holds (the sheet plus
 * its `_data` copy); the ratio target is against the second, the same cells the export writes.
 * Usage: npx tsx tests/bench/exports.ts [--quick]   (exits 1 when a target is missed)
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedgerHost } from '../../core/host';
import { generateDemo } from '../../core/demo/generate';
import { seedUnits } from '../../core/org/seed';
import { tempDir } from '../helpers/ledger';
import type { ProbeResult } from './exports-probe';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PROBE = resolve(import.meta.dirname, 'exports-probe.ts');

/** 人员花名册: 13 printed columns, and 13 in `_data`. */
const PEOPLE_COLS = 13;
/** 发展党员花名册: 41 printed columns; `_data` adds the stage number. */
const MEMBER_COLS = 41;

export interface ExportTarget {
  ms: number;
  rssMb?: number;
  /** Most the export may take against the raw baseline of the same cells. */
  ratio?: number;
}

export interface ExportMeasure {
  name: string;
  rows: number;
  /** Medians over the runs. */
  ms: number;
  /** CPU time of the same work (all threads): steadier than wall time when the machine is shared. */
  cpuMs: number;
  /** Loading the modules the first export loads (under tsx; timed apart from the work). */
  loadMs: number;
  maxRssMb: number;
  rawSheetMs: number;
  rawSheetCpuMs: number;
  rawAllMs: number;
  rawAllCpuMs: number;
  rawAllRssMb: number;
  /** ms / rawAllMs */
  ratio: number;
  /** cpuMs / rawAllCpuMs */
  cpuRatio: number;
  /** ms / rawSheetMs: against the report sheet's cells alone. */
  sheetRatio: number;
  target: ExportTarget;
  ok: boolean;
}

export interface ExportOptions {
  /** People in the large roster (100,000 at district scale). */
  people?: number;
  /** People in the township roster (10,000). */
  townPeople?: number;
  /** 发展档案 in the wide roster (20,000). */
  members?: number;
  runs?: number;
  log?: (line: string) => void;
}

function probe(...args: string[]): ProbeResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PROBE, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as ProbeResult;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** Runs `args` `runs` times in fresh processes; the median time and the median peak RSS. */
function repeated(runs: number, ...args: string[]): ProbeResult {
  const results = Array.from({ length: runs }, () => probe(...args));
  return { ms: median(results.map((r) => r.ms)), loadMs: median(results.map((r) => r.loadMs)), cpuMs: median(results.map((r) => r.cpuMs)), maxRssMb: median(results.map((r) => r.maxRssMb)), rows: results[0]!.rows, bytes: results[0]!.bytes };
}

/** A data folder holding about `count` people, spread over 多巴镇's villages (the demo's own bulk SQL path). */
async function peopleFolder(count: number): Promise<{ dir: string; cleanup: () => void }> {
  const tmp = tempDir('ledger-bench-export-');
  const host = new LedgerHost({ dataDir: tmp.dir });
  await host.start();
  generateDemo(host.context, { peoplePerUnit: Math.ceil(count / seedUnits('多巴镇').length) });
  await host.close();
  return tmp;
}

function measure(name: string, runs: number, target: ExportTarget, run: string[], cols: number, dataCols: number): ExportMeasure {
  const got = repeated(runs, ...run);
  const rawSheet = repeated(runs, 'raw', String(got.rows), String(cols), '0');
  const rawAll = repeated(runs, 'raw', String(got.rows), String(cols), String(dataCols));
  const ratio = got.ms / rawAll.ms;
  const ok = got.ms <= target.ms && (target.rssMb === undefined || got.maxRssMb <= target.rssMb) && (target.ratio === undefined || ratio <= target.ratio);
  return {
    name,
    rows: got.rows,
    ms: got.ms,
    cpuMs: got.cpuMs,
    loadMs: got.loadMs,
    maxRssMb: got.maxRssMb,
    rawSheetMs: rawSheet.ms,
    rawSheetCpuMs: rawSheet.cpuMs,
    rawAllMs: rawAll.ms,
    rawAllCpuMs: rawAll.cpuMs,
    rawAllRssMb: rawAll.maxRssMb,
    ratio,
    cpuRatio: got.cpuMs / rawAll.cpuMs,
    sheetRatio: got.ms / rawSheet.ms,
    target,
    ok,
  };
}

export function formatMeasure(m: ExportMeasure): string {
  const goal = [`≤ ${m.target.ms} ms`, m.target.rssMb ? `≤ ${m.target.rssMb} MB` : '', m.target.ratio ? `≤ ${m.target.ratio}× 基线` : ''].filter(Boolean).join('，');
  const f = (n: number) => n.toFixed(0);
  return (
    `${m.ok ? '达标' : '未达标'}  ${m.name}（${m.rows} 行）: ${f(m.ms)} ms（CPU ${f(m.cpuMs)} ms），峰值内存 ${f(m.maxRssMb)} MB；` +
    `exceljs 流式基线：同样的全部单元格（含 _data）${f(m.rawAllMs)} ms（CPU ${f(m.rawAllCpuMs)} ms）/ ${f(m.rawAllRssMb)} MB，` +
    `仅报表表 ${f(m.rawSheetMs)} ms（CPU ${f(m.rawSheetCpuMs)} ms）；倍数 ${m.ratio.toFixed(2)}×（CPU ${m.cpuRatio.toFixed(2)}×，对仅报表表 ${m.sheetRatio.toFixed(2)}×）；` +
    `另计首次加载模块 ${f(m.loadMs)} ms（目标 ${goal}）`
  );
}

export async function measureExports(opts: ExportOptions = {}): Promise<ExportMeasure[]> {
  const runs = opts.runs ?? 3;
  const log = opts.log ?? (() => {});
  const out: ExportMeasure[] = [];
  const sizes: [number, ExportTarget][] = [
    [opts.townPeople ?? 10_000, { ms: 1500, ratio: 2 }],
    [opts.people ?? 100_000, { ms: 6000, rssMb: 400 }],
  ];
  for (const [count, target] of sizes) {
    const folder = await peopleFolder(count);
    try {
      const m = measure(`导出人员花名册（${count} 人）`, runs, target, ['people', folder.dir], PEOPLE_COLS, PEOPLE_COLS);
      log(formatMeasure(m));
      out.push(m);
    } finally {
      folder.cleanup();
    }
  }
  const files = opts.members ?? 20_000;
  const m = measure(`写出发展党员花名册（${files} 份档案 × ${MEMBER_COLS} 列，仅写表）`, runs, { ms: 4000, rssMb: 400 }, ['members', String(files)], MEMBER_COLS, MEMBER_COLS + 1);
  log(formatMeasure(m));
  out.push(m);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const quick = process.argv.includes('--quick');
  const results = await measureExports({
    ...(quick ? { people: 10_000, townPeople: 1_000, members: 2_000, runs: 1 } : {}),
    log: (line) => console.log(line),
  });
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}
