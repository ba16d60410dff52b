/**
 * 区县汇总 end to end on demo townships of 湟中区 with different data (each generated from its own seed): every
 * district figure is the sum of the townships' figures as their own files print them, every person of a roster is
 * in the district file once, a district file merges again into a city's, a hand edit is flagged and a plain re-save
 * is not, and one person in two townships is listed. The townships' figures are read from their own printed sheets
 * with exceljs (core/excel/read), not from the merge's reader.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTownFile } from '../../core/district/read';
import { POLICIES } from '../../core/district/policies';
import type { DistrictMerged, DistrictPreview } from '../../core/district/schemas';
import { readWorkbook, sheetByName, type PlainValue } from '../../core/excel/read';
import { LedgerHost } from '../../core/host';
import { reports } from '../../core/reports/registry';
import { makeIdNumber } from '../helpers/ledger';

const NOW = () => new Date('2026-11-27T10:00:00+08:00');
const KEY = 'huangzhong-county-key-2026';
const PY = '/usr/bin/python3';
const EDIT = join(__dirname, '../helpers/district_edit.py');
const TOWNS = ['田家寨镇', '上新庄镇', '鲁沙尔镇', '甘河滩镇'];

const root = mkdtempSync(join(tmpdir(), 'ledger-district-'));
const hosts: LedgerHost[] = [];
const towns = new Map<string, LedgerHost>();
let district: LedgerHost;
let district2: LedgerHost;
let city: LedgerHost;

async function runJob<T>(host: LedgerHost, method: string, input: unknown): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  for (;;) {
    const s = (await host.invoke('jobs.status', { jobId })) as { state: string; result?: unknown; error?: { message: string; hint?: string } };
    if (s.state === '已完成') return s.result as T;
    if (s.state !== '运行中') throw Object.assign(new Error(s.error?.message ?? s.state), { status: s });
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function exportFrom(town: string, reportId: string, extra: Record<string, unknown> = {}): Promise<{ fileName: string; buffer: Buffer }> {
  const r = (await towns.get(town)!.invoke('reports.export', { reportId, ...extra })) as { base64: string };
  return { fileName: `${town}-${reportId}.xlsx`, buffer: Buffer.from(r.base64, 'base64') };
}

const asInput = (files: { fileName: string; buffer: Buffer }[]) => files.map((f) => ({ fileName: f.fileName, base64: f.buffer.toString('base64') }));

async function merge(host: LedgerHost, reportId: string, files: { fileName: string; buffer: Buffer }[], acceptEdited = false) {
  const m = await runJob<DistrictMerged>(host, 'district.merge', { reportId, files: asInput(files), acceptEdited });
  return { ...m, buffer: Buffer.from(m.base64, 'base64') };
}

async function countyLedger(name: string, towns: { name: string; code: string | null }[]): Promise<LedgerHost> {
  const host = new LedgerHost({ dataDir: join(root, name), now: NOW });
  await host.start();
  await host.invoke('org.setup', { mode: 'county', countyName: name, townName: name, unitName: `中共${name}委员会组织部`, units: [], countyTowns: towns, countyKey: KEY });
  hosts.push(host);
  return host;
}

/** The printed sheet: rows keyed by their label cell (column `labelCol`), cells by header leaf. */
async function printed(buffer: Buffer, sheet?: string) {
  const wb = await readWorkbook(buffer);
  const ws = sheet ? sheetByName(wb, sheet) : wb.sheets.find((s) => s.state === 'visible')!;
  return ws.rows;
}

function rowWith(rows: PlainValue[][], text: string): PlainValue[] {
  const row = rows.find((r) => r.some((v) => v === text));
  if (!row) throw new Error(`no row with “${text}”`);
  return row;
}

const nums = (row: PlainValue[]) => row.map((v) => (typeof v === 'number' ? v : null));

beforeAll(async () => {
  for (const [i, town] of TOWNS.entries()) {
    const host = new LedgerHost({ dataDir: join(root, `town${i}`), startInDemo: true, demoTown: town, now: NOW });
    await host.start();
    await host.invoke('org.updateSettings', { countyKey: KEY });
    towns.set(town, host);
    hosts.push(host);
  }
  district = await countyLedger('湟中区', TOWNS.slice(0, 3).map((name) => ({ name, code: null })));
  district2 = await countyLedger('湟源县', []);
  city = await countyLedger('西宁市', []);
}, 120_000);

afterAll(async () => {
  for (const h of hosts) await h.close();
  rmSync(root, { recursive: true, force: true });
});

