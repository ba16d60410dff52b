/**
 * The 后备人才 reports on a small fixture built by hand, asserted against figures worked out by hand (the
 * comments give the arithmetic), never against the reports' own queries.
 *
 * Period 2026-01-01 至 2026-09-30, today 2026-11-20. Ages are at the period's end (2026-09-30):
 *   多巴一村: 安明 (b. 1991-09-30, 35, 外出务工经商人员, 本科, 中共党员), 白华 (1990-09-30, 36, 返乡大学生, 专科),
 *            陈刚 (1985-10-01, 40, 退役军人, 普通高中, 预备党员), 邓强 (1980-09-30, 46, 返乡企业家, 初中; 出库 2026-06-01),
 *            金鑫 (removed as 误建 after being enrolled).
 *   多巴二村: 方丽 (1981-09-30, 45, 返乡大学生, 中专; 出库 04-01, 重新入库 05-01), 高峰 (1996-05-05, 外出务工经商人员;
 *            入库 2026-10-15, after the period), 胡军 (硕士; 任用 2026-08-01 as 村委会委员).
 * In the pool at 2026-09-30: 安明, 白华, 陈刚 (一村) and 方丽 (二村) = 4.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../core/args';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName, type PlainValue, type WorkbookData } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { runCommand, type Io } from '../../cli/commands';
import { makeIdNumber, startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');
const PERIOD = { from: '2026-01-01', to: '2026-09-30' };

let host: LedgerHost;
let close: () => Promise<void>;
let dir: string;
let one: Unit;
let two: Unit;
const ids: Record<string, number> = {};
let seq = 0;

async function reserve(key: string, p: { name: string; birth: string; gender?: '男' | '女'; education: string; unit: Unit; source: string; political?: string }, extra: Record<string, unknown> = {}) {
  const person = (await host.invoke('people.create', {
    name: p.name,
    idNumber: makeIdNumber(p.birth, p.gender ?? '男', ++seq),
    ethnicity: '01',
    education: p.education,
    unitId: p.unit.id,
    phone: '13800000000',
  })) as { id: number };
  const r = (await host.invoke('reserves.create', {
    personId: person.id,
    unitId: p.unit.id,
    postDirection: '两委委员后备',
    source: p.source,
    nominationMethod: '组织推荐',
    nominatedOn: '2026-01-05',
    villageReviewOn: '2026-01-20',
    townReviewOn: '2026-02-10',
    mentorName: '马书记',
    ...(p.political ? { politicalStatus: p.political } : {}),
    ...extra,
  })) as { id: number };
  ids[key] = r.id;
}

const status = (reserveId: number, kind: string, date: string, more: Record<string, unknown> = {}) => host.invoke('reserves.changeStatus', { reserveId, kind, date, ...more });

beforeAll(async () => {
  ({ host, close, dir } = await startHost({ now: NOW }));
  [one, two] = (await host.invoke('org.listUnits', {})) as Unit[] as [Unit, Unit];
  await reserve('an', { name: '安明', birth: '1991-09-30', education: '21', unit: one, source: '外出务工经商人员', political: '中共党员' });
  await reserve('bai', { name: '白华', birth: '1990-09-30', education: '31', unit: one, source: '返乡大学生' });
  await reserve('chen', { name: '陈刚', birth: '1985-10-01', education: '61', unit: one, source: '退役军人', political: '预备党员' });
  await reserve('deng', { name: '邓强', birth: '1980-09-30', education: '71', unit: one, source: '返乡企业家' });
  await reserve('jin', { name: '金鑫', birth: '1992-02-02', education: '21', unit: one, source: '返乡大学生' });
  await reserve('fang', { name: '方丽', birth: '1981-09-30', gender: '女', education: '41', unit: two, source: '返乡大学生' }, { townReviewOn: '2026-03-01' });
  await reserve('gao', { name: '高峰', birth: '1996-05-05', education: '21', unit: two, source: '外出务工经商人员' }, { nominatedOn: '2026-08-01', villageReviewOn: '2026-09-01', townReviewOn: '2026-10-15' });
  await reserve('hu', { name: '胡军', birth: '1988-03-03', education: '14', unit: two, source: '其他优秀人才' }, { townReviewOn: '2026-02-01' });

  await status(ids.deng!, '出库', '2026-06-01', { reason: '外出务工，不便履职' });
  await status(ids.fang!, '出库', '2026-04-01', { reason: '外出务工' });
  await status(ids.fang!, '入库', '2026-05-01', { reason: '返乡后重新推荐' });
  await status(ids.hu!, '任用', '2026-08-01', { post: '村委会委员' });

  const training = (t: Record<string, unknown>) => host.invoke('reserves.addTraining', { hours: 8, ...t });
  // 100001 分 over three: 33334, 33334, 33333 (安明 and 邓强 in 一村, 方丽 in 二村).
  await training({ type: '集中培训', title: '后备人才示范培训班', host: '区委党校', startOn: '2026-04-10', endOn: '2026-04-14', hours: 32, costFen: 100001, fundingSource: '区县组织部专项经费', costItem: '集中培训', reserveIds: [ids.an, ids.fang, ids.deng] });
  // Before the period: not counted anywhere.
  await training({ type: '入企挂职', host: '青海某公司', startOn: '2025-12-01', costFen: 50000, fundingSource: '乡镇自筹', costItem: '挂职补贴', reserveIds: [ids.an] });
  // No cost: counted as 培养, not in the funds.
  await training({ type: '大专班', title: '2026级大专班', startOn: '2026-09-01', reserveIds: [ids.bai, ids.chen] });
  // 20000 over 安明 and 金鑫, who is removed afterwards: his share stays in the money, not in the head counts.
  await training({ type: '集中培训', title: '村务实务培训', startOn: '2026-05-20', costFen: 20000, fundingSource: '乡镇自筹', costItem: '集中培训', reserveIds: [ids.an, ids.jin] });
  await training({ type: '乡镇机关历练', host: '镇党政办', startOn: '2026-08-01', costFen: 30000, fundingSource: '帮扶单位', costItem: '挂职补贴', reserveIds: [ids.hu] });
  // Deleted class: nowhere.
  const gone = (await training({ type: '集中培训', startOn: '2026-06-01', costFen: 999, fundingSource: '乡镇自筹', costItem: '集中培训', reserveIds: [ids.bai] })) as { id: number };
  await host.invoke('reserves.removeTraining', { id: gone.id });

  await host.invoke('reserves.addAffair', { date: '2026-06-15', affairType: '防汛防火', reserveIds: [ids.an, ids.bai, ids.fang] });
  await host.invoke('reserves.addAffair', { date: '2026-10-10', affairType: '环境卫生', reserveIds: [ids.an] });
  await host.invoke('reserves.addAffair', { date: '2025-12-20', affairType: '环境卫生', reserveIds: [ids.chen] });
  await host.invoke('reserves.saveAssessment', { reserveId: ids.an, period: '2026Q1', points: 92 });
  await host.invoke('reserves.saveAssessment', { reserveId: ids.an, period: '2025', rating: '优秀' });
  await host.invoke('reserves.remove', { id: ids.jin });
}, 60_000);

afterAll(() => close?.());

async function exportBook(reportId: string, input: Record<string, unknown> = {}): Promise<{ book: WorkbookData; buffer: Buffer }> {
  const result = (await host.invoke('reports.export', { reportId, ...input })) as ExportResult;
  const buffer = Buffer.from(result.base64, 'base64');
  // For a look at the files (LibreOffice → PDF): RESERVES_REPORTS_OUT=/some/folder npx vitest run …
  const out = process.env.RESERVES_REPORTS_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${reportId}${input.unitIds ? '-unit' : ''}${input.to === '2026-11-20' ? '-today' : ''}.xlsx`), buffer);
  }
  return { book: await readWorkbook(buffer), buffer };
}

/** The keys of the printed columns, in order, from `_meta` (data-only columns are not printed). */
function printedKeys(book: WorkbookData): string[] {
  const columns = sheetByName(book, '_meta').rows.find((r) => r[0] === 'columns')![1] as string;
  return (JSON.parse(columns) as { key: string; dataOnly?: boolean }[]).filter((c) => !c.dataOnly).map((c) => c.key);
}

