/**
 * 基层党建工作汇总表 (domain.md §6 item 8, issue 12 §4): sheet 汇总 has every module's headline figures for the period,
 * one per row with its 说明/口径; sheet 年度工作总结数据 has the figures a year-end report quotes, each beside the
 * sentence it belongs in. The figures are summaryFigures' (./figures), the same the 首页 panel shows.
 */
import type { LedgerContext } from '../context';
import { buildReport, type CellInput, type ReportColumn, type ReportSheet } from '../excel/builder';
import type { ReportDefinition, ReportParams } from '../reports/definition';
import { reportMeta } from '../reports/meta';
import { summaryFigures } from './figures';
import type { SummaryFigure, SummaryOut } from './schemas';
import { percentText } from './sentences';

export const SUMMARY_ID = 'summary';
export const SUMMARY_TITLE = '基层党建工作汇总表';
export const SUMMARY_SHEET = '汇总';
export const YEAR_SHEET = '年度工作总结数据';
/**
 * Starts with the report title, so every printed page of either sheet says which report it is. Both sheets keep to
 * 100 width units, so they print A4 portrait (the way a 汇总 goes up), not landscape.
 */
const YEAR_TITLE = `${SUMMARY_TITLE}（年度工作总结数据）`;

/** The printed value: counts as they are, money with two decimals, shares as percentages. */
export function valueText(f: Pick<SummaryFigure, 'value' | 'unit'>): string {
  if (f.unit === '%') return `${percentText(f.value)}%`;
  if (f.unit === '元' || f.unit === '万元') return f.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(f.value);
}

const CODE_COLUMNS: ReportColumn[] = [
  { key: 'key', header: '指标代码', dataOnly: true },
  // Exact numbers for the district's merge; the printed 数值 is text so one column can hold counts, money and shares.
  { key: 'value', header: '数值（数）', type: 'money', dataOnly: true },
  { key: 'subsetOfKey', header: '所属指标代码', dataOnly: true },
  { key: 'link', header: '台账页面', dataOnly: true },
];

const SUMMARY_COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'module', header: '模块', width: 9, align: 'center' },
  { key: 'label', header: '指标', width: 20 },
  { key: 'valueText', header: '数值', width: 11, align: 'right' },
  { key: 'unit', header: '单位', width: 5, align: 'center' },
  { key: 'basis', header: '说明/口径', width: 50 },
  ...CODE_COLUMNS,
];

const YEAR_COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'topic', header: '项目', width: 12 },
  { key: 'label', header: '数字', width: 19 },
  { key: 'valueText', header: '数值', width: 11, align: 'right' },
  { key: 'unit', header: '单位', width: 5, align: 'center' },
  { key: 'sentence', header: '年度工作总结中的表述（可直接复制）', width: 48 },
  { key: 'sentenceKey', header: '表述代码', dataOnly: true },
  ...CODE_COLUMNS,
];

type Row = Record<string, CellInput>;

function figureCells(f: SummaryFigure): Row {
  return { key: f.key, label: f.label, value: f.value, valueText: valueText(f), unit: f.unit, subsetOfKey: f.subsetOf, link: f.link };
}

/** "其中" rows name the row they are part of, so `_data` marks them and nobody sums them twice. */
function subsetLabels(figures: Map<string, SummaryFigure>) {
  return (row: Row) => (row.subsetOfKey ? (figures.get(String(row.subsetOfKey))?.label ?? null) : null);
}

export function summarySheets(s: SummaryOut): ReportSheet[] {
  const byKey = new Map(s.figures.map((f) => [f.key, f]));
  const summaryRows: Row[] = s.figures.map((f, i) => ({ seq: i + 1, module: f.module, basis: f.basis, ...figureCells(f) }));
  const yearRows: Row[] = [];
  for (const sentence of s.sentences) {
    const quoted = sentence.figures.map((k) => byKey.get(k)).filter((f): f is SummaryFigure => !!f);
    if (!quoted.length) yearRows.push({ topic: sentence.topic, label: '（无）', sentence: sentence.text, sentenceKey: sentence.key });
    quoted.forEach((f, i) => yearRows.push({ topic: i === 0 ? sentence.topic : '', sentence: i === 0 ? sentence.text : '', sentenceKey: sentence.key, ...figureCells(f) }));
  }
  yearRows.forEach((r, i) => (r.seq = i + 1));
  const asOf = `带“截至”的数字为 ${s.asOf} 的情况，其余为统计时段 ${s.period.text} 内的情况。`;
  return [
    {
      sheetName: SUMMARY_SHEET,
      title: SUMMARY_TITLE,
      columns: SUMMARY_COLUMNS,
      rows: summaryRows,
      totals: false,
      subsetOf: subsetLabels(byKey),
      freezeColumns: 3,
      notes: [
        `注：1. ${asOf}`,
        '2. “其中”行包含在上一项之中，不另行相加。每个数字在台账中都可点开查看对应名单（首页“年度汇总”），说明/口径列写明取数范围及与哪张报表一致。',
      ],
    },
    {
      sheetName: YEAR_SHEET,
      title: YEAR_TITLE,
      columns: YEAR_COLUMNS,
      rows: yearRows,
      totals: false,
      subsetOf: subsetLabels(byKey),
      freezeColumns: 2,
      notes: [
        `注：1. 表述中的数字取自左侧数值，统计时段 ${s.period.text}；服务中心投资为截至 ${s.asOf} 的累计。`,
        '2. 35岁及以下按上级党委审批（第17节点）当日的年龄计算；发展党员按上级党委审批日期统计。',
      ],
    },
  ];
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const s = summaryFigures(ctx, params);
  const sheets = summarySheets(s);
  const buffer = await buildReport(reportMeta(ctx, SUMMARY_ID, s.period), sheets);
  return { buffer, rowCount: sheets.reduce((n, sh) => n + sh.rows.length, 0) };
}

export const summaryReport: ReportDefinition = {
  info: {
    id: SUMMARY_ID,
    title: SUMMARY_TITLE,
    module: '汇总',
    description:
      '各模块的主要数字合在一张表上：人员库，发展党员（申请、积极分子、发展对象、按上级党委审批日期统计的新接收预备党员及35岁及以下占比、转正、逾期与有问题档案），后备人才（在库、来源、状态、培养、经费），服务中心（总数、状态、完成改造、投资），每项写明口径；另附“年度工作总结数据”页，给出年度总结要引用的数字及可直接复制的表述。默认统计本年1月1日至今。',
    params: ['period'],
  },
  build,
};
