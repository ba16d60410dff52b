/**
 * The 服务中心 reports on a small fixture built by hand, asserted against figures worked out by hand (the comments
 * give the arithmetic), never against the reports' own queries. Today is 2026-11-20.
 *
 *   多巴一村 (村): 改扩建, 150 → 260 ㎡, 大厅 60; 总投资 1,234,567.89 元 = 上级补助 617,283.95 + 区县配套 246,913.58 +
 *     村集体 370,370.36; required 09-30. 方案设计 planned 03-01 done 02-27 (early), 开工 05-01 done 05-10 (+9),
 *     竣工验收 09-01 done 09-05 (+4), 投入使用 09-30 done 11-05 (+36): 已投用, 36 days behind.
 *     Money: 下拨 上级补助 617,283.95 (05-10), 支付 上级补助 300,000.50 (06-01), 下拨 区县配套 246,913.58 (11-03),
 *     支付 区县配套 123,456.78 (11-15).
 *   多巴二村 (村): 新建, no current area, → 300 ㎡; 总投资 500,000 元 = 上级补助 300,000 + 镇配套 200,000; required 12-31.
 *     方案设计 06-01 done 06-01, 开工 08-01 done 08-25 (+24), 竣工验收 11-10 open (10 days overdue), 投入使用 12-31:
 *     滞后 (24 > 7). 形象进度 09-15 30%, 10-20 50%, 11-12 60% 主体封顶 (with a photo). Money: 下拨 镇配套 200,000
 *     (10-01), 下拨 上级补助 150,000 (11-10), 支付 上级补助 50,000.01 (11-18).
 *   多巴金城社区 (社区): 维修, 320 → 350 ㎡; 总投资 100,000.01 元 = 镇配套; 方案设计 planned 11-15 open (5 days), the
 *     rest in 2027; required 2027-06-30: 未开工 (5 ≤ 7).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName, type PlainValue, type WorkbookData } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');

let host: LedgerHost;
let close: () => Promise<void>;
let dir: string;
let one: Unit;
let two: Unit;
let community: Unit;

const milestones = (dates: [string, string, string, string]) =>
  ['方案设计', '开工', '竣工验收', '投入使用'].map((name, i) => ({ seq: i + 1, name, plannedOn: dates[i]! }));

beforeAll(async () => {
  ({ host, close, dir } = await startHost({ now: NOW }));
  [one, two, community] = (await host.invoke('org.listUnits', {})) as Unit[] as [Unit, Unit, Unit];
  const create = async (input: Record<string, unknown>) => ((await host.invoke('centres.create', input)) as { id: number }).id;
  const a = await create({
    unitId: one.id,
    renovationType: '改扩建',
    currentArea: 150,
    targetArea: 260,
    hallArea: 60,
    rooms: [
      { name: '便民服务大厅', area: 60 },
      { name: '党员活动室', area: 40 },
    ],
    requiredOn: '2026-09-30',
    totalFen: 123456789,
    funds: [
      { source: '上级补助', fen: 61728395 },
      { source: '区县配套', fen: 24691358 },
      { source: '村集体', fen: 37037036 },
    ],
    milestones: milestones(['2026-03-01', '2026-05-01', '2026-09-01', '2026-09-30']),
  });
  const b = await create({
    unitId: two.id,
    renovationType: '新建',
    targetArea: 300,
    hallArea: 50,
    requiredOn: '2026-12-31',
    totalFen: 50000000,
    funds: [
      { source: '上级补助', fen: 30000000 },
      { source: '镇配套', fen: 20000000 },
    ],
    milestones: milestones(['2026-06-01', '2026-08-01', '2026-11-10', '2026-12-31']),
  });
  await create({
    unitId: community.id,
    renovationType: '维修',
    currentArea: 320,
    targetArea: 350,
    hallArea: 70,
    requiredOn: '2027-06-30',
    totalFen: 10000001,
    funds: [{ source: '镇配套', fen: 10000001 }],
    milestones: milestones(['2026-11-15', '2027-01-10', '2027-05-30', '2027-06-30']),
  });
  const done = (centreId: number, seq: number, actualOn: string) => host.invoke('centres.recordMilestone', { centreId, seq, actualOn });
  for (const [seq, on] of [[1, '2026-02-27'], [2, '2026-05-10'], [3, '2026-09-05'], [4, '2026-11-05']] as const) await done(a, seq, on);
  await done(b, 1, '2026-06-01');
  await done(b, 2, '2026-08-25');

  const progress = async (centreId: number, date: string, percent: number, note?: string) => ((await host.invoke('centres.addProgress', { centreId, date, percent, note })) as { id: number }).id;
  await progress(a, '2026-08-01', 70);
  const finished = await progress(a, '2026-09-05', 100, '竣工');
  await progress(b, '2026-09-15', 30);
  await progress(b, '2026-10-20', 50);
  const topped = await progress(b, '2026-11-12', 60, '主体封顶');
  // Attachments are checked by content (core/attachments/file-types.ts): the photo starts like a JPEG.
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('主体封顶照片')]).toString('base64');
  await host.invoke('attachments.add', { ownerType: 'centre_progress', ownerId: topped, fileName: '二村主体封顶.jpg', base64: photo });
  // Dated before the period: not listed.
  await host.invoke('attachments.add', { ownerType: 'centre_progress', ownerId: finished, fileName: '一村竣工.jpg', base64: photo });

  const money = (centreId: number, kind: string, source: string, date: string, amountFen: number) => host.invoke('centres.addMoney', { centreId, kind, source, date, amountFen });
  await money(a, '下拨', '上级补助', '2026-05-10', 61728395);
  await money(a, '支付', '上级补助', '2026-06-01', 30000050);
  await money(a, '下拨', '区县配套', '2026-11-03', 24691358);
  await money(a, '支付', '区县配套', '2026-11-15', 12345678);
  await money(b, '下拨', '镇配套', '2026-10-01', 20000000);
  await money(b, '下拨', '上级补助', '2026-11-10', 15000000);
  await money(b, '支付', '上级补助', '2026-11-18', 5000001);
}, 60_000);

afterAll(() => close?.());

async function exportFile(reportId: string, input: Record<string, unknown> = {}): Promise<Buffer> {
  const result = (await host.invoke('reports.export', { reportId, ...input })) as ExportResult;
  return Buffer.from(result.base64, 'base64');
}
const exportBook = async (reportId: string, input: Record<string, unknown> = {}) => readWorkbook(await exportFile(reportId, input));

/** The keys of the printed columns, in order, from `_meta` (data-only columns are not printed). */
function printedKeys(book: WorkbookData): string[] {
  const columns = sheetByName(book, '_meta').rows.find((r) => r[0] === 'columns')![1] as string;
  return (JSON.parse(columns) as { key: string; dataOnly?: boolean }[]).filter((c) => !c.dataOnly).map((c) => c.key);
}