/** The printed row whose first cell is `label`, as an object keyed by the column keys. */
function rowByLabel(book: WorkbookData, sheet: string, label: string): Record<string, PlainValue> {
  const keys = printedKeys(book);
  const row = sheetByName(book, sheet).rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return Object.fromEntries(keys.map((k, i) => [String(k), row[i] ?? null]));
}

const text = (book: WorkbookData, sheet: string) => sheetByName(book, sheet).rows.flat().filter((v): v is string => typeof v === 'string');

describe('后备人才培养情况统计表', () => {
  let book: WorkbookData;
  beforeAll(async () => {
    ({ book } = await exportBook('reserves-stats', PERIOD));
  });

  it('prints the grouped header: 来源, 年龄, 学历, 培养 by type with 人数 and 人次, 目标完成', () => {
    const rows = sheetByName(book, '后备人才培养情况统计表').rows;
    const cells = rows.slice(0, 8).flat();
    for (const label of ['来源', '年龄', '学历', '培养', '目标完成', '外出务工经商人员', '35岁及以下', '46岁及以上', '初中及以下', '集中培训', '人数', '人次', '经费（元）', '差额']) {
      expect(cells, label).toContain(label);
    }
  });

  it('counts 多巴一村: the pool at the period end by source, age, 学历, 党员; trainings, affairs, funds, target', () => {
    const r = rowByLabel(book, '后备人才培养情况统计表', one.name);
    // 安明, 白华, 陈刚; 邓强 left on 06-01.
    expect(r.total).toBe(3);
    // 外出务工 安明; 返乡大学生 白华; 返乡企业家 none (邓强 out); 退役军人 陈刚.
    expect([r.source0, r.source1, r.source2, r.source3, r.source4]).toEqual([1, 1, 0, 1, 0]);
    // 35 (安明) | 36 (白华), 40 (陈刚) | — | —.
    expect([r.age0, r.age1, r.age2, r.age3]).toEqual([1, 2, 0, 0]);
    expect([r.edu0, r.edu1, r.edu2, r.edu3, r.edu4, r.edu5]).toEqual([0, 1, 1, 0, 1, 0]);
    expect(r.party).toBe(2);
    // Types 入企挂职, 乡镇机关历练, 大专班, 集中培训. 集中培训: 安明 twice, 邓强 once (金鑫 removed) → 2 人 3 人次.
    expect([r.trainPeople0, r.trainPeople1, r.trainPeople2, r.trainPeople3]).toEqual([0, 0, 2, 2]);
    expect([r.trainTimes0, r.trainTimes1, r.trainTimes2, r.trainTimes3]).toEqual([0, 0, 2, 3]);
    expect(r.affairs).toBe(2);
    // 33334 (安明) + 33333 (邓强) + 10000 (安明) + 10000 (金鑫) = 86667 分.
    expect(r.funds).toBe(866.67);
    expect([r.target, r.actual, r.gap]).toEqual([3, 3, 0]);
  });

  it('counts 多巴二村 and lists 多巴金城社区 with nobody as a gap of 3', () => {
    const r = rowByLabel(book, '后备人才培养情况统计表', two.name);
    // 方丽 only: 高峰 entered after the period, 胡军 is 已任用.
    expect(r.total).toBe(1);
    expect([r.source0, r.source1, r.source2, r.source3, r.source4]).toEqual([0, 1, 0, 0, 0]);
    expect([r.age0, r.age1, r.age2, r.age3]).toEqual([0, 0, 1, 0]);
    expect([r.edu0, r.edu1, r.edu2, r.edu3, r.edu4, r.edu5]).toEqual([0, 0, 0, 1, 0, 0]);
    expect(r.party).toBe(0);
    expect([r.trainPeople0, r.trainPeople1, r.trainPeople2, r.trainPeople3]).toEqual([0, 1, 0, 1]);
    expect([r.trainTimes0, r.trainTimes1, r.trainTimes2, r.trainTimes3]).toEqual([0, 1, 0, 1]);
    expect(r.affairs).toBe(1);
    // 33334 (方丽) + 30000 (胡军) = 63334 分.
    expect(r.funds).toBe(633.34);
    expect([r.target, r.actual, r.gap]).toEqual([3, 1, 2]);
    const c = rowByLabel(book, '后备人才培养情况统计表', '多巴金城社区');
    expect([c.total, c.funds, c.target, c.actual, c.gap]).toEqual([0, 0, 3, 0, 3]);
  });

  it('sums the township 合计, the money as 分 converted once, and says which dates count', () => {
    const t = rowByLabel(book, '后备人才培养情况统计表', '合计');
    expect(t.total).toBe(4);
    expect([t.source0, t.source1, t.source2, t.source3, t.source4]).toEqual([1, 2, 0, 1, 0]);
    expect([t.age0, t.age1, t.age2, t.age3]).toEqual([1, 2, 1, 0]);
    expect([t.edu0, t.edu1, t.edu2, t.edu3, t.edu4, t.edu5]).toEqual([0, 1, 1, 1, 1, 0]);
    expect([t.trainPeople1, t.trainPeople2, t.trainPeople3, t.trainTimes3]).toEqual([1, 2, 3, 4]);
    expect(t.affairs).toBe(3);
    expect(t.funds).toBe(1500.01);
    expect([t.target, t.actual, t.gap]).toEqual([9, 4, 5]);
    const notes = text(book, '后备人才培养情况统计表').join('\n');
    expect(notes).toContain('2026-09-30（统计时段最后一天）当天结束时的状态');
    expect(notes).toContain('按培训开始（入学）日期');
  });

  it('narrows to one village when asked', async () => {
    const { book: only } = await exportBook('reserves-stats', { ...PERIOD, unitIds: [two.id] });
    const rows = sheetByName(only, '后备人才培养情况统计表').rows.map((r) => r[0]);
    expect(rows).toContain(two.name);
    expect(rows).not.toContain(one.name);
    expect(rowByLabel(only, '后备人才培养情况统计表', '合计').total).toBe(1);
  });
});

