/**
 * 培训经费使用明细表: every live training with a cost that started in the period (sheet 明细), and the same money
 * as 经费来源 × 经费科目 (sheet 汇总). Everything is summed as integer 分 and converted to 元 once per cell, so
 * both sheets and the 后备人才培养情况统计表 of the same period agree to the 分.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { reportMeta, reportPeriod } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { COST_ITEMS } from '../codes';
import { getReserveConfig } from '../config';
import { fenToYuanNumber } from '../money';
import { MODULE, numberedNotes } from './common';

export const RESERVES_FUNDS_ID = 'reserves-funds';
export const RESERVES_FUNDS_TITLE = '培训经费使用明细表';
const DETAIL_SHEET = '明细';
const SUMMARY_SHEET = '汇总';
const SUMMARY_TITLE = '培训经费使用汇总表';
export const NOT_FILLED = '未填';

const DETAIL_COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'startOn', header: '开始日期', type: 'date', width: 11 },
  { key: 'endOn', header: '结束日期', type: 'date', width: 11 },
  { key: 'type', header: '培养类型', width: 12, align: 'center' },
  { key: 'title', header: '名称', width: 24 },
  { key: 'host', header: '承办单位', width: 16 },
  { key: 'fundingSource', header: '经费来源', width: 20 },
  { key: 'costItem', header: '经费科目', width: 14, align: 'center' },
  { key: 'people', header: '人数', type: 'int', width: 6, align: 'center', total: 'sum' },
  { key: 'amount', header: '金额（元）', type: 'money', width: 13 },
  { key: 'perHead', header: '人均（元）', type: 'money', width: 11 },
  { key: 'costFen', header: '金额（分）', type: 'int', dataOnly: true },
];

/** The 经费科目 columns of the 汇总: the fixed items, then trainings with none recorded. */
const ITEMS = [...COST_ITEMS, NOT_FILLED];
const money = (key: string, header: string | string[]): ReportColumn => ({ key, header, type: 'money', width: 13 });
const SUMMARY_COLUMNS: ReportColumn[] = [
  { key: 'source', header: '经费来源', width: 20 },
  ...ITEMS.map((item, i) => money(`item${i}`, ['经费科目', item])),
  money('sourceTotal', '合计'),
];

interface TrainingRow {
  startOn: string;
  endOn: string | null;
  type: string;
  title: string | null;
  host: string | null;
  fundingSource: string | null;
  costItem: string | null;
  people: number;
  costFen: number;
}

export function fundsDetail(ctx: LedgerContext, period: { from: string; to: string }): TrainingRow[] {
  // 人数 is everyone the cost was split over: the enrolments hold the shares that add up to cost_fen.
  return cachedStatement(
    ctx.sqlite,
    `SELECT t.start_on AS startOn, t.end_on AS endOn, t.type, t.title, t.host, t.funding_source AS fundingSource, t.cost_item AS costItem,
       (SELECT count(*) FROM reserve_enrolments e WHERE e.training_id = t.id) AS people, t.cost_fen AS costFen
     FROM reserve_trainings t
     WHERE t.deleted_at IS NULL AND t.cost_fen > 0 AND t.start_on BETWEEN @from AND @to
     ORDER BY t.start_on, t.id`,
  ).all({ from: period.from, to: period.to }) as TrainingRow[];
}

/** 分 by 经费来源 and 经费科目, summed in SQL. */
function fundsCross(ctx: LedgerContext, period: { from: string; to: string }): { source: string; item: string; fen: number }[] {
  return cachedStatement(
    ctx.sqlite,
    `SELECT coalesce(nullif(t.funding_source, ''), '${NOT_FILLED}') AS source, coalesce(nullif(t.cost_item, ''), '${NOT_FILLED}') AS item, sum(t.cost_fen) AS fen
     FROM reserve_trainings t
     WHERE t.deleted_at IS NULL AND t.cost_fen > 0 AND t.start_on BETWEEN @from AND @to
     GROUP BY 1, 2`,
  ).all({ from: period.from, to: period.to }) as { source: string; item: string; fen: number }[];
}