describe('区县汇总', () => {
  it('has a rule, or a stated refusal, for every report of the catalogue', () => {
    for (const r of reports) expect(POLICIES[r.info.id], r.info.id).toBeDefined();
  });

  it('members-stats: every category and the 合计 are the sums of the townships’ printed figures', async () => {
    const files = await Promise.all(TOWNS.slice(0, 3).map((t) => exportFrom(t, 'members-stats', { from: '2026-01-01', to: '2026-11-27' })));
    const m = await merge(district, 'members-stats', files);
    expect(m.preview.canMerge).toBe(true);
    const own = await Promise.all(files.map((f) => printed(f.buffer)));
    const merged = await printed(m.buffer);
    // The townships' figures differ, so a sum cannot come out right by accident.
    expect(new Set(own.map((rows) => JSON.stringify(nums(rowWith(rows, '合计'))))).size).toBeGreaterThan(1);
    for (const label of ['农牧渔民', '学生', '合计']) {
      const sum = own.map((rows) => nums(rowWith(rows, label))).reduce((a, b) => a.map((v, i) => (v === null ? null : v + (b[i] ?? 0))));
      const got = nums(rowWith(merged, label));
      // 行次 (column 2) numbers rows; every other figure adds up.
      sum.forEach((v, i) => i !== 1 && v !== null && expect(got[i], `${label} column ${i + 1}`).toBe(v));
    }
    const total = nums(rowWith(merged, '合计'))[2];
    expect(total).toBe(own.reduce((a, rows) => a + (nums(rowWith(rows, '合计'))[2] ?? 0), 0));
    // The district's own file says what it is and carries the list of files with their hashes.
    const back = await readTownFile('m.xlsx', m.buffer);
    expect(back.hashOk).toBe(true);
    expect(back.meta).toMatchObject({ reportId: 'members-stats', level: 'county', areaName: '湟中区', formatVersion: 3 });
    const list = await printed(m.buffer, '汇总文件清单');
    // The hash prints on two lines; read back without the break it is the file's hash.
    for (const f of m.preview.files) expect(rowWith(list, f.fileName).map((v) => String(v).replace(/\s/g, ''))).toContain(f.hash);
  });

  it('members-roster: every person once, under their township, with a 小计 per township', async () => {
    const files = await Promise.all(TOWNS.slice(0, 3).map((t) => exportFrom(t, 'members-roster')));
    const m = await merge(district, 'members-roster', files);
    const townRecords = await Promise.all(files.map((f) => readTownFile(f.fileName, f.buffer)));
    const merged = await readTownFile('m.xlsx', m.buffer);
    const people = (recs: Record<string, unknown>[]) => recs.map((r) => `${r.name}|${r.idNumberKey}`);
    const all = townRecords.flatMap((t) => people([...t.records.values()].flat()));
    const got = people([...merged.records.values()].flat());
    expect(got.length).toBe(all.length);
    expect(new Set(got)).toEqual(new Set(all));
    expect(new Set(got).size).toBe(got.length);
    const rows = await printed(m.buffer);
    for (const [i, t] of TOWNS.slice(0, 3).entries()) {
      const sub = rowWith(rows, `${t} 小计`);
      expect(sub).toContain(`${townRecords[i]!.recordCount} 人`);
    }
    expect(rowWith(rows, '合计')).toContain(`${all.length} 人`);
    expect(rowWith(rows, '3 个乡镇（街道）')).toBeTruthy();
    // 乡镇（街道） is the second column of the district file, beside 序号.
    expect(rows.find((r) => r.includes('乡镇（街道）'))![1]).toBe('乡镇（街道）');
  });

  it('reserves-stats: one row per township (its own 合计) above the district 合计, and the 合计 adds up', async () => {
    const files = await Promise.all(TOWNS.slice(0, 3).map((t) => exportFrom(t, 'reserves-stats', { from: '2026-01-01', to: '2026-11-27' })));
    const m = await merge(district, 'reserves-stats', files);
    const merged = await printed(m.buffer);
    const totals = await Promise.all(files.map(async (f) => nums(rowWith(await printed(f.buffer), '合计'))));
    for (const [i, t] of TOWNS.slice(0, 3).entries()) expect(nums(rowWith(merged, t)).slice(1)).toEqual(totals[i]!.slice(1));
    const sum = totals.reduce((a, b) => a.map((v, i) => (v === null ? null : Math.round((v + (b[i] ?? 0)) * 100) / 100)));
    expect(nums(rowWith(merged, '合计')).slice(1)).toEqual(sum.slice(1));
  });

  it('centres-progress: the centres of every township, the money totals to the 分', async () => {
    const files = await Promise.all(TOWNS.slice(0, 3).map((t) => exportFrom(t, 'centres-progress')));
    const m = await merge(district, 'centres-progress', files);
    const own = await Promise.all(files.map((f) => readTownFile(f.fileName, f.buffer)));
    const merged = await readTownFile('m.xlsx', m.buffer);
    expect(merged.recordCount).toBe(own.reduce((a, t) => a + t.recordCount, 0));
    const fen = (recs: Record<string, unknown>[]) => recs.reduce((a, r) => a + Number(r.totalFen ?? 0), 0);
    expect(fen([...merged.records.values()].flat())).toBe(own.reduce((a, t) => a + fen([...t.records.values()].flat()), 0));
    const layout = merged.meta.layout![0]!;
    const expected = own.reduce((a, t) => a + Number(t.meta.layout![0]!.totals!.row.totalWan), 0);
    expect(Number(layout.totals!.row.totalWan)).toBeCloseTo(expected, 6);
  });

  it('a city merges two districts’ files and its totals are the sum of all their townships', async () => {
    const reportId = 'members-stats-2';
    const params = { from: '2026-01-01', to: '2026-11-27' };
    const a = await Promise.all(TOWNS.slice(0, 2).map((t) => exportFrom(t, reportId, params)));
    const b = await Promise.all(TOWNS.slice(2, 4).map((t) => exportFrom(t, reportId, params)));
    const d1 = await merge(district, reportId, a);
    const d2 = await merge(district2, reportId, b);
    const c = await merge(city, reportId, [
      { fileName: '湟中区.xlsx', buffer: d1.buffer },
      { fileName: '湟源县.xlsx', buffer: d2.buffer },
    ]);
    const rows = await printed(c.buffer);
    expect(rows.find((r) => r.includes('区县'))).toBeTruthy();
    const townTotal = await Promise.all([...a, ...b].map(async (f) => nums(rowWith(await printed(f.buffer), '合计'))[2] ?? 0));
    expect(nums(rowWith(rows, '合计'))[2]).toBe(townTotal.reduce((x, y) => x + y, 0));
    expect(nums(rowWith(rows, '湟中区'))[2]).toBe(townTotal[0]! + townTotal[1]!);
    const back = await readTownFile('c.xlsx', c.buffer);
    expect(back.meta).toMatchObject({ level: 'city', areaName: '西宁市' });
  });

  it('a roster merged twice keeps every person once (city level, 区县 column added)', async () => {
    const a = await Promise.all(TOWNS.slice(0, 2).map((t) => exportFrom(t, 'reserves-roster')));
    const b = await Promise.all(TOWNS.slice(2, 4).map((t) => exportFrom(t, 'reserves-roster')));
    const d1 = await merge(district, 'reserves-roster', a);
    const d2 = await merge(district2, 'reserves-roster', b);
    const c = await merge(city, 'reserves-roster', [
      { fileName: 'd1.xlsx', buffer: d1.buffer },
      { fileName: 'd2.xlsx', buffer: d2.buffer },
    ]);
    const own = await Promise.all([...a, ...b].map((f) => readTownFile(f.fileName, f.buffer)));
    const merged = await readTownFile('c.xlsx', c.buffer);
    const recs = [...merged.records.values()].flat();
    expect(recs.length).toBe(own.reduce((x, t) => x + t.recordCount, 0));
    expect(new Set(recs.map((r) => r.county))).toEqual(new Set(['湟中区', '湟源县']));
    expect(new Set(recs.map((r) => r.town))).toEqual(new Set(TOWNS));
  });

  it('flags a number changed by hand in the printed sheet or in _data, and merges it only when confirmed', async () => {
    const files = await Promise.all(TOWNS.slice(0, 2).map((t) => exportFrom(t, 'members-stats-2', { from: '2026-01-01', to: '2026-11-27' })));
    const dir = mkdtempSync(join(root, 'edit-'));
    const src = join(dir, 'a.xlsx');
    writeFileSync(src, files[0]!.buffer);
    for (const [sheet, cell] of [
      ['发展党员情况统计表（二）', 'C7'],
      ['_data', 'C2'],
    ] as const) {
      const out = join(dir, `edited-${sheet}.xlsx`);
      execFileSync(PY, [EDIT, 'bump', src, out, sheet, cell]);
      const edited = { fileName: `edited-${sheet}.xlsx`, buffer: readFileSync(out) };
      const preview = await runJob<DistrictPreview>(district, 'district.preview', { reportId: 'members-stats-2', files: asInput([edited, files[1]!]) });
      expect(preview.edited).toEqual([edited.fileName]);
      expect(preview.lines.some((l) => l.level === 'confirm' && l.text.includes('导出后被改动过'))).toBe(true);
      await expect(merge(district, 'members-stats-2', [edited, files[1]!])).rejects.toThrow(/导出后被改动过/);
      const ok = await merge(district, 'members-stats-2', [edited, files[1]!], true);
      expect(rowWith(await printed(ok.buffer, '汇总文件清单'), edited.fileName)).toContain('导出后被修改（经确认合并）');
    }
    // A plain re-save by openpyxl is not an edit.
    const resaved = join(dir, 'resaved.xlsx');
    execFileSync(PY, [EDIT, 'resave', src, resaved]);
    expect((await readTownFile('r', readFileSync(resaved))).hashOk).toBe(true);
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('a plain re-save in LibreOffice is not flagged', async () => {
    const file = await exportFrom(TOWNS[0]!, 'members-roster');
    const dir = mkdtempSync(join(root, 'lo-'));
    writeFileSync(join(dir, 'in.xlsx'), file.buffer);
    execFileSync('soffice', ['--headless', '--calc', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], { stdio: 'ignore' });
    const back = await readTownFile('lo.xlsx', readFileSync(join(dir, 'out', 'in.xlsx')));
    expect(back.hashOk).toBe(true);
    expect(back.recordCount).toBe((await readTownFile('in', file.buffer)).recordCount);
  }, 60_000);

  it('lists one person found in two townships’ masked files (matched by the keyed hash)', async () => {
    const id = makeIdNumber('1990-05-12', '男', 77);
    for (const t of TOWNS.slice(0, 2)) await towns.get(t)!.invoke('people.create', { name: '马占林', idNumber: id, ethnicity: '03' });
    const files = await Promise.all(TOWNS.slice(0, 2).map((t) => exportFrom(t, 'people-roster')));
    const preview = await runJob<DistrictPreview>(district, 'district.preview', { reportId: 'people-roster', files: asInput(files) });
    const dup = preview.duplicates.find((d) => d.names.includes('马占林'));
    expect(dup?.areas.sort()).toEqual(TOWNS.slice(0, 2).sort());
    expect(dup?.idNumber).toContain('*');
    expect(preview.lines.some((l) => l.text.includes('马占林') && l.text.includes('同时出现在'))).toBe(true);
  });

  it('refuses another report, another period, one township twice; warns of a missing township', async () => {
    const [a, b] = await Promise.all(TOWNS.slice(0, 2).map((t) => exportFrom(t, 'members-stats', { from: '2026-01-01', to: '2026-11-27' })));
    const other = await exportFrom(TOWNS[2]!, 'members-stats', { from: '2026-01-01', to: '2026-10-31' });
    const roster = await exportFrom(TOWNS[2]!, 'members-roster');
    const preview = await runJob<DistrictPreview>(district, 'district.preview', {
      reportId: 'members-stats',
      files: asInput([a!, b!, { ...b!, fileName: 'again.xlsx' }, other, roster]),
    });
    const text = preview.lines.map((l) => `${l.level}:${l.text}`).join('\n');
    expect(preview.canMerge).toBe(false);
    expect(text).toMatch(/error:“鲁沙尔镇-members-roster.xlsx”是“发展党员花名册/);
    expect(text).toMatch(/error:.*鲁沙尔镇.*统计时段是“2026-01-01 至 2026-10-31”/);
    expect(text).toMatch(/error:上新庄镇有 2 个文件/);
    const two = await runJob<DistrictPreview>(district, 'district.preview', { reportId: 'members-stats', files: asInput([a!, b!]) });
    expect(two.canMerge).toBe(true);
    expect(two.lines.find((l) => l.level === 'warning')?.text).toMatch(/缺少 1 个乡镇（街道）的文件：鲁沙尔镇/);
  });

  it('says in Chinese which reports cannot merge and why', async () => {
    const chart = await exportFrom(TOWNS[0]!, 'centres-chart');
    const preview = await runJob<DistrictPreview>(district, 'district.preview', { reportId: 'centres-chart', files: asInput([chart]) });
    expect(preview.canMerge).toBe(false);
    expect(preview.lines.find((l) => l.level === 'error')?.text).toMatch(/形象进度挂图.*不能相加/);
  });
});
