import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName, type PlainValue, type SheetData } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH, full } from '../helpers/members';

/** 2025-11-20: four people admitted this year, one in 2024, one 发展对象 waiting, one overdue talk. */
const NOW = () => new Date('2025-11-20T09:00:00+08:00');
const PERIOD = { from: '2025-01-01', to: '2025-11-20' };

/** The clean file admitted on 2024-05-20 and made 正式党员 in 2025. */
const PATH_2024 = CLEAN_PATH;

const shift = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/** The same path a year later: admitted 2025-05-20, sworn in 2025-07-01, now in the 预备期. */
const PATH_2025 = Object.fromEntries(
  Object.entries(PATH_2024)
    .filter(([no]) => Number(no) <= 20)
    .map(([no, step]) => [no, { ...step, date: shift(step.date as string, 1) }]),
) as Record<number, Record<string, unknown>>;

let host: LedgerHost;
let close: () => Promise<void>;
const units: Record<string, { unitId: number; branchId: number }> = {};
let seq = 0;

interface PersonSpec {
  name: string;
  birth: string;
  gender: '男' | '女';
  ethnicity: string;
  education: string;
  occupation: string;
  jobPost?: string;
  village: string;
  league?: string;
}

async function newFile(p: PersonSpec, applied: string, years = 0) {
  const { unitId, branchId } = units[p.village]!;
  const person = (await host.invoke('people.create', {
    name: p.name,
    idNumber: makeIdNumber(p.birth, p.gender, ++seq),
    ethnicity: p.ethnicity,
    education: p.education,
    occupation: p.occupation,
    jobPost: p.jobPost,
    unitId,
  })) as { id: number };
  const { id } = (await host.invoke('members.create', {
    personId: person.id,
    branchId,
    applicationDate: applied,
    leagueMember: !!p.league,
    leagueRecommendDate: p.league,
  })) as { id: number };
  // Only what has happened by NOW: a 考察 dated in the future is refused.
  const past = (dates: string[]) => dates.map((d) => shift(d, years)).filter((d) => d <= PERIOD.to);
  for (const date of past(['2023-08-30', '2024-02-28'])) await host.invoke('members.addPeriodic', { recordId: id, kind: '考察', date });
  for (const date of past(['2023-03-30', '2023-06-30', '2023-09-30', '2023-12-30', '2024-03-30'])) {
    await host.invoke('members.addPeriodic', { recordId: id, kind: '思想汇报', date });
  }
  return id;
}

async function walk(id: number, path: Record<number, Record<string, unknown>>, years: number, overrides: Record<number, Record<string, unknown>> = {}) {
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
}

const OVERRIDE = '经区委组织部批准提前确定为发展对象';

beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  for (const unit of (await host.invoke('org.listUnits', {})) as Unit[]) {
    const branch = (await host.invoke('org.addBranch', { unitId: unit.id, name: `${unit.name}党支部` })) as { id: number };
    units[unit.name] = { unitId: unit.id, branchId: branch.id };
  }
  const admitted2025: [PersonSpec, Record<number, Record<string, unknown>>?][] = [
    [{ name: '马晓东', birth: '1996-04-02', gender: '男', ethnicity: '03', education: '31', occupation: '农牧渔民', village: '多巴一村' }],
    [{ name: '韩雪莲', birth: '1999-01-01', gender: '女', ethnicity: '01', education: '61', occupation: '农牧渔民', jobPost: '外出务工经商人员', village: '多巴一村' }],
    // 积极分子 2024-03-01, 发展对象 2025-02-20: short of the year R09 asks, recorded with a 特殊情况说明.
    [{ name: '李强', birth: '1980-03-03', gender: '男', ethnicity: '01', education: '21', occupation: '工人（工勤技能人员）', village: '多巴二村' }, { 7: { date: '2025-02-20', overrideReason: OVERRIDE } }],
    [{ name: '卓玛', birth: '2001-06-01', gender: '女', ethnicity: '04', education: '21', occupation: '学生', village: '多巴金城社区', league: '2024-01-05' }],
  ];
  for (const [spec, overrides] of admitted2025) await walk(await newFile(spec, '2024-01-10', 1), PATH_2025, 1, overrides);
  const wang = { name: '王刚', birth: '1990-07-15', gender: '男', ethnicity: '01', education: '21', occupation: '企事业单位、社会组织管理人员', village: '多巴二村' } as const;
  await walk(await newFile(wang, '2023-01-10'), PATH_2024, 0);
  // A 发展对象 whose 政审 has a talk and a letter but no 结论 yet.
  const mali = await newFile({ name: '马丽', birth: '1995-10-10', gender: '女', ethnicity: '03', education: '31', occupation: '农牧渔民', village: '多巴一村' }, '2024-01-10', 1);
  await walk(mali, Object.fromEntries(Object.entries(PATH_2025).filter(([no]) => Number(no) <= 9)), 1);
  await host.invoke('members.saveReview', { recordId: mali, talkDate: '2025-03-08', talkBy: '王书记' });
  await host.invoke('members.addLetter', { recordId: mali, date: '2025-03-15', target: '湟中区某镇党委' });
  // Applied 2025-09-01: the talk was due by 2025-10-01 and is overdue.
  await newFile({ name: '赵敏', birth: '2000-02-02', gender: '女', ethnicity: '01', education: '21', occupation: '其他职业人员', village: '多巴二村' }, '2025-09-01', 2);
}, 60_000);