describe('村"两委"后备人才花名册', () => {
  it('lists every live reserve by village and pinyin, with status, masked ID numbers and a head count', async () => {
    const { book } = await exportBook('reserves-roster');
    const rows = sheetByName(book, '后备人才花名册').rows;
    const keys = printedKeys(book);
    const at = (k: string) => keys.indexOf(k);
    const body = rows.filter((r) => typeof r[0] === 'number');
    expect(body.map((r) => r[at('name')])).toEqual(['安明', '白华', '陈刚', '邓强', '方丽', '高峰', '胡军']);
    expect(body.find((r) => r[at('name')] === '胡军')![at('status')]).toBe('已任用（村委会委员）');
    expect(body.find((r) => r[at('name')] === '邓强')![at('status')]).toBe('出库');
    expect(String(body[0]![at('idNumber')])).toMatch(/^6301\*+\d{3}[\dX]$/);
    expect(rows.find((r) => r[0] === '合计')![at('name')]).toBe('7 人');
    expect(text(book, '后备人才花名册').join('\n')).toContain('在库 5 人、已任用 1 人、出库 1 人');
  });

  it('has as many 在库 rows as the 统计表 counts in the pool when its period ends today', async () => {
    const { book: roster } = await exportBook('reserves-roster');
    const keys = printedKeys(roster);
    const inPool = sheetByName(roster, '后备人才花名册').rows.filter((r) => typeof r[0] === 'number' && r[keys.indexOf('status')] === '在库').length;
    const { book: stats } = await exportBook('reserves-stats', { from: '2026-01-01', to: '2026-11-20' });
    // 安明, 白华, 陈刚, 方丽 and, by now, 高峰.
    expect(inPool).toBe(5);
    expect(rowByLabel(stats, '后备人才培养情况统计表', '合计').total).toBe(inPool);
  });
});

