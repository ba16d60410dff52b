/**
 * 发展党员情况统计表, after 党内统计 发展党员情况（一）: the people admitted (Z, 接收预备党员的支部大会) in the
 * period, by 职业, with 女 / 少数民族 / age at Z / 学历 group.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { EDUCATION_GROUPS, OCCUPATIONS, educationGroup } from '../../people/codes';
import { reportMeta, reportPeriod } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { AGE_BANDS, admissionIndicators, admittedIn } from '../indicators';
import type { Judged } from '../query';
import type { MemberRecord } from '../record';
import { MODULE, judgedFor } from './common';

export const STATS_ID = 'members-stats';
const TITLE = '发展党员情况统计表';

/** The finer post the 党内统计 form breaks out of 农牧渔民. */
export const MIGRANT_POST = '外出务工经商人员';
/** Full-width spaces indent a 其中 row the way the printed form does. */
export const MIGRANT_LABEL = `　其中：${MIGRANT_POST}`;
export const UNKNOWN_OCCUPATION = '职业未填写';

/** Wide enough for the longest header ("25岁及以下", "初中及以下") on one line: a break inside "26至30岁" misreads. */
const num = (key: string, header: string | string[], width = 11): ReportColumn => ({ key, header, type: 'int', width, align: 'center' });

const COLUMNS: ReportColumn[] = [
  { key: 'label', header: '职业', width: 36 },
  num('total', '总数', 7),
  num('female', '女', 7),
  num('minority', '少数民族', 10),
  ...AGE_BANDS.map((band, i) => num(`age${i}`, ['年龄', band])),
  ...EDUCATION_GROUPS.map((group, i) => num(`edu${i}`, ['学历', group])),
];

type Row = Record<string, CellInput>;

function countRow(label: string, records: MemberRecord[], period: { from: string; to: string }): Row {
  const ind = admissionIndicators(records, period);
  const row: Row = { label, total: ind.total, female: ind.female.count, minority: ind.minority.count };
  AGE_BANDS.forEach((band, i) => (row[`age${i}`] = ind.ageBands[band]));
  EDUCATION_GROUPS.forEach((group, i) => (row[`edu${i}`] = records.filter((r) => educationGroup(r.person.education) === group).length));
  return row;
}

export interface StatsTable {
  rows: Row[];
  /** The 合计 row: the sum of the occupation rows, the 其中 row left out as on the printed form. */
  totals: Row;
  admitted: number;
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
  const totals = countRow('合计', admitted.map((j) => j.record), period);
  return { rows, totals, admitted: admitted.length };
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const period = reportPeriod(ctx, params);
  const table = statsTable(judgedFor(ctx, params), period);
  const { label: _label, ...totalValues } = table.totals;
  const buffer = await buildReport(reportMeta(ctx, STATS_ID, period.text), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: COLUMNS,
      rows: table.rows,
      // Fixed figures rather than SUM formulas: a SUM over the rows would count the 其中 row twice.
      totals: { label: '合计', labelKey: 'label', values: totalValues },
      freezeColumns: 1,
    },
  ]);
  return { buffer, rowCount: table.admitted };
}

export const statsReport: ReportDefinition = {
  info: {
    id: STATS_ID,
    title: TITLE,
    module: MODULE,
    description: '统计时段内经支部大会接收为预备党员的人数，按职业分列女性、少数民族、年龄段（按接收时年龄）和学历；格式参照党内统计“发展党员情况（一）”。默认统计本年1月1日至今。',
    params: ['period', 'units'],
  },
  build,
};