/** The 汇总 rows: the township's funding sources in its order, then any other source found, then 未填. */
export function summaryRows(sources: readonly string[], cross: { source: string; item: string; fen: number }[]): { rows: Record<string, CellInput>[]; totals: Record<string, CellInput>; totalFen: number } {
  const found = new Set(cross.map((c) => c.source));
  const others = [...found].filter((s) => !sources.includes(s) && s !== NOT_FILLED).sort();
  const order = [...sources, ...others, ...(found.has(NOT_FILLED) ? [NOT_FILLED] : [])];
  const fenAt = new Map<string, number>();
  for (const c of cross) {
    const k = `${c.source}|${ITEMS.includes(c.item) ? c.item : NOT_FILLED}`;
    fenAt.set(k, (fenAt.get(k) ?? 0) + c.fen);
  }
  const itemTotals = ITEMS.map(() => 0);
  let totalFen = 0;
  const rows = order.map((source) => {
    const row: Record<string, CellInput> = { source };
    let rowFen = 0;
    ITEMS.forEach((item, i) => {
      const fen = fenAt.get(`${source}|${item}`) ?? 0;
      row[`item${i}`] = fenToYuanNumber(fen);
      rowFen += fen;
      itemTotals[i]! += fen;
    });
    row.sourceTotal = fenToYuanNumber(rowFen);
    totalFen += rowFen;
    return row;
  });
  const totals: Record<string, CellInput> = { sourceTotal: fenToYuanNumber(totalFen) };
  itemTotals.forEach((fen, i) => (totals[`item${i}`] = fenToYuanNumber(fen)));
  return { rows, totals, totalFen };
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const period = reportPeriod(ctx, params);
  const detail = fundsDetail(ctx, period);
  const totalFen = detail.reduce((a, t) => a + t.costFen, 0);
  const people = detail.reduce((a, t) => a + t.people, 0);
  const rows = detail.map((t, i) => ({
    seq: i + 1,
    startOn: t.startOn,
    endOn: t.endOn ?? '',
    type: t.type,
    title: t.title ?? '',
    host: t.host ?? '',
    fundingSource: t.fundingSource || NOT_FILLED,
    costItem: t.costItem || NOT_FILLED,
    people: t.people,
    amount: fenToYuanNumber(t.costFen),
    perHead: t.people ? fenToYuanNumber(Math.round(t.costFen / t.people)) : null,
    costFen: t.costFen,
  }));
  const summary = summaryRows(getReserveConfig(ctx).fundingSources, fundsCross(ctx, period));
  const notes = numberedNotes([
    `按培训开始（入学）日期统计：${period.text}内开始、有经费的培训、挂职和学历提升记录，已删除的记录不计。`,
    '人数为经费分摊的参加人数，人均为金额除以人数（四舍五入到分）；金额合计与同期《后备人才培养情况统计表》的经费合计一致。',
  ]);
  const buffer = await buildReport(reportMeta(ctx, RESERVES_FUNDS_ID, period), [
    {
      sheetName: DETAIL_SHEET,
      title: RESERVES_FUNDS_TITLE,
      columns: DETAIL_COLUMNS,
      rows,
      totals: { label: '合计', labelKey: 'seq', values: { title: `${rows.length} 项`, amount: fenToYuanNumber(totalFen), perHead: people ? fenToYuanNumber(Math.round(totalFen / people)) : null } },
      notes,
      freezeColumns: 2,
    },
    {
      sheetName: SUMMARY_SHEET,
      title: SUMMARY_TITLE,
      columns: SUMMARY_COLUMNS,
      rows: summary.rows,
      totals: { label: '合计', labelKey: 'source', values: summary.totals },
      notes: numberedNotes([`统计时段：${period.text}，按培训开始日期统计；“未填”为未选择经费来源或经费科目的记录。行、列合计均按分累加后折合为元。`]),
      freezeColumns: 1,
    },
  ]);
  return { buffer, rowCount: rows.length + summary.rows.length };
}

export const reservesFundsReport: ReportDefinition = {
  info: {
    id: RESERVES_FUNDS_ID,
    title: RESERVES_FUNDS_TITLE,
    module: MODULE,
    description: '统计时段内开始的每项有经费的培养（培训、挂职、学历提升）一行：日期、类型、名称、承办单位、经费来源与科目、人数、金额和人均；另附经费来源×经费科目汇总表。默认统计本年1月1日至今。',
    params: ['period'],
  },
  build,
};