describe('培训经费使用明细表', () => {
  it('lists each costed training of the period and totals to the 统计表 经费 to the 分', async () => {
    const { book } = await exportBook('reserves-funds', PERIOD);
    const detail = sheetByName(book, '明细').rows;
    const body = detail.filter((r) => typeof r[0] === 'number');
    // 04-10 示范培训班, 05-20 村务实务培训, 08-01 乡镇机关历练; the 2025 placement, the free 大专班 and the deleted class are out.
    expect(body.map((r) => r[1])).toEqual(['2026-04-10', '2026-05-20', '2026-08-01']);
    expect(body.map((r) => [r[8], r[9], r[10]])).toEqual([
      [3, 1000.01, 333.34],
      [2, 200, 100],
      [1, 300, 300],
    ]);
    const total = detail.find((r) => r[0] === '合计')!;
    expect(total[9]).toBe(1500.01);
    const { book: stats } = await exportBook('reserves-stats', PERIOD);
    expect(rowByLabel(stats, '后备人才培养情况统计表', '合计').funds).toBe(total[9]);
  });

  it('cross-tabulates 经费来源 × 经费科目 with row and column totals', async () => {
    const { book } = await exportBook('reserves-funds', PERIOD);
    const rows = sheetByName(book, '汇总').rows;
    const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1, 6);
    // Columns: 集中培训, 学历提升补助, 挂职补贴, 未填, 合计.
    expect(row('区县组织部专项经费')).toEqual([1000.01, 0, 0, 0, 1000.01]);
    expect(row('乡镇自筹')).toEqual([200, 0, 0, 0, 200]);
    expect(row('帮扶单位')).toEqual([0, 0, 300, 0, 300]);
    expect(row('合计')).toEqual([1200.01, 0, 300, 0, 1500.01]);
  });
});

