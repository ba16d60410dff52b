/**
 * 汇总 (issue 12 §4) on a hand-built fixture, asserted against figures worked out by hand below, then against the
 * module reports' own `_data` for the same period. Today is 2026-11-20; the period is 2026-01-01 至 2026-11-20.
 *
 * 发展党员 (the clean path of tests/helpers/members, shifted by whole years):
 *   马晓东 (b. 1996-04-02), 李强 (1980-03-03), 卓玛 (1991-06-10), 韩雪 (1990-06-11): applied 2025-01-10, 积极分子
 *     2025-03-01, 发展对象 2026-03-01, 支部大会 2026-05-20, 上级党委审批 (P) 2026-06-10. Ages at P: 30, 46, 35 (her
 *     birthday), 35 (36 the next day, so 36 today: age at P counts) → 35岁及以下 = 3.
 *   周平 (1985-01-01): 支部大会 2025-12-10 but P 2026-01-15 → admitted in 2026 (P counts, not the vote); 41 at P.
 *   → 新接收预备党员 5, of whom 35岁及以下 3: 3 / 5 = 60%.
 *   王刚: admitted 2025, 转正 approved (节点24) 2026-06-10 → 转正 1.
 *   马丽: 发展对象 2026-03-01 (no further) → 发展对象 in the period: 4 + 马丽 = 5 (周平's was 2025-03-01).
 *   孙悦: applied 2026-01-10, 积极分子 2026-03-01. 赵敏: applied 2026-09-01, talk overdue since 2026-10-01.
 *   → applications 2 (孙悦, 赵敏), 积极分子 1 (孙悦); in progress: all but 王刚 = 8.
 * 后备人才: 安明 (外出务工经商人员), 白华 (返乡大学生), 方丽 (返乡大学生): 在库; 陈刚 (退役军人): 出库 2026-06-01;
 *   胡军 (其他优秀人才): 任用 2026-08-01; 高峰 (外出务工经商人员): 考察 only. → pool 3 (外出 1, 返乡大学生 2).
 *   2026 trainings: 入企挂职 安明 (500.00 元); 乡镇机关历练 白华 + 胡军 (no cost); 大专班 方丽 (3,000.00); 集中培训
 *   安明 + 白华 + 方丽 + 陈刚 (10,000.01). 2025: 入企挂职 方丽 (999.00, not counted). A deleted class: nowhere.
 *   → trained 5 people; by type 1 / 2 / 1 / 4; funds 50,000 + 300,000 + 1,000,001 分 = 13,500.01 元 (1.35 万元).
 * 服务中心: 一村 改扩建 1,234,567.89 元, 竣工验收 2026-09-05 and 投入使用 2026-11-05 (已投用); 二村 新建 500,000 元,
 *   开工 24 days late, open 竣工验收 (滞后); 社区 维修 100,000.01 元, 竣工验收 2026-06-01 (已完工).
 *   → 3 centres; completed in the period 2 (一村, 社区), of them 新建或改扩建 1 (一村); invested 183,456,790 分 =
 *   183.45679 万元; allocated 617,283.95 + 200,000 = 817,283.95 元; paid 300,000.50 元 (30.00005 万元).
 * People: 9 in 发展党员 files + 6 reserves = 15.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName, type PlainValue, type WorkbookData } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import type { SummaryOut } from '../../core/summary/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH } from '../helpers/members';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');
const PERIOD = { from: '2026-01-01', to: '2026-11-20' };

let host: LedgerHost;
let close: () => Promise<void>;
let seq = 0;
const units: Record<string, { unitId: number; branchId: number }> = {};

const shift = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
const pathUpTo = (last: number, years: number) =>
  Object.fromEntries(
    Object.entries(CLEAN_PATH)
      .filter(([no]) => Number(no) <= last)
      .map(([no, step]) => [no, { ...step, date: shift(step.date as string, years) }]),
  ) as Record<number, Record<string, unknown>>;

async function person(name: string, birth: string, unit: string, gender: '男' | '女' = '男') {
  return (await host.invoke('people.create', { name, idNumber: makeIdNumber(birth, gender, ++seq), ethnicity: '01', education: '21', occupation: '农牧渔民', unitId: units[unit]!.unitId })) as {
    id: number;
  };
}

/** A 发展档案 walked along the clean path `years` later, up to step `last`, with the reviews and reports it needs. */
async function file(name: string, birth: string, years: number, last: number, overrides: Record<number, Record<string, unknown>> = {}, gender: '男' | '女' = '男') {
  const p = await person(name, birth, '多巴一村', gender);
  const { id } = (await host.invoke('members.create', { personId: p.id, branchId: units['多巴一村']!.branchId, applicationDate: shift('2023-01-10', years) })) as { id: number };
  const past = (dates: string[]) => dates.map((d) => shift(d, years)).filter((d) => d <= PERIOD.to);
  if (last >= 3) for (const date of past(['2023-08-30', '2024-02-28'])) await host.invoke('members.addPeriodic', { recordId: id, kind: '考察', date });
  if (last >= 3) for (const date of past(['2023-03-30', '2023-06-30', '2023-09-30', '2023-12-30', '2024-03-30'])) await host.invoke('members.addPeriodic', { recordId: id, kind: '思想汇报', date });
  const path = pathUpTo(last, years);
  for (const no of Object.keys(path).map(Number)) {
    if (no === 10) {
      await host.invoke('members.addLetter', { recordId: id, date: shift('2024-03-10', years), target: '西宁市城北区某街道党工委' });
      await host.invoke('members.saveReview', {
        recordId: id,
        talkDate: shift('2024-03-08', years),
        talkBy: '王书记',
        reportDate: shift('2024-03-09', years),
        reportMaterials: '本人自传、政审材料',
        examDate: shift('2024-03-12', years),
        conclusionResult: '合格',
        conclusionDate: shift('2024-04-01', years),
        conclusionSigner: '张明',
      });
    }
    await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...path[no], ...overrides[no] });
  }
  return id;
}

