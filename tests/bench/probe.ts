/**
 * One measurement in a fresh process (tests/bench/run.ts starts one per operation): the ledger's figure through
 * LedgerHost, then, after the host has closed the file, the raw baseline of the same question in the same process.
 * Prints one JSON line. Usage: node --import tsx tests/bench/probe.ts '<ProbeSpec as JSON>'
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import dayjs from 'dayjs';
import { LedgerHost } from '../../core/host';
import { idCheckChar } from '../../core/people/idcard';
import { rawCheck, rawCreate, rawMembersPage, rawMembersRosterRows, rawOverview, rawPeoplePage, rawPeopleRosterRows, rawPeopleSearch, rawCentresChart, rawCentresPage, rawReservesCounts, rawReservesPage, rawStreamWorkbook, type MembersPageQuery, type ReservesPageQuery } from './raw';

export type RawSpec =
  | { fn: 'membersPage'; query: MembersPageQuery }
  | { fn: 'overview' }
  | { fn: 'check' }
  | { fn: 'peoplePage'; sortField: string; page: number }
  | { fn: 'peopleSearch'; q: string }
  | { fn: 'reservesPage'; query: ReservesPageQuery }
  | { fn: 'reservesCounts' }
  | { fn: 'centresPage' }
  | { fn: 'centresChart' };

export type ProbeSpec =
  | { kind: 'call'; dataDir: string; method: string; input: unknown; runs: number; raw: RawSpec }
  | { kind: 'create'; dataDir: string; runs: number }
  | { kind: 'export'; dataDir: string; reportId: string }
  | { kind: 'rawExport'; dataDir: string; what: 'people' | 'members' }
  | { kind: 'import'; dataDir: string; file: string; phase: 'preview' | 'commit'; runs: number };

/** Several measurements in one process, one after another: only `--quick` uses it, to fit in a minute. */
export interface ProbeBatch {
  kind: 'batch';
  specs: ProbeSpec[];
}

export interface ProbeResult {
  times: number[];
  rawTimes: number[];
  maxRssMb: number;
  rows?: number;
  note?: string;
}

/** Bulk work that takes seconds a run is measured fewer times, so one missed target cannot stall the bench. */
const BUDGET_MS = 20_000;

function timed<T>(work: () => T): [number, T] {
  const start = performance.now();
  const out = work();
  return [performance.now() - start, out];
}

async function timedAsync<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await work();
  return [performance.now() - start, out];
}

const rssMb = () => process.resourceUsage().maxRSS / 1024;
const todayText = () => dayjs().format('YYYY-MM-DD');

function openRaw(dataDir: string): Database.Database {
  const db = new Database(join(dataDir, 'ledger.db'));
  db.pragma('journal_mode = WAL');
  // The ledger's own durability (architecture.md: office PCs lose power), so a write's baseline pays the same fsync.
  db.pragma('synchronous = FULL');
  return db;
}

function rawRun(db: Database.Database, raw: RawSpec): unknown {
  const today = todayText();
  switch (raw.fn) {
    case 'membersPage':
      return rawMembersPage(db, raw.query, today);
    case 'overview':
      return rawOverview(db, today, dayjs().add(30, 'day').format('YYYY-MM-DD'));
    case 'check':
      return rawCheck(db, today);
    case 'peoplePage':
      return rawPeoplePage(db, raw.sortField, raw.page);
    case 'peopleSearch':
      return rawPeopleSearch(db, raw.q);
    case 'reservesPage':
      return rawReservesPage(db, raw.query);
    case 'reservesCounts':
      return rawReservesCounts(db);
    case 'centresPage':
      return rawCentresPage(db);
    case 'centresChart':
      return rawCentresChart(db);
  }
}

/** The host is closed whatever happens: the next measurement of a batch needs the file (it is opened exclusively). */
async function withHost<T>(dataDir: string, work: (host: LedgerHost) => Promise<T>): Promise<T> {
  const host = new LedgerHost({ dataDir });
  await host.start();
  try {
    return await work(host);
  } finally {
    await host.close();
  }
}

async function call(spec: Extract<ProbeSpec, { kind: 'call' }>): Promise<ProbeResult> {
  const times: number[] = [];
  let first = 0;
  let runs = spec.runs;
  await withHost(spec.dataDir, async (host) => {
    // The first call of a process also compiles its statements; it is timed apart and left out of the figure.
    [first] = await timedAsync(() => host.invoke(spec.method, spec.input));
    if (first * spec.runs > BUDGET_MS) runs = Math.max(3, Math.floor(BUDGET_MS / first));
    for (let i = 0; i < runs; i++) times.push((await timedAsync(() => host.invoke(spec.method, spec.input)))[0]);
  });
  const db = openRaw(spec.dataDir);
  rawRun(db, spec.raw);
  const rawTimes = Array.from({ length: spec.runs }, () => timed(() => rawRun(db, spec.raw))[0]);
  db.close();
  return { times, rawTimes, maxRssMb: rssMb(), note: runs < spec.runs ? `首次 ${first.toFixed(0)} ms，只测 ${runs} 次` : undefined };
}

/** A 公民身份号码 no generated person has: an address code the district data never uses. */
function freshIdNumber(i: number, area: string): string {
  const first17 = `${area}${dayjs('1990-01-01').add(i, 'day').format('YYYYMMDD')}001`;
  return first17 + idCheckChar(first17);
}