/** The rows of a sheet whose first cell is a number (序号) or 合计, keyed by the column keys. */
function records(book: WorkbookData, sheet: string, keys = printedKeys(book)): Record<string, PlainValue>[] {
  return sheetByName(book, sheet)
    .rows.filter((r) => typeof r[0] === 'number' || r[0] === '合计')
    .map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
}

const text = (book: WorkbookData, sheet: string) => sheetByName(book, sheet).rows.flat().filter((v): v is string => typeof v === 'string').join('\n');

describe('村级综合服务中心改造升级进度表', () => {
  let rows: Record<string, PlainValue>[];
  beforeAll(async () => {
    rows = records(await exportBook('centres-progress'), '进度表');
  });

  it('prints one row per centre in village order with areas, rooms, the split in 万元, key dates, status and 备注', () => {
    expect(rows.map((r) => r.unitName)).toEqual(['多巴一村', '多巴二村', '多巴金城社区', '3 个']);
    // Sources in the configured order: 上级补助, 区县配套, 镇配套, 村集体, 帮扶单位, 其他.
    expect(rows[0]).toMatchObject({
      seq: 1,
      type: '改扩建',
      currentArea: 150,
      targetArea: 260,
      hallArea: 60,
      rooms: '便民服务大厅60㎡、党员活动室40㎡',
      totalWan: 123.456789,
      fund0: 61.728395,
      fund1: 24.691358,
      fund2: null,
      fund3: 37.037036,
      // 617,283.95 + 246,913.58 allocated; 300,000.50 + 123,456.78 paid.
      allocatedWan: 86.419753,
      paidWan: 42.345728,
      requiredOn: '2026-09-30',
      startPlanned: '2026-05-01',
      startActual: '2026-05-10',
      completePlanned: '2026-09-01',
      completeActual: '2026-09-05',
      inUsePlanned: '2026-09-30',
      inUseActual: '2026-11-05',
      progress: 1,
      status: '已投用',
      daysBehind: 36,
      note: '全部节点已完成',
    });
    expect(rows[1]).toMatchObject({
      type: '新建',
      currentArea: null,
      targetArea: 300,
      totalWan: 50,
      fund0: 30,
      fund2: 20,
      allocatedWan: 35,
      paidWan: 5.000001,
      completeActual: null,
      progress: 0.6,
      status: '滞后',
      // 开工 was 24 days late; 竣工验收 is 10 days overdue: the larger counts.
      daysBehind: 24,
      note: '下一节点：竣工验收（计划 2026-11-10，已逾期 10 天）',
    });
    expect(rows[2]).toMatchObject({ type: '维修', totalWan: 10.000001, fund2: 10.000001, allocatedWan: 0, status: '未开工', daysBehind: 5, note: '下一节点：方案设计（计划 2026-11-15，已逾期 5 天）' });
  });

  it('totals the money as 分 converted once, and the split reconciles with 总投资 to the 分', () => {
    const t = rows[3]!;
    // 123456789 + 50000000 + 10000001 = 183456790 分.
    expect(t).toMatchObject({ seq: '合计', totalWan: 183.45679, fund0: 91.728395, fund1: 24.691358, fund2: 30.000001, fund3: 37.037036, allocatedWan: 121.419753, paidWan: 47.345729 });
    const fen = (v: PlainValue | undefined) => Math.round(Number(v ?? 0) * 1_000_000);
    expect([t.fund0, t.fund1, t.fund2, t.fund3, t.fund4, t.fund5].reduce((a: number, v) => a + fen(v), 0)).toBe(183456790);
    expect(fen(t.totalWan)).toBe(183456790);
  });

  it('prints the grouped headers and real dates', async () => {
    const buffer = await exportFile('centres-progress');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('进度表')!;
    const cells: unknown[] = [];
    ws.eachRow((r) => r.eachCell((c) => cells.push(c.value)));
    for (const label of ['资金来源（万元）', '上级补助', '开工', '竣工验收', '投入使用', '计划', '实际', '形象进度', '滞后天数', '备注']) expect(cells).toContain(label);
    expect(cells.filter((v) => v instanceof Date).length).toBeGreaterThan(10);
  });
});