describe('后备人才动态调整台账', () => {
  it('lists the period’s history lines by date, with 重新入库, 出库 reasons and the 任用 post', async () => {
    const { book } = await exportBook('reserves-changes', PERIOD);
    const rows = sheetByName(book, '后备人才动态调整台账').rows.filter((r) => typeof r[0] === 'number');
    // 安明, 白华, 陈刚: 推荐 考察 入库 (9); 邓强 +出库 (4); 方丽 +出库 +重新入库 (5); 高峰 推荐 考察 (2); 胡军 +任用 (4). 金鑫 removed.
    expect(rows).toHaveLength(24);
    const dates = rows.map((r) => String(r[1]));
    expect([...dates].sort()).toEqual(dates);
    expect(dates.every((d) => d >= '2026-01-01' && d <= '2026-09-30')).toBe(true);
    expect(rows.find((r) => r[4] === '重新入库')!.slice(1, 6)).toEqual(['2026-05-01', two.name, '方丽', '重新入库', '返乡后重新推荐']);
    expect(rows.find((r) => r[3] === '邓强' && r[4] === '出库')![5]).toBe('外出务工，不便履职');
    expect(rows.find((r) => r[4] === '任用')!.slice(3, 7)).toEqual(['胡军', '任用', null, '村委会委员']);
    expect(rows.filter((r) => r[3] === '方丽').map((r) => r[4])).toEqual(['推荐', '考察', '入库', '出库', '重新入库']);
  });
});

describe('一人一卡', () => {
  it('prints one card per picked reserve with the photo box, facts, trainings, affairs and assessments', async () => {
    const { book } = await exportBook('reserves-cards', { ids: [ids.hu, ids.an] });
    const sheet = sheetByName(book, '一人一卡');
    const all = text(book, '一人一卡');
    // Village order: 安明 (一村) first.
    expect(all.filter((t) => t.includes('（第 ') && t.includes(' 张，共 2 张）'))).toEqual([`${one.name}　安明（第 1 张，共 2 张）`, `${two.name}　胡军（第 2 张，共 2 张）`]);
    expect(all.filter((t) => t === '照片')).toHaveLength(2);
    expect(all.filter((t) => t.startsWith('填报人：'))).toHaveLength(2);
    // 安明: 防汛防火 on 06-15 and 环境卫生 on 10-10 (the card is not bound to a period).
    expect(all).toContain('共 2 次：环境卫生 1 次、防汛防火 1 次');
    expect(all).toContain('2026年第一季度');
    expect(all).toContain('已任用（村委会委员）');
    // 安明: the 2025 placement and both classes, but not the deleted one.
    expect(all).toContain('培养情况（共 3 次，48 学时）');
    expect(sheet.rows.flat()).toContain('1991-09-30');
    const meta = sheetByName(book, '_meta').rows;
    expect(meta.find((r) => r[0] === 'rowCount')![1]).toBe(2);
    expect(meta.find((r) => r[0] === 'reportId')![1]).toBe('reserves-cards');
  });

  it('refuses a picked reserve that was removed', async () => {
    await expect(host.invoke('reports.export', { reportId: 'reserves-cards', ids: [ids.an, ids.jin] })).rejects.toThrow(/不存在或已删除/);
  });

  it('prints every live reserve of the chosen village when nothing is picked', async () => {
    const { book } = await exportBook('reserves-cards', { unitIds: [two.id] });
    expect(text(book, '一人一卡').filter((t) => t === '照片')).toHaveLength(3);
  });
});

describe('ledger export --ids', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const files = new Map<string, Buffer>();
    const sink: Io = { out: (t) => out.push(t), err: (t) => err.push(t), writeFile: (p, d) => files.set(p, d), readFile: (p) => readFileSync(p) };
    return { sink, out, err, files };
  };

  it('fills the selection from the flag', async () => {
    const run = io();
    const target = join(dir, 'cards-cli.xlsx');
    const args = parseArgs(['export', 'reserves-cards', '--out', target, '--ids', `${ids.an},${ids.bai}`]);
    expect(await runCommand(host, 'export', ['reserves-cards'], args, run.sink)).toBe(0);
    expect(JSON.parse(run.out[0]!)).toMatchObject({ ok: true, rowCount: 2 });
  });

  it('refuses a value that is not a list of numbers, in Chinese', async () => {
    const run = io();
    const args = parseArgs(['export', 'reserves-cards', '--out', join(dir, 'x.xlsx'), '--ids', '1,abc']);
    expect(await runCommand(host, 'export', ['reserves-cards'], args, run.sink)).toBe(2);
    expect(run.err.join('')).toContain('--ids 应为用逗号分隔的记录编号');
    expect(run.files.size).toBe(0);
  });
});