/** members.create on a copy of the data: each run a new person (not timed), then the file (timed). */
async function create(spec: Extract<ProbeSpec, { kind: 'create' }>): Promise<ProbeResult> {
  const today = todayText();
  const times: number[] = [];
  const { branchId, unitId } = await withHost(spec.dataDir, async (host) => {
    const branchId = host.context.sqlite.prepare('SELECT id FROM branches ORDER BY id LIMIT 1').pluck().get() as number;
    const unitId = host.context.sqlite.prepare('SELECT unit_id FROM branches WHERE id = ?').pluck().get(branchId) as number;
    for (let i = 0; i <= spec.runs; i++) {
      const person = (await host.invoke('people.create', { name: `测试${i}`, idNumber: freshIdNumber(i, '630121'), ethnicity: '01', unitId })) as { id: number };
      const [ms] = await timedAsync(() => host.invoke('members.create', { personId: person.id, branchId, applicationDate: today }));
      if (i > 0) times.push(ms);
    }
    return { branchId, unitId };
  });
  const db = openRaw(spec.dataDir);
  const addPerson = db.prepare("INSERT INTO people (name, gender, ethnicity, birth_date, id_number, unit_id) VALUES (?, '男', '01', '1990-01-01', ?, ?)");
  const rawTimes: number[] = [];
  for (let i = 0; i <= spec.runs; i++) {
    const personId = Number(addPerson.run(`基线${i}`, freshIdNumber(i, '630120'), unitId).lastInsertRowid);
    const [ms] = timed(() => rawCreate(db, personId, branchId, today));
    if (i > 0) rawTimes.push(ms);
  }
  db.close();
  return { times, rawTimes, maxRssMb: rssMb() };
}

/**
 * One export through the host, as a clerk makes it. The report modules and exceljs are loaded first and not
 * timed: under tsx each first import is compiled, which the packaged app's bundle never does.
 */
async function exportOnce(spec: Extract<ProbeSpec, { kind: 'export' }>): Promise<ProbeResult> {
  const [ms, out] = await withHost(spec.dataDir, async (host) => {
    await import('../../core/reports/service');
    await import('exceljs');
    return timedAsync(() => host.invoke('reports.export', { reportId: spec.reportId }) as Promise<{ rowCount: number }>);
  });
  return { times: [ms], rawTimes: [], maxRssMb: rssMb(), rows: out.rowCount };
}

/** The same cells read with one raw query and written by exceljs's streaming writer: its own process, its own peak. */
async function rawExport(spec: Extract<ProbeSpec, { kind: 'rawExport' }>): Promise<ProbeResult> {
  await import('exceljs');
  const [ms, rows] = await timedAsync(async () => {
    const db = openRaw(spec.dataDir);
    const cells = spec.what === 'people' ? rawPeopleRosterRows(db) : rawMembersRosterRows(db);
    db.close();
    await rawStreamWorkbook(cells, spec.what === 'people' ? '人员花名册' : '发展党员花名册');
    return cells.length;
  });
  return { times: [], rawTimes: [ms], maxRssMb: rssMb(), rows };
}

/** A job through the host, to its end; its result, or its error thrown. */
async function jobResult(host: LedgerHost, method: string, input: unknown): Promise<unknown> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = await host.jobs.settled(jobId);
  if (done.state !== '已完成') throw new Error(`${method}: ${done.error?.message ?? done.state}`);
  return done.result;
}

/**
 * The import of a people file through the host, as the clerk runs it: the preview job (read, find the header, judge
 * every row), or the commit job (all that again, then the one write transaction). A commit is undone after each run,
 * untimed, so every run writes the same rows into the same data; it runs on a copy (tests/bench/run.ts).
 */
async function importOnce(spec: Extract<ProbeSpec, { kind: 'import' }>): Promise<ProbeResult> {
  const input = { kind: 'people', fileName: basename(spec.file), base64: readFileSync(spec.file).toString('base64') };
  const times: number[] = [];
  let rows = 0;
  await withHost(spec.dataDir, async (host) => {
    // Compiled on first import under tsx, which the packaged app's bundle never does.
    await import('../../core/import/service');
    await import('exceljs');
    for (let i = 0; i < spec.runs; i++) {
      if (spec.phase === 'preview') {
        const [ms, p] = await timedAsync(() => jobResult(host, 'import.preview', input) as Promise<{ counts: Record<string, number> }>);
        if (p.counts.错误) throw new Error(`预览有 ${p.counts.错误} 行错误`);
        rows = p.counts.新增! + p.counts.更新! + p.counts.跳过!;
        times.push(ms);
      } else {
        const [ms, r] = await timedAsync(() => jobResult(host, 'import.commit', { ...input, mode: 'all' }) as Promise<{ batchId: number; inserted: number }>);
        rows = r.inserted;
        times.push(ms);
        await host.invoke('import.undo', { batchId: r.batchId });
      }
    }
  });
  return { times, rawTimes: [], maxRssMb: rssMb(), rows };
}

function measure(spec: ProbeSpec): Promise<ProbeResult> {
  if (spec.kind === 'import') return importOnce(spec);
  return spec.kind === 'call' ? call(spec) : spec.kind === 'create' ? create(spec) : spec.kind === 'export' ? exportOnce(spec) : rawExport(spec);
}

const spec = JSON.parse(process.argv[2] ?? '{}') as ProbeSpec | ProbeBatch;
const results: (ProbeResult | { error: string })[] = [];
for (const one of spec.kind === 'batch' ? spec.specs : [spec]) {
  try {
    results.push(await measure(one));
  } catch (err) {
    // Alone, a failure fails the process (and its stderr names it); in a batch the others still count.
    if (spec.kind !== 'batch') throw err;
    results.push({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}
console.log(JSON.stringify(spec.kind === 'batch' ? results : results[0]));
process.exit(0);
