/**
 * The child process of tests/bench/exports.ts: one measurement in a fresh process, printed as one JSON line
 * (wall time of the work, peak RSS of the whole process). Usage:
 *   node --import tsx tests/bench/exports-probe.ts people <dataDir>
 *   node --import tsx tests/bench/exports-probe.ts members <rows>
 *   node --import tsx tests/bench/exports-probe.ts raw <rows> <cols> <dataCols>
 */
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

export interface ProbeResult {
  /** The work itself: the modules it loads on first use were loaded before (see preload). */
  ms: number;
  /** What loading those modules took first (through tsx here; the packaged app loads them bundled). */
  loadMs: number;
  /** CPU time of the work (all threads: zlib compresses on the thread pool); steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  bytes: number;
}

const [mode, ...args] = process.argv.slice(2);

let loadMs = 0;
let cpuStart = process.cpuUsage();

/**
 * Loads what the first export loads (the report definitions, exceljs), timed apart from the work: under tsx
 * every first import goes through its TypeScript transform, which a packaged app does not do, and which
 * drowned the export itself on a busy machine.
 */
async function preload(...load: (() => Promise<unknown>)[]): Promise<void> {
  const start = performance.now();
  for (const l of load) await l();
  loadMs = performance.now() - start;
  cpuStart = process.cpuUsage();
}

function report(ms: number, rows: number, bytes: number): void {
  const cpu = process.cpuUsage(cpuStart);
  const result: ProbeResult = { ms, loadMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, bytes };
  console.log(JSON.stringify(result));
}

/** Seeded, so every run writes the same cells. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = '马李王张赵刘陈杨祁韩冶鲁汪星朱何胡白铁苏罗谢徐孙周吴郭文明国建军海永福德成志强生兰秀梅玉芳春花丽娟红霞'.split('');
const dateText = (rand: () => number) => `${1960 + Math.floor(rand() * 45)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
const name = (rand: () => number) => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => NAMES[Math.floor(rand() * NAMES.length)]).join('');

async function people(dataDir: string): Promise<void> {
  const { LedgerHost } = await import('../../core/host');
  const host = new LedgerHost({ dataDir });
  await host.start();
  await preload(() => import('../../core/reports/service'), () => import('../../core/excel/workbook'));
  const start = performance.now();
  const out = (await host.invoke('reports.export', { reportId: 'people-roster' })) as { rowCount: number; base64: string };
  const ms = performance.now() - start;
  report(ms, out.rowCount, Buffer.byteLength(out.base64, 'base64'));
  await host.close();
}

/** Rows shaped as core/members/reports/roster.ts rosterRows makes them: the data side is not measured here. */
function memberRows(count: number) {
  const rand = random(11);
  const codes = ['applicant.1', 'activist.2', 'candidate.3', 'candidate.4', 'probationary.5', 'full', 'terminated'];
  return Array.from({ length: count }, (_, i) => {
    const steps = Math.floor(rand() * 26);
    const row: Record<string, string | number | null> = {
      seq: i + 1,
      unitName: `多巴${1 + Math.floor(rand() * 40)}村`,
      branchName: `中共多巴镇多巴${1 + Math.floor(rand() * 40)}村支部委员会`,
      name: name(rand),
      gender: rand() < 0.4 ? '女' : '男',
      ethnicity: rand() < 0.6 ? '01' : '03',
      birthDate: dateText(rand),
      idNumber: `630122********${String(Math.floor(rand() * 10000)).padStart(4, '0')}`,
      education: ['21', '31', '61', '71'][Math.floor(rand() * 4)]!,
      occupation: rand() < 0.6 ? '农牧渔民' : '个体工商户',
      status: codes[Math.min(codes.length - 1, Math.floor(steps / 5))]!,
      stage: Math.min(5, 1 + Math.floor(steps / 5)),
      reviewResult: steps > 14 ? '合格' : '',
      reviewDate: steps > 14 ? dateText(rand) : '',
      probationEnd: steps > 20 ? dateText(rand) : '',
      reasons: rand() < 0.05 ? '第3节点：支部委员会因疫情延期召开，经镇党委同意后补开。' : '',
      violations: rand() < 0.1 ? 1 : 0,
    };
    for (let s = 1; s <= steps; s++) row[`step${s}`] = dateText(rand);
    return row;
  });
}

async function members(count: number): Promise<void> {
  const { buildReport } = await import('../../core/excel/builder');
  const { rosterSheet, ROSTER_ID, ROSTER_PAPER } = await import('../../core/members/reports/roster');
  const rows = memberRows(count);
  await preload(() => import('../../core/excel/workbook'));
  const meta = {
    reportId: ROSTER_ID,
    paper: ROSTER_PAPER,
    unitName: '中共湟中区多巴镇委员会',
    period: '截至 2026-11-27',
    filledDate: '2026-11-27',
    fillerName: '张明',
    reviewerName: '李红梅',
    phone: '0971-2231234',
    fonts: { title: '方正小标宋简体', header: '黑体', body: '宋体' },
  } as const;
  const start = performance.now();
  const buffer = await buildReport(meta, [rosterSheet(rows)]);
  report(performance.now() - start, rows.length, buffer.length);
}

/**
 * The raw baseline: exceljs's streaming writer on its own, with one shared style per column, writing a sheet
 * of `rows` × `cols` cells like a roster's (text, dates, numbers) and, when `dataCols` > 0, a hidden sheet of
 * `rows` × `dataCols` plain cells, as the report's `_data` copy holds.
 */
async function raw(rows: number, cols: number, dataCols: number): Promise<void> {
  let ExcelJS!: typeof import('exceljs');
  await preload(async () => (ExcelJS = (await import('exceljs')).default));
  // The values are made before the clock starts: the baseline times exceljs alone.
  const rand = random(5);
  const POOL = 4096;
  const make = (c: number) => (c % 3 === 1 ? new Date(Date.UTC(1960 + Math.floor(rand() * 45), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))) : c % 3 === 2 ? `13${Math.floor(rand() * 1e9)}` : name(rand));
  const pools = Array.from({ length: Math.max(cols, dataCols) }, (_, c) => Array.from({ length: POOL }, () => make(c)));
  const cell = (r: number, c: number) => pools[c]![(r * 7 + c) % POOL]!;
  cpuStart = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const font = { name: '宋体', size: 10.5, charset: 134 };
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const styles = Array.from({ length: cols }, (_, c) => ({
    font,
    border,
    alignment: { horizontal: 'left' as const, vertical: 'middle' as const, wrapText: c % 3 !== 1 },
    numFmt: c % 3 === 1 ? 'yyyy-mm-dd' : '@',
  }));
  const ws = wb.addWorksheet('roster');
  ws.columns = Array.from({ length: cols }, () => ({ width: 12 }));
  for (let r = 0; r < rows; r++) {
    const row = ws.getRow(r + 1);
    for (let c = 0; c < cols; c++) {
      const x = row.getCell(c + 1);
      x.value = cell(r, c);
      x.style = styles[c]!;
    }
    row.height = 18;
    row.commit();
  }
  ws.commit();
  if (dataCols > 0) {
    const data = wb.addWorksheet('_data', { state: 'hidden' });
    const plain = {};
    for (let r = 0; r < rows; r++) {
      const row = data.addRow(Array.from({ length: dataCols }, (_, c) => cell(r, c)));
      for (let c = 0; c < dataCols; c++) row.getCell(c + 1).style = plain;
      row.commit();
    }
    data.commit();
  }
  await wb.commit();
  report(performance.now() - start, rows, bytes);
}

if (mode === 'people') await people(args[0]!);
else if (mode === 'members') await members(Number(args[0]));
else if (mode === 'raw') await raw(Number(args[0]), Number(args[1]), Number(args[2] ?? 0));
else throw new Error(`unknown probe "${mode}"`);
