/**
 * 发展党员情况统计表（一）, after 党内统计 发展党员情况（一）: the people approved as 预备党员 by the 上级党委
 * (P, 节点17) in the period, by 职业, with 女 / 少数民族 / age at P / 学历 group, and the 行次 and 栏次 numbers of
 * the printed form.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { EDUCATION_GROUPS, OCCUPATIONS, educationGroup } from '../../people/codes';
import { reportMeta, reportPeriod } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { AGE_BANDS, COUNT_BASIS, admissionIndicators, admittedIn, isCollegeOrAbove } from '../indicators';
import type { Judged } from '../query';
import type { MemberRecord } from '../record';
import { MODULE, columnNumbers, judgedApprovedIn } from './common';

export const STATS_ID = 'members-stats';
const TITLE = '发展党员情况统计表（一）';

/** The finer post the 党内统计 form breaks out of 农牧渔民. */
export const MIGRANT_POST = '外出务工经商人员';
/** Full-width spaces indent a 其中 row the way the printed form does. */
export const MIGRANT_LABEL = `　其中：${MIGRANT_POST}`;
export const UNKNOWN_OCCUPATION = '职业未填写';

/** Wide enough for the longest header ("25岁及以下", "初中及以下") on one line: a break inside "26至30岁" misreads. */
const num = (key: string, header: string | string[], width = 11): ReportColumn => ({ key, header, type: 'int', width, align: 'center' });

const COLUMNS: ReportColumn[] = [
  { key: 'label', header: '职业', width: 34 },
  { key: 'lineNo', header: '行次', type: 'int', width: 6, align: 'center' },
  num('total', '总数', 7),
  num('female', '女', 7),
  num('minority', '少数民族', 10),
  ...AGE_BANDS.map((band, i) => num(`age${i}`, ['年龄（按审批时）', band])),
  // Beside the bands, as the 35岁及以下 indicator is read off the form; it overlaps the bands, so it is no band.
  num('youth', '35岁及以下', 11),
  ...EDUCATION_GROUPS.map((group, i) => num(`edu${i}`, ['学历', group])),
  num('college', '大专及以上', 11),
];

type Row = Record<string, CellInput>;

function countRow(label: string, records: MemberRecord[], period: { from: string; to: string }): Row {
  const ind = admissionIndicators(records, period);
  const row: Row = { label, total: ind.total, female: ind.female.count, minority: ind.minority.count, youth: ind.youth.count, college: ind.collegeOrAbove.count };
  AGE_BANDS.forEach((band, i) => (row[`age${i}`] = ind.ageBands[band]));
  EDUCATION_GROUPS.forEach((group, i) => (row[`edu${i}`] = records.filter((r) => educationGroup(r.person.education) === group).length));
  return row;
}

export interface StatsTable {
  rows: Row[];
  /** The 合计 row: the sum of the occupation rows, the 其中 row left out as on the printed form. */
  totals: Row;
  admitted: number;
  /** Approved people without a birth date: in the 总数, in no age column. */
  unknownAge: number;
}

export function statsTable(judged: Judged[], period: { from: string; to: string }): StatsTable {
  const admittedSet = new Set(admittedIn(judged.map((j) => j.record), period.from, period.to));
  const admitted = judged.filter((j) => admittedSet.has(j.record));
  const known = new Set<string>(OCCUPATIONS);
  const rows: Row[] = [];
  for (const occupation of OCCUPATIONS) {
    const group = admitted.filter((j) => j.loaded.person.occupation === occupation);
    rows.push(countRow(occupation, group.map((j) => j.record), period));
    if (occupation === '农牧渔民') {
      const migrants = group.filter((j) => j.loaded.person.jobPost?.trim() === MIGRANT_POST);
      rows.push(countRow(MIGRANT_LABEL, migrants.map((j) => j.record), period));
    }
  }
  // Without this row the 合计 would fall short of the people actually admitted.
  const unknown = admitted.filter((j) => !known.has(j.loaded.person.occupation ?? ''));
  if (unknown.length) rows.push(countRow(UNKNOWN_OCCUPATION, unknown.map((j) => j.record), period));
  rows.forEach((r, i) => (r.lineNo = i + 1));
  const totals = { ...countRow('合计', admitted.map((j) => j.record), period), lineNo: rows.length + 1 };
  const unknownAge = admissionIndicators(admitted.map((j) => j.record), period).unknownAge;
  return { rows, totals, admitted: admitted.length, unknownAge };
}

/** The 注 lines under both 统计表: which date counts, and how ages and 其中 rows read. */
export function statsNotes(extra: string[] = []): string[] {
  const lines = [`${COUNT_BASIS}：统计时段内经上级党委审批接收为预备党员的人员，支部大会已讨论但尚未审批的不计入；年龄按审批之日计算。`, ...extra];
  return lines.map((text, i) => `${i === 0 ? '注：' : '　　'}${i + 1}. ${text}`);
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const period = reportPeriod(ctx, params);
  const table = statsTable(judgedApprovedIn(ctx, params, period), period);
  const { label: _label, ...totalValues } = table.totals;
  const extra = ['“其中”行是上一行的一部分，不计入合计；“35岁及以下”“大专及以上”两栏分别包含在年龄、学历各栏之中。'];
  if (table.unknownAge) extra.push(`有 ${table.unknownAge} 人未填出生日期，计入总数，未计入年龄各栏。`);
  const buffer = await buildReport(reportMeta(ctx, STATS_ID, period.text), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: COLUMNS,
      columnNumbers: columnNumbers(COLUMNS.length, 2),
      rows: table.rows,
      // Fixed figures rather than SUM formulas: a SUM over the rows would count the 其中 row twice.
      totals: { label: '合计', labelKey: 'label', values: totalValues },
      notes: statsNotes(extra),
      freezeColumns: 2,
    },
  ]);
  return { buffer, rowCount: table.admitted };
}

export const statsReport: ReportDefinition = {
  info: {
    id: STATS_ID,
    title: TITLE,
    module: MODULE,
    description: `统计时段内经上级党委审批接收为预备党员的人数（${COUNT_BASIS}，支部大会已讨论、尚未审批的不计）；按职业分列女性、少数民族、年龄段及35岁及以下（按审批时年龄）、学历及大专及以上；格式参照党内统计“发展党员情况（一）”，带行次、栏次。默认统计本年1月1日至今。`,
    params: ['period', 'units'],
  },
  build,
};