describe('挂图作战', () => {
  /** Span 2026-02-27 (一村 方案设计 done) to 2027-06-30 (社区 required): 17 months, one column each. */
  it('draws months, colours a late milestone red, a late finish orange, a done one green, an open one grey, and marks today', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportFile('centres-chart')) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('挂图作战')!;
    let headerRow = 0;
    ws.eachRow((r, n) => {
      if (!headerRow && r.getCell(1).value === '序号') headerRow = n;
    });
    const labels = (ws.getRow(headerRow + 1).values as unknown[]).slice(1);
    const col = (label: string) => labels.indexOf(label) + 1;
    expect(labels.slice(4)).toEqual(['2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '4月', '5月', '6月']);
    const rowOf = (name: string) => [...Array(ws.rowCount).keys()].map((i) => i + 1).find((n) => ws.getRow(n).getCell(2).value === name)!;
    const fill = (name: string, c: number) => ((ws.getRow(rowOf(name)).getCell(c).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? null);
    const value = (name: string, c: number) => ws.getRow(rowOf(name)).getCell(c).value;
    // 二村 竣工验收 planned 11-10, still open on 11-20: red, marked 竣.
    expect(fill('多巴二村', col('11月'))).toBe('FFFF0000');
    expect(value('多巴二村', col('11月'))).toBe('竣');
    // 社区 方案设计 planned 11-15, open: red; 开工 planned 2027-01-10: grey.
    expect(fill('多巴金城社区', col('11月'))).toBe('FFFF0000');
    expect(fill('多巴金城社区', col('1月'))).toBe('FFE7E6E6');
    // 一村: 方案设计 done early in 2月 (green), 开工 done 9 days late in 5月 (orange), nothing in 7月.
    expect(fill('多巴一村', labels.indexOf('2月') + 1)).toBe('FF92D050');
    expect(fill('多巴一村', col('5月'))).toBe('FFFFC000');
    expect(fill('多巴一村', col('7月'))).toBeNull();
    expect(ws.getRow(rowOf('多巴二村')).getCell(3).value).toBe('滞后');
    // Today's month: its header is filled yellow.
    expect((ws.getRow(headerRow + 1).getCell(col('11月')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    const all: unknown[] = [];
    ws.eachRow((r) => r.eachCell((c) => all.push(c.value)));
    for (const t of ['图例', '按期完成', '逾期完成', '逾期未完成', '计划节点（未到期）', '今天（2026-11-20）所在月']) expect(all).toContain(t);
    expect(ws.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'landscape', paperSize: 8 });
  });

  it('uses weeks when the span is short, and keeps one record per milestone in _data', async () => {
    const book = await exportBook('centres-chart', { unitIds: [two.id] });
    // 二村 only: 2026-06-01 … 2026-12-31 is 31 weeks, more than 26: still months, 6月 to 12月.
    const header = sheetByName(book, '挂图作战').rows.find((r) => r.includes('6月'))!;
    expect(header.filter((v) => typeof v === 'string' && v.endsWith('月'))).toEqual(['6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    const data = sheetByName(book, '_data').rows;
    expect(data).toHaveLength(1 + 4);
    expect(data[0]).toContain('state');
    expect(data.slice(1).map((r) => r[data[0]!.indexOf('state')])).toEqual(['done', 'doneLate', 'late', 'open']);
  });
});

describe('月度进度报告 and 周调度', () => {
  it('defaults to the current month and lists the milestones reached and missed', async () => {
    const book = await exportBook('centres-monthly');
    expect(text(book, '节点完成')).toContain('统计时段：2026-11-01 至 2026-11-20');
    const reached = records(book, '节点完成', ['seq', 'actualOn', 'unitName', 'milestone', 'plannedOn', 'daysLate', 'note']);
    expect(reached.map((r) => Object.values(r))).toEqual([
      [1, '2026-11-05', '多巴一村', '投入使用', '2026-09-30', 36, null],
      ['合计', null, '1 个', null, null, null, null],
    ]);
    const missed = records(book, '节点逾期', ['seq', 'unitName', 'milestone', 'plannedOn', 'daysLate', 'actualOn']);
    expect(missed.slice(0, -1).map((r) => Object.values(r))).toEqual([
      [1, '多巴二村', '竣工验收', '2026-11-10', 10, null],
      [2, '多巴金城社区', '方案设计', '2026-11-15', 5, null],
    ]);
  });

  it('lists a milestone missed in an earlier period with the date it was done afterwards', async () => {
    const book = await exportBook('centres-monthly', { from: '2026-10-01', to: '2026-10-31' });
    expect(records(book, '节点完成')).toHaveLength(1);
    const missed = records(book, '节点逾期', ['seq', 'unitName', 'milestone', 'plannedOn', 'daysLate', 'actualOn']);
    expect(missed.slice(0, -1).map((r) => Object.values(r))).toEqual([[1, '多巴一村', '投入使用', '2026-09-30', 31, '2026-11-05']]);
  });

  it('shows 形象进度 changes, money by source in 万元, and the photos of the period', async () => {
    const book = await exportBook('centres-monthly');
    const progress = records(book, '形象进度', ['seq', 'unitName', 'fromPercent', 'toPercent', 'change', 'lastOn', 'entries', 'note']);
    expect(progress[0]).toEqual({ seq: 1, unitName: '多巴二村', fromPercent: 0.5, toPercent: 0.6, change: 0.1, lastOn: '2026-11-12', entries: 1, note: '主体封顶' });
    expect(progress).toHaveLength(2);
    const money = sheetByName(book, '资金').rows;
    const row = (label: string) => money.find((r) => r[0] === label)!.slice(1, 6);
    expect(row('上级补助')).toEqual([91.728395, 15, 5.000001, 76.728395, 35.000051]);
    expect(row('区县配套')).toEqual([24.691358, 24.691358, 12.345678, 24.691358, 12.345678]);
    expect(row('镇配套')).toEqual([30.000001, 0, 0, 20, 0]);
    // To date the allocated and paid totals equal the 进度表's 已下拨 / 已支付 totals.
    expect(row('合计')).toEqual([183.45679, 39.691358, 17.345679, 121.419753, 47.345729]);
    const photos = records(book, '进度照片', ['seq', 'date', 'unitName', 'percent', 'photos', 'files']);
    expect(photos.map((r) => Object.values(r))).toEqual([
      [1, '2026-11-12', '多巴二村', 0.6, 1, '二村主体封顶.jpg'],
      ['合计', null, '1 条', null, 1, null],
    ]);
  });

  it('the weekly variant defaults to the last 7 days', async () => {
    const book = await exportBook('centres-weekly');
    expect(text(book, '资金')).toContain('统计时段：2026-11-14 至 2026-11-20');
    const money = sheetByName(book, '资金').rows;
    // In the week only 支付 上级补助 50,000.01 (11-18) and 区县配套 123,456.78 (11-15).
    expect(money.find((r) => r[0] === '上级补助')!.slice(2, 4)).toEqual([0, 5.000001]);
    expect(money.find((r) => r[0] === '区县配套')!.slice(2, 4)).toEqual([0, 12.345678]);
    expect(records(book, '节点完成')).toHaveLength(1);
  });
});

describe('村级组织活动场所情况（党内统计）', () => {
  const figures = async (input: Record<string, unknown>) => {
    const book = await exportBook('centres-party-stats', input);
    return Object.fromEntries(records(book, '活动场所', ['seq', 'item', 'count', 'names']).map((r) => [r.item, [r.count, r.names]]));
  };

  it('counts the 2026 figures: 一村 finished at 260 ㎡, 二村 with no venue, 一村 改扩建 finished this year', async () => {
    const f = await figures({});
    expect(f['建制村总数']).toEqual([2, null]);
    expect(f['活动场所面积200㎡以上的建制村']).toEqual([1, '多巴一村']);
    expect(f['暂无活动场所的建制村']).toEqual([1, '多巴二村']);
    expect(f['2026年新建或改扩建数']).toEqual([1, '多巴一村']);
    expect(f['其中：建制村']).toEqual([1, '多巴一村']);
  });

  it('counts as at the end of 2025: 一村 not finished yet, so its current 150 ㎡ counts', async () => {
    const f = await figures({ from: '2025-01-01', to: '2025-12-31' });
    expect(f['活动场所面积200㎡以上的建制村']).toEqual([0, null]);
    expect(f['暂无活动场所的建制村']).toEqual([1, '多巴二村']);
    expect(f['2025年新建或改扩建数']).toEqual([0, null]);
  });
});

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasSoffice)('挂图作战 printed by LibreOffice on the demo township (46 centres)', () => {
  const pages: Record<string, { text: string[]; size: [number, number] }> = {};
  let names: string[] = [];
  /** The first and last period groups of the header (e.g. 2025年, 2027年): both on every page when it is one page wide. */
  let groups: string[] = [];
  let demo: Awaited<ReturnType<typeof startHost>>;

  beforeAll(async () => {
    demo = await startHost({ setUp: false });
    generateDemo(demo.host.context);
    names = (demo.host.context.sqlite.prepare('SELECT u.name FROM centres c JOIN org_units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL').pluck().all() as string[]);
    const files: string[] = [];
    for (const paper of ['A3', 'A4'] as const) {
      const result = (await demo.host.invoke('reports.export', { reportId: 'centres-chart', paper })) as ExportResult;
      const file = join(demo.dir, `chart-${paper}.xlsx`);
      const buffer = Buffer.from(result.base64, 'base64');
      writeFileSync(file, buffer);
      files.push(file);
      const header = sheetByName(await readWorkbook(buffer), '挂图作战').rows.find((r) => r[0] === '序号')!;
      const found = header.slice(4).filter((v): v is string => typeof v === 'string');
      groups = [found[0]!, found.at(-1)!];
    }
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'pdf', '--outdir', demo.dir, ...files], { stdio: 'ignore', timeout: 170_000 });
    for (const paper of ['A3', 'A4']) {
      const pdf = join(demo.dir, `chart-${paper}.pdf`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
      pages[paper] = {
        size: [Number(size[1]), Number(size[2])],
        text: Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')),
      };
    }
  }, 240_000);

  afterAll(() => demo?.close());

  for (const paper of ['A3', 'A4'] as const) {
    it(`${paper}: landscape, one page wide — every page has the title, 填报单位, the left block and the last period; every centre once`, () => {
      const { text: list, size } = pages[paper]!;
      expect(groups[0]).not.toBe(groups[1]);
      expect(size[0]).toBeGreaterThan(size[1]);
      expect(size[0]).toBeCloseTo(paper === 'A3' ? 1190.6 : 841.9, 0);
      list.forEach((t, i) => {
        for (const part of ['村级综合服务中心改造升级挂图作战图', '填报单位：', '序号', '村（社区）', '状态', '进度', ...groups]) expect(t, `page ${i + 1}: ${part}`).toContain(part);
      });
      // A page cut across would miss the left block on its second part; every centre's row is on exactly one page.
      const distinct = names.filter((n) => !names.some((o) => o !== n && o.includes(n)));
      expect(distinct.length).toBeGreaterThan(40);
      for (const name of distinct) expect(list.filter((t) => t.includes(name)).length, name).toBe(1);
      expect(list.at(-1)).toContain('图例');
      expect(list.at(-1)).toContain('填报人：');
    });
  }
});
