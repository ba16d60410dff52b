/**
 * 发展党员花名册（全程纪实台账）: the wide one-row-per-person sheet clerks keep in Excel, with every 流程节点
 * date under its stage, the 政审 result and each 特殊情况说明. It is the export shape of the records, not
 * their storage shape (domain.md §3).
 */
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn, type ReportSheet } from '../../excel/builder';
import { EDUCATION_LABELS, ETHNICITY_LABELS } from '../../people/roster-report';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { asOf, headcountTotals, reportMeta } from '../../reports/meta';
import type { MemberStatus } from '../derived';
import { STAGES, STEPS } from '../steps';
import { MODULE, STAGE_NUMERALS, stageHeader } from './common';
import { IN_PROGRESS, STATUS_CODES, rosterData, statusCode, stepKey } from './roster-data';

export const ROSTER_ID = 'members-roster';
const TITLE = '发展党员花名册（全程纪实台账）';
const SHEET = '发展党员花名册';

/** Wide enough for 'YYYY-MM-DD' in the body font; the step names above wrap instead of widening 25 columns. */
const DATE_WIDTH = 11;

/** Offices print the 台账 on A3 landscape; A4 is the option (docs/decisions.md). */
export const ROSTER_PAPER = 'A3';

const STATUS_LABELS: Record<string, string> = Object.fromEntries(
  (Object.keys(STATUS_CODES) as MemberStatus[]).flatMap((status) =>
    IN_PROGRESS.has(status)
      ? STAGE_NUMERALS.map((numeral, i) => [statusCode(status, i + 1), `${status}\n（第${numeral}阶段）`])
      : [[statusCode(status, null), status]],
  ),
);

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'unitName', header: '村（社区）', width: 12 },
  { key: 'branchName', header: '党支部', width: 14 },
  { key: 'name', header: '姓名', width: 8, align: 'center' },
  { key: 'gender', header: ['基本信息', '性别'], width: 5, align: 'center' },
  { key: 'ethnicity', header: ['基本信息', '民族'], width: 8, align: 'center', codes: ETHNICITY_LABELS },
  { key: 'birthDate', header: ['基本信息', '出生日期'], type: 'date', width: DATE_WIDTH },
  { key: 'idNumber', header: ['基本信息', '公民身份号码'], width: 20, align: 'center' },
  { key: 'idNumberKey', header: '公民身份号码密文', dataOnly: true },
  { key: 'education', header: ['基本信息', '学历'], width: 10, align: 'center', codes: EDUCATION_LABELS },
  { key: 'occupation', header: ['基本信息', '职业'], width: 14 },
  { key: 'status', header: '当前阶段/状态', width: 13, align: 'center', codes: STATUS_LABELS },
  { key: 'stage', header: '当前阶段', type: 'int', dataOnly: true },
  ...STEPS.map(
    (s): ReportColumn => ({ key: stepKey(s.no), header: [stageHeader(s.stage, STAGES[s.stage - 1]!.name), `${s.no} ${s.name}`], type: 'date', width: DATE_WIDTH }),
  ),
  { key: 'reviewResult', header: ['政审结论', '结论'], width: 6, align: 'center' },
  { key: 'reviewDate', header: ['政审结论', '日期'], type: 'date', width: DATE_WIDTH },
  { key: 'probationEnd', header: '预备期满日期', type: 'date', width: DATE_WIDTH },
  { key: 'reasons', header: '特殊情况说明', width: 30 },
  { key: 'violations', header: '违规数', type: 'int', width: 6, align: 'center', total: 'sum' },
];

async function build(ctx: LedgerContext, params: ReportParams) {
  // Files come in village order; within a village the earliest application first, as the paper 台账 runs.
  const rows = rosterData(ctx, params);
  const meta = { ...reportMeta(ctx, ROSTER_ID, asOf(today(ctx))), paper: params.paper ?? ROSTER_PAPER };
  const buffer = await buildReport(meta, [rosterSheet(rows)]);
  return { buffer, rowCount: rows.length };
}

/** The 台账 sheet for rows shaped by rosterRows (the benchmark times this writing part on its own). */
export function rosterSheet(rows: Record<string, CellInput>[]): ReportSheet {
  return { sheetName: SHEET, title: TITLE, columns: COLUMNS, rows, totals: headcountTotals(rows.length), freezeColumns: 4 };
}

export const rosterReport: ReportDefinition = {
  info: {
    id: ROSTER_ID,
    title: TITLE,
    module: MODULE,
    description:
      '每人一行：基本信息、当前阶段，五个阶段二十五个流程节点的日期，政审结论、预备期满日期、特殊情况说明和违规数；可按村（社区）筛选，身份证号默认脱敏；默认 A3 横向打印，也可选 A4。',
    params: ['units', 'mask', 'paper'],
    defaultPaper: ROSTER_PAPER,
  },
  build,
};