async function reserve(name: string, birth: string, unit: string, source: string, extra: Record<string, unknown> = {}) {
  const p = await person(name, birth, unit);
  const r = (await host.invoke('reserves.create', {
    personId: p.id,
    unitId: units[unit]!.unitId,
    postDirection: '两委委员后备',
    source,
    nominationMethod: '组织推荐',
    nominatedOn: '2026-01-05',
    villageReviewOn: '2026-01-20',
    townReviewOn: '2026-02-10',
    mentorName: '马书记',
    ...extra,
  })) as { id: number };
  return r.id;
}

const milestones = (dates: [string, string, string, string]) => ['方案设计', '开工', '竣工验收', '投入使用'].map((name, i) => ({ seq: i + 1, name, plannedOn: dates[i]! }));

beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  for (const unit of (await host.invoke('org.listUnits', {})) as Unit[]) {
    const branch = (await host.invoke('org.addBranch', { unitId: unit.id, name: `${unit.name}党支部` })) as { id: number };
    units[unit.name] = { unitId: unit.id, branchId: branch.id };
  }
  // 发展党员
  await file('马晓东', '1996-04-02', 2, 20);
  await file('李强', '1980-03-03', 2, 20);
  await file('卓玛', '1991-06-10', 2, 20, {}, '女');
  await file('韩雪', '1990-06-11', 2, 20, {}, '女');
  await file('周平', '1985-01-01', 1, 20, {
    12: { date: '2025-11-20' },
    13: { date: '2025-11-25' },
    14: { date: '2025-11-28' },
    15: { date: '2025-12-10', meeting: CLEAN_PATH[15]!.meeting },
    16: { date: '2025-12-20', people: CLEAN_PATH[16]!.people },
    17: { date: '2026-01-15' },
    18: { date: '2026-01-20' },
    19: { date: '2026-01-21' },
    20: { date: '2026-02-01' },
  });
  await file('王刚', '1990-07-15', 1, 25);
  await file('马丽', '1995-10-10', 2, 9);
  await file('孙悦', '1998-08-08', 3, 6, {}, '女');
  const zhao = await person('赵敏', '2000-02-02', '多巴二村', '女');
  await host.invoke('members.create', { personId: zhao.id, branchId: units['多巴二村']!.branchId, applicationDate: '2026-09-01' });

  // 后备人才
  const an = await reserve('安明', '1991-09-30', '多巴一村', '外出务工经商人员');
  const bai = await reserve('白华', '1990-09-30', '多巴一村', '返乡大学生');
  const chen = await reserve('陈刚', '1985-10-01', '多巴一村', '退役军人');
  const fang = await reserve('方丽', '1981-09-30', '多巴二村', '返乡大学生');
  const hu = await reserve('胡军', '1988-03-03', '多巴二村', '其他优秀人才');
  await reserve('高峰', '1996-05-05', '多巴二村', '外出务工经商人员', { nominatedOn: '2026-08-01', villageReviewOn: '2026-09-01', townReviewOn: null });
  await host.invoke('reserves.changeStatus', { reserveId: chen, kind: '出库', date: '2026-06-01', reason: '外出务工，不便履职' });
  await host.invoke('reserves.changeStatus', { reserveId: hu, kind: '任用', date: '2026-08-01', post: '村委会委员' });
  const training = (t: Record<string, unknown>) => host.invoke('reserves.addTraining', { hours: 8, ...t }) as Promise<{ id: number }>;
  await training({ type: '入企挂职', host: '青海某公司', startOn: '2026-03-01', costFen: 50000, fundingSource: '乡镇自筹', costItem: '挂职补贴', reserveIds: [an] });
  await training({ type: '乡镇机关历练', host: '镇党政办', startOn: '2026-04-01', reserveIds: [bai, hu] });
  await training({ type: '大专班', title: '2026级大专班', startOn: '2026-09-01', costFen: 300000, fundingSource: '区县组织部专项经费', costItem: '学历提升补助', reserveIds: [fang] });
  await training({ type: '集中培训', title: '示范培训班', startOn: '2026-05-10', hours: 32, costFen: 1000001, fundingSource: '区县组织部专项经费', costItem: '集中培训', reserveIds: [an, bai, fang, chen] });
  await training({ type: '入企挂职', startOn: '2025-12-01', costFen: 99900, fundingSource: '乡镇自筹', costItem: '挂职补贴', reserveIds: [fang] });
  const gone = await training({ type: '集中培训', startOn: '2026-06-01', costFen: 999, fundingSource: '乡镇自筹', costItem: '集中培训', reserveIds: [bai] });
  await host.invoke('reserves.removeTraining', { id: gone.id });

  // 服务中心
  const create = async (input: Record<string, unknown>) => ((await host.invoke('centres.create', input)) as { id: number }).id;
  const a = await create({
    unitId: units['多巴一村']!.unitId,
    renovationType: '改扩建',
    currentArea: 150,
    targetArea: 260,
    requiredOn: '2026-09-30',
    totalFen: 123456789,
    funds: [
      { source: '上级补助', fen: 61728395 },
      { source: '村集体', fen: 61728394 },
    ],
    milestones: milestones(['2026-03-01', '2026-05-01', '2026-09-01', '2026-09-30']),
  });
  const b = await create({
    unitId: units['多巴二村']!.unitId,
    renovationType: '新建',
    targetArea: 300,
    requiredOn: '2026-12-31',
    totalFen: 50000000,
    funds: [{ source: '上级补助', fen: 50000000 }],
    milestones: milestones(['2026-06-01', '2026-08-01', '2026-11-10', '2026-12-31']),
  });
  const c = await create({
    unitId: units['多巴金城社区']!.unitId,
    renovationType: '维修',
    currentArea: 320,
    targetArea: 350,
    requiredOn: '2026-07-31',
    totalFen: 10000001,
    funds: [{ source: '镇配套', fen: 10000001 }],
    milestones: milestones(['2026-03-01', '2026-04-01', '2026-06-01', '2026-07-31']),
  });
  const done = (centreId: number, seq: number, actualOn: string) => host.invoke('centres.recordMilestone', { centreId, seq, actualOn });
  for (const [s, on] of [[1, '2026-02-27'], [2, '2026-05-10'], [3, '2026-09-05'], [4, '2026-11-05']] as const) await done(a, s, on);
  await done(b, 1, '2026-06-01');
  await done(b, 2, '2026-08-25');
  for (const [s, on] of [[1, '2026-03-01'], [2, '2026-04-01'], [3, '2026-06-01']] as const) await done(c, s, on);
  const money = (centreId: number, kind: string, source: string, date: string, amountFen: number) => host.invoke('centres.addMoney', { centreId, kind, source, date, amountFen });
  await money(a, '下拨', '上级补助', '2026-05-10', 61728395);
  await money(a, '支付', '上级补助', '2026-06-01', 30000050);
  await money(b, '下拨', '上级补助', '2026-10-01', 20000000);
}, 120_000);