afterAll(() => close?.());

const STATS1 = '发展党员情况统计表（一）';
const STATS2 = '发展党员情况统计表（二）';
const kept = new Set<string>();

async function exportSheet(reportId: string, sheetName: string, params: Record<string, unknown> = {}) {
  const result = (await host.invoke('reports.export', { reportId, ...params })) as ExportResult;
  const buffer = Buffer.from(result.base64, 'base64');
  // MEMBER_REPORTS_OUT=dir keeps the first export of each report for looking at the print layout (LibreOffice → PDF → PNG).
  const out = process.env.MEMBER_REPORTS_OUT;
  if (out && !kept.has(reportId)) {
    kept.add(reportId);
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${reportId}.xlsx`), buffer);
  }
  return { result, sheet: sheetByName(await readWorkbook(buffer), sheetName) };
}

/** Data rows: after the header row whose first cell is `firstHeader` (plus its depth), up to the 合计 row. */
function body(sheet: SheetData, firstHeader: string, depth: number) {
  const top = sheet.rows.findIndex((r) => r[0] === firstHeader);
  const start = top + depth;
  const end = sheet.rows.findIndex((r, i) => i >= start && r.includes('合计'));
  return { headers: sheet.rows.slice(top, start), rows: sheet.rows.slice(start, end), totals: sheet.rows[end]! };
}

const col = (headers: PlainValue[][], label: string) => {
  for (const row of headers) {
    const i = row.indexOf(label);
    if (i >= 0) return i;
  }
  throw new Error(`no column ${label}`);
};

describe('发展党员 reports', () => {
  it('registers the seven reports with Chinese titles and their parameters', async () => {
    const list = (await host.invoke('reports.list', {})) as { id: string; title: string; params: string[] }[];
    expect(list.filter((r) => r.id.startsWith('members-')).map((r) => [r.id, r.title])).toEqual([
      ['members-stats', '发展党员情况统计表（一）'],
      ['members-stats-2', '发展党员情况统计表（二）'],
      ['members-roster', '发展党员花名册（全程纪实台账）'],
      ['members-review', '政治审查情况表'],
      ['members-reminders', '发展党员月度提醒清单'],
      ['members-compliance', '程序合规检查表'],
      ['members-dormant', '多年不发展党员的党支部'],
    ]);
    expect(list.find((r) => r.id === 'members-reminders')!.params).toEqual(['period', 'units']);
    expect(list.find((r) => r.id === 'members-roster')!.params).toEqual(['units', 'mask', 'paper']);
  });

  it('statistics table: totals are the sum of the occupation rows and match the 花名册 admitted in the period', async () => {
    const { sheet } = await exportSheet('members-stats', STATS1, PERIOD);
    expect(sheet.rows[0]![0]).toBe('发展党员情况统计表（一）');
    expect(sheet.rows[1]!.filter(Boolean)).toContain('统计时段：2025-01-01 至 2025-11-20');
    expect(sheet.merges).toEqual(expect.arrayContaining(['A3:A4', 'B3:B4', 'F3:K3', 'M3:R3']));
    const { headers, rows, totals } = body(sheet, '职业', 3);
    expect(headers[1]!.slice(5, 7)).toEqual(['25岁及以下', '26至30岁']);
    // The official form's furniture: 行次 beside the label, 35岁及以下 and 大专及以上 beside their blocks, and the 栏次 row.
    expect(headers[0]![1]).toBe('行次');
    expect(headers[0]![col(headers, '35岁及以下')]).toBe('35岁及以下');
    expect(col(headers, '35岁及以下')).toBe(col(headers, '60岁及以上') + 1);
    expect(col(headers, '大专及以上')).toBe(col(headers, '初中及以下') + 1);
    expect(headers[2]).toEqual(['甲', '乙', ...Array.from({ length: headers[2]!.length - 2 }, (_, i) => String(i + 1))]);
    expect(rows.map((r) => r[1])).toEqual(rows.map((_, i) => i + 1));
    expect(totals[1]).toBe(rows.length + 1);
    const labels = rows.map((r) => r[0]);
    expect(labels.slice(0, 3)).toEqual(['工人（工勤技能人员）', '农牧渔民', '　其中：外出务工经商人员']);
    const counted = rows.filter((r) => !String(r[0]).includes('其中'));
    for (let c = 2; c < totals.length; c++) {
      expect(totals[c], `column ${c}`).toBe(counted.reduce((a, r) => a + Number(r[c] ?? 0), 0));
    }
    const row = (label: string) => rows.find((r) => r[0] === label)!;
    expect(row('农牧渔民').slice(2, 5)).toEqual([2, 1, 1]);
    expect(row('　其中：外出务工经商人员')[2]).toBe(1);
    // 总数 4, 女 2, 少数民族 2 (回族, 藏族); ages at P (2025-06-10) 29, 26, 45, 24.
    expect(totals.slice(2, 11)).toEqual([4, 2, 2, 1, 2, 0, 0, 1, 0]);
    expect(totals[col(headers, '35岁及以下')]).toBe(3);
    // 大专 (马晓东), 本科 (李强, 卓玛); 韩雪莲's 高中 is not.
    expect(totals[col(headers, '大专及以上')]).toBe(3);
    const notes = sheet.rows.slice(sheet.rows.indexOf(totals) + 1).flat();
    expect(notes.some((v) => typeof v === 'string' && v.startsWith('注：1. 按上级党委审批日期（节点17）统计'))).toBe(true);

    const roster = await exportSheet('members-roster', '发展党员花名册');
    const table = body(roster.sheet, '序号', 2);
    const p = col(table.headers, '17 上级党委审批');
    const admitted = table.rows.filter((r) => typeof r[p] === 'string' && r[p] >= PERIOD.from && r[p] <= PERIOD.to);
    expect(admitted.length).toBe(totals[2]);
  });

  it('statistics table defaults to 1 January of this year up to today', async () => {
    const { sheet } = await exportSheet('members-stats', STATS1);
    expect(sheet.rows[1]!.filter(Boolean)).toContain('统计时段：2025-01-01 至 2025-11-20');
    const outOfPeriod = await exportSheet('members-stats', STATS1, { from: '2024-01-01', to: '2024-12-31' });
    expect(body(outOfPeriod.sheet, '职业', 3).totals[2]).toBe(1);
  });

  it('发展党员情况统计表（二）: one row per village, totals the sum of the rows, 35岁及以下 share against 80%', async () => {
    const { sheet } = await exportSheet('members-stats-2', STATS2, PERIOD);
    const { headers, rows, totals } = body(sheet, '序号', 3);
    expect(headers[2]!.slice(0, 4)).toEqual(['甲', '乙', '1', '2']);
    expect(rows.map((r) => r[1])).toEqual(['多巴一村', '多巴二村', '多巴金城社区']);
    for (const label of ['发展党员总数', '生产工作一线', '建制村', '社区及其他', '人数', '其中：推优']) {
      const c = col(headers, label);
      expect(totals[c], label).toBe(rows.reduce((a, r) => a + Number(r[c] ?? 0), 0));
    }
    expect(totals[col(headers, '发展党员总数')]).toBe(4);
    expect(totals[col(headers, '建制村')]).toBe(3);
    expect(totals[col(headers, '社区及其他')]).toBe(1);
    expect(totals[col(headers, '其中：推优')]).toBe(1);
    expect(totals[col(headers, '占比')]).toBe(0.75);
    expect(totals[col(headers, '是否达到80%')]).toBe('否');
  });

  it('花名册: one row per file with every step date, masked ID numbers, the 政审 result and the 特殊情况说明', async () => {
    const { sheet, result } = await exportSheet('members-roster', '发展党员花名册');
    expect(result.rowCount).toBe(7);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A3:A4', 'D3:D4']));
    const { headers, rows, totals } = body(sheet, '序号', 2);
    expect(headers[0]).toContain('一、申请入党');
    expect(headers[0]).toContain('五、预备党员的教育考察和转正');
    const ma = rows.find((r) => r[col(headers, '姓名')] === '马晓东')!;
    expect(ma[col(headers, '1 递交入党申请书')]).toBe('2024-01-10');
    expect(ma[col(headers, '7 确定发展对象')]).toBe('2025-03-01');
    expect(ma[col(headers, '20 入党宣誓')]).toBe('2025-07-01');
    expect(ma[col(headers, '23 支部大会讨论')]).toBeNull();
    expect(ma[col(headers, '结论')]).toBe('合格');
    expect(ma[col(headers, '预备期满日期')]).toBe('2026-05-19');
    expect(ma[col(headers, '公民身份号码')]).toMatch(/\*/);
    const li = rows.find((r) => r[col(headers, '姓名')] === '李强')!;
    expect(li[col(headers, '特殊情况说明')]).toBe(`第7节点：${OVERRIDE}`);
    expect(Number(li[col(headers, '违规数')])).toBeGreaterThan(0);
    expect(totals[col(headers, '姓名')]).toBe('7 人');

    const unmasked = await exportSheet('members-roster', '发展党员花名册', { maskIdNumbers: false, unitIds: [units['多巴一村']!.unitId] });
    const one = body(unmasked.sheet, '序号', 2);
    expect(one.rows.map((r) => r[col(one.headers, '姓名')])).toEqual(['马晓东', '韩雪莲', '马丽']);
    expect(one.rows[0]![col(one.headers, '公民身份号码')]).toMatch(/^630122199604\d{5}[\dX]$/);
  });

  it('政治审查情况表 lists every 发展对象 with 谈、报、审、定', async () => {
    const { sheet } = await exportSheet('members-review', '政治审查情况表');
    const { headers, rows } = body(sheet, '序号', 2);
    expect(rows.map((r) => r[1])).toEqual(['马晓东', '韩雪莲', '马丽', '李强', '王刚', '卓玛']);
    const ma = rows.find((r) => r[1] === '马晓东')!;
    expect([ma[col(headers, '函调次数')], ma[col(headers, '最后函调日期')], ma[col(headers, '签署人')]]).toEqual([1, '2025-03-10', '张明']);
    expect(ma[col(headers, '结论是否晚于全部函调')]).toBe('是');
    const mali = rows.find((r) => r[1] === '马丽')!;
    expect([mali[col(headers, '谈话人')], mali[col(headers, '结论')], mali[col(headers, '结论是否晚于全部函调')]]).toEqual(['王书记', '未作结论', '—']);
  });

  it('月度提醒清单 puts the overdue talk first', async () => {
    const { sheet } = await exportSheet('members-reminders', '发展党员月度提醒清单');
    expect(sheet.rows[1]!.filter(Boolean)).toContain('统计时段：2025年11月');
    const { headers, rows } = body(sheet, '序号', 1);
    expect(headers[0]!.slice(1, 9)).toEqual(['村（社区）', '党支部', '姓名', '事项（流程节点）', '提醒内容', '当前状态', '截止日期', '剩余天数']);
    expect(rows[0]!.slice(1, 5)).toEqual(['多巴二村', '多巴二村党支部', '赵敏', '第2节点 党组织派人谈话']);
    expect(rows[0]!.slice(6, 9)).toEqual(['逾期', '2025-10-01', -50]);
    expect(rows.slice(1).every((r) => r[6] !== '逾期')).toBe(true);
  });

  it('月度提醒清单 for a month leaves out what falls due later, and takes another month when asked', async () => {
    const november = body((await exportSheet('members-reminders', '发展党员月度提醒清单')).sheet, '序号', 1).rows;
    expect(november.every((r) => String(r[7]) <= '2025-11-30')).toBe(true);
    // The four 预备期 ending 2026-05-19 belong to May 2026's list, not November's.
    const may = await exportSheet('members-reminders', '发展党员月度提醒清单', { from: '2026-05-01', to: '2026-05-31' });
    expect(may.sheet.rows[1]!.filter(Boolean)).toContain('统计时段：2026年5月');
    const mayRows = body(may.sheet, '序号', 1).rows;
    expect(mayRows.map((r) => [r[3], r[7]])).toEqual([
      ['赵敏', '2025-10-01'],
      ['马晓东', '2026-05-19'],
      ['韩雪莲', '2026-05-19'],
      ['李强', '2026-05-19'],
      ['卓玛', '2026-05-19'],
    ]);
    expect(november.map((r) => r[3])).not.toContain('马晓东');
  });

  it('程序合规检查表 lists the overridden violation with its 特殊情况说明', async () => {
    const { sheet } = await exportSheet('members-compliance', '程序合规检查表');
    const { headers, rows } = body(sheet, '序号', 1);
    const r09 = rows.find((r) => r[col(headers, '姓名')] === '李强' && r[col(headers, '规则编号')] === 'R09')!;
    expect(r09[col(headers, '级别')]).toBe('错误');
    expect(r09[col(headers, '流程节点')]).toBe('第7节点 确定发展对象');
    expect(r09[col(headers, '特殊情况说明')]).toBe(OVERRIDE);
    expect(r09[col(headers, '相关日期')]).toContain('确定发展对象日期 2025-02-20');
    const zhao = rows.find((r) => r[col(headers, '姓名')] === '赵敏' && r[col(headers, '规则编号')] === 'R02');
    expect(zhao).toBeDefined();
  });
});