afterAll(() => close?.());

async function exportBook(reportId: string, input: Record<string, unknown> = PERIOD): Promise<WorkbookData> {
  const result = (await host.invoke('reports.export', { reportId, ...input })) as ExportResult;
  const buffer = Buffer.from(result.base64, 'base64');
  // SUMMARY_OUT=dir keeps the files for a look at the print layout (LibreOffice → PDF → PNG).
  const out = process.env.SUMMARY_OUT;
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${reportId}.xlsx`), buffer);
  }
  return readWorkbook(buffer);
}

/** `_data` as records keyed by its header row. */
function records(book: WorkbookData): Record<string, PlainValue>[] {
  const [keys, ...rows] = sheetByName(book, '_data').rows;
  return rows.map((r) => Object.fromEntries(keys!.map((k, i) => [String(k), r[i] ?? null])));
}

const sum = (rows: Record<string, PlainValue>[], key: string) => rows.reduce((s, r) => s + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);

let summary: SummaryOut;
const value = (key: string) => {
  const f = summary.figures.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f.value;
};

describe('汇总 figures', () => {
  beforeAll(async () => {
    summary = (await host.invoke('summary.figures', {})) as SummaryOut;
  });

  it('defaults to 1 January to today, as the statistics reports do', () => {
    expect(summary.period).toEqual({ ...PERIOD, text: '2026-01-01 至 2026-11-20' });
    expect(summary.asOf).toBe('2026-11-20');
  });

  it('counts 发展党员 by the step dates in the period, new members by 上级党委审批 (节点17) with ages at that date', () => {
    expect(value('people.total')).toBe(15);
    expect(value('people.units')).toBe(3);
    expect(value('members.applied')).toBe(2);
    expect(value('members.activists')).toBe(1);
    expect(value('members.candidates')).toBe(5);
    expect(value('members.admitted')).toBe(5);
    expect(value('members.youth')).toBe(3);
    expect(value('members.youthShare')).toBeCloseTo(0.6, 10);
    expect(value('members.confirmed')).toBe(1);
    expect(value('members.active')).toBe(8);
  });

  it('agrees with 首页 on the overdue and problem files', async () => {
    const o = (await host.invoke('members.overview', {})) as { overdue: number; problems: number };
    expect(o.overdue).toBeGreaterThanOrEqual(1); // 赵敏's talk at least
    expect(value('members.overdue')).toBe(o.overdue);
    expect(value('members.problems')).toBe(o.problems);
  });

  it('counts the reserve pool at the period end, by source and status, the people trained and the funds to the 分', () => {
    expect(value('reserves.pool')).toBe(3);
    expect([0, 1, 2, 3, 4].map((i) => value(`reserves.source.${i}`))).toEqual([1, 2, 0, 0, 0]);
    expect(['推荐', '考察', '已任用', '出库'].map((s) => value(`reserves.status.${s}`))).toEqual([0, 1, 1, 1]);
    expect(value('reserves.trained')).toBe(5);
    expect([0, 1, 2, 3].map((i) => value(`reserves.training.${i}`))).toEqual([1, 2, 1, 4]);
    expect(value('reserves.funds')).toBe(13500.01);
  });

  it('counts centres by status, those finished in the period, and the money in 万元', () => {
    expect(value('centres.total')).toBe(3);
    expect(value('centres.status.已投用')).toBe(1);
    expect(value('centres.status.已完工')).toBe(1);
    expect(value('centres.status.滞后')).toBe(1);
    expect(value('centres.completed')).toBe(2);
    expect(value('centres.built')).toBe(1);
    expect(value('centres.invested')).toBeCloseTo(183.45679, 9);
    expect(value('centres.allocated')).toBeCloseTo(81.728395, 9);
    expect(value('centres.paid')).toBeCloseTo(30.00005, 9);
  });

  it('links each figure to the list filtered to the same records', async () => {
    const link = (key: string) => summary.figures.find((f) => f.key === key)!.link!;
    expect(link('members.admitted')).toBe('/members?step=17&stepFrom=2026-01-01&stepTo=2026-11-20');
    // The list behind the link holds exactly the figure's files.
    const listed = (await host.invoke('members.list', { stepNo: 17, stepFrom: PERIOD.from, stepTo: PERIOD.to, pageSize: 100 })) as { total: number; items: { personName: string }[] };
    expect(listed.total).toBe(5);
    expect(listed.items.map((i) => i.personName).sort()).toEqual(['卓玛', '周平', '李强', '韩雪', '马晓东'].sort());
    const applied = (await host.invoke('members.list', { stepNo: 1, stepFrom: PERIOD.from, stepTo: PERIOD.to })) as { total: number };
    expect(applied.total).toBe(value('members.applied'));
    expect(decodeURIComponent(link('reserves.source.1'))).toBe('/reserves?status=在库&source=返乡大学生');
    const pool = (await host.invoke('reserves.list', { status: '在库', source: '返乡大学生' })) as { total: number };
    expect(pool.total).toBe(2);
    expect(decodeURIComponent(link('centres.status.滞后'))).toBe('/centres?status=滞后');
    for (const f of summary.figures) expect(f.basis.length, f.key).toBeGreaterThan(8);
  });

  it('words the year-end sentences with exactly those numbers', () => {
    expect(summary.sentences.map((s) => s.text)).toEqual([
      '储备村级后备干部3名，其中外出务工经商人员1名、返乡大学生2名。',
      '选派后备干部1名入企挂职、2名赴乡镇机关历练、1名报读大专班。',
      '组织4名后备干部参加集中培训，投入培训经费1.35万元。',
      '完成2个村级综合服务中心改造升级，其中新建或改扩建1个；3个改造项目计划总投资183.46万元，已支付30万元。',
      '发展党员5名，其中35岁及以下3名，占60%。',
    ]);
  });

  it('takes the period it is given', async () => {
    const last = (await host.invoke('summary.figures', { from: '2025-01-01', to: '2025-12-31' })) as SummaryOut;
    const v = (k: string) => last.figures.find((f) => f.key === k)!.value;
    // 2025: 王刚's approval only (周平 was voted on in 2025 but approved in 2026); 李强 and co. became 积极分子.
    expect(v('members.admitted')).toBe(1);
    expect(v('members.activists')).toBe(5);
    expect(v('reserves.pool')).toBe(0);
    expect(v('reserves.funds')).toBe(999);
    await expect(host.invoke('summary.figures', { from: '2026-02-01', to: '2026-01-01' })).rejects.toThrow(/开始日期不能晚于结束日期/);
  });
});

describe('汇总 report', () => {
  it('is in the catalogue and carries every figure and sentence in _data', async () => {
    const list = (await host.invoke('reports.list', {})) as { id: string; title: string; params: string[] }[];
    expect(list.find((r) => r.id === 'summary')).toMatchObject({ title: '基层党建工作汇总表', params: ['period'] });
    const book = await exportBook('summary');
    expect(book.sheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual(['汇总', '年度工作总结数据']);
    const rows = records(book);
    const main = rows.filter((r) => r.sheet === '汇总');
    expect(main.map((r) => r.key)).toEqual(summary.figures.map((f) => f.key));
    for (const r of main) expect(r.value, String(r.key)).toBeCloseTo(value(String(r.key)), 9);
    // "其中" rows are marked, so a district summing the sheet does not count them twice.
    expect(main.find((r) => r.key === 'members.youth')!.subsetOf).toBe('新接收预备党员');
    const year = rows.filter((r) => r.sheet === '年度工作总结数据');
    expect(year.filter((r) => r.sentence).map((r) => r.sentence)).toEqual(summary.sentences.map((s) => s.text));
    expect(year.find((r) => r.key === 'reserves.funds')).toMatchObject({ sentenceKey: 'reserves.training', value: 13500.01, valueText: '13,500.01' });

    const printed = sheetByName(book, '汇总').rows;
    expect(printed[0]![0]).toBe('基层党建工作汇总表');
    expect(printed.some((r) => r.includes('说明/口径'))).toBe(true);
    expect(printed.flat().some((c) => String(c ?? '').includes('填报人'))).toBe(true);
  });

  it('agrees with the module reports of the same period', async () => {
    const stats2 = records(await exportBook('members-stats-2'));
    expect(sum(stats2, 'total')).toBe(value('members.admitted'));
    expect(sum(stats2, 'youth')).toBe(value('members.youth'));
    const reserves = records(await exportBook('reserves-stats'));
    expect(sum(reserves, 'total')).toBe(value('reserves.pool'));
    expect(sum(reserves, 'source1')).toBe(value('reserves.source.1'));
    expect(sum(reserves, 'trainPeople3')).toBe(value('reserves.training.3'));
    expect(sum(reserves, 'funds')).toBeCloseTo(value('reserves.funds'), 6);
    const venues = records(await exportBook('centres-party-stats'));
    expect(venues.find((r) => r.code === 'builtThisYear')!.count).toBe(value('centres.built'));
    const progress = records(await exportBook('centres-progress', {}));
    expect(progress).toHaveLength(value('centres.total'));
    expect(sum(progress, 'totalFen')).toBe(183456790);
  });
});
