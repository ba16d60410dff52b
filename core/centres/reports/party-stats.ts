/**
 * 村级组织活动场所情况（党内统计）: the three figures the annual 党内统计 asks about village activity venues, with
 * the villages behind each figure named beside it (clerks check a count against its names), counted in SQL:
 * - 活动场所面积200㎡以上的建制村: live 村 (not 社区) whose venue is 200 ㎡ or more at the period end — the planned
 *   area of a centre whose 竣工验收 was done by then, else the building's current area;
 * - 暂无活动场所的建制村: live 村 with no centre finished by then and a current area of 0 or not entered (a 村
 *   without any centre record has no area entered, so it counts here and is named in a note);
 * - 本年新建或改扩建数: live centres of type 新建 or 改扩建 whose 竣工验收 was done in the year of the period end,
 *   up to that day; 其中 建制村 those of a 村.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type ReportColumn } from '../../excel/builder';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { reportMeta, reportPeriod } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { MODULE, numberedNotes } from './common';

export const CENTRES_PARTY_STATS_ID = 'centres-party-stats';
export const CENTRES_PARTY_STATS_TITLE = '村级组织活动场所情况（党内统计）';
const SHEET = '活动场所';
/** The 党内统计 line is "200平方米以上": 200 itself counts. */
export const AREA_LINE = 200;

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'item', header: '指标', width: 34 },
  { key: 'count', header: '数量（个）', type: 'int', width: 12, align: 'center' },
  { key: 'names', header: '计入的村（社区）', width: 46 },
  { key: 'code', header: '指标代码', dataOnly: true },
];

/** The venue's area at the period end: the planned area once 竣工验收 is done by then, else the building now. */
const AREA_SQL = `(CASE WHEN finished THEN coalesce(targetArea, currentArea) ELSE currentArea END)`;
const OVER = `${AREA_SQL} >= ${AREA_LINE}`;
const NONE = `(NOT finished AND coalesce(currentArea, 0) = 0)`;

const VILLAGES_SQL = `WITH v AS (
    SELECT u.id, u.name, u.sort_order AS so, c.id AS centreId, coalesce(c.completed_on IS NOT NULL AND c.completed_on <= @to, 0) AS finished,
      c.current_area AS currentArea, c.target_area AS targetArea
    FROM org_units u LEFT JOIN centres c ON c.unit_id = u.id AND c.deleted_at IS NULL
    WHERE u.kind = '村' AND u.retired_at IS NULL)
  SELECT count(*) AS villages,
    count(*) FILTER (WHERE ${OVER}) AS over, group_concat(name, '、' ORDER BY so, id) FILTER (WHERE ${OVER}) AS overNames,
    count(*) FILTER (WHERE ${NONE}) AS none, group_concat(name, '、' ORDER BY so, id) FILTER (WHERE ${NONE}) AS noneNames,
    group_concat(name, '、' ORDER BY so, id) FILTER (WHERE centreId IS NULL) AS unrecorded
  FROM v`;

const BUILT_SQL = `SELECT count(*) AS built, count(*) FILTER (WHERE u.kind = '村') AS builtVillages,
    group_concat(u.name, '、' ORDER BY u.sort_order, u.id) AS builtNames,
    group_concat(u.name, '、' ORDER BY u.sort_order, u.id) FILTER (WHERE u.kind = '村') AS builtVillageNames
  FROM centres c JOIN org_units u ON u.id = c.unit_id
  WHERE c.deleted_at IS NULL AND c.renovation_type IN ('新建', '改扩建') AND c.completed_on BETWEEN @from AND @to`;

export interface PartyFigures {
  villages: number;
  over: number;
  overNames: string | null;
  none: number;
  noneNames: string | null;
  unrecorded: string | null;
  built: number;
  builtVillages: number;
  builtNames: string | null;
  builtVillageNames: string | null;
}

export function partyFigures(ctx: LedgerContext, period: { from: string; to: string }): PartyFigures {
  const villages = cachedStatement(ctx.sqlite, VILLAGES_SQL).get({ to: period.to }) as Omit<PartyFigures, 'built' | 'builtVillages' | 'builtNames' | 'builtVillageNames'>;
  const built = cachedStatement(ctx.sqlite, BUILT_SQL).get(period) as Pick<PartyFigures, 'built' | 'builtVillages' | 'builtNames' | 'builtVillageNames'>;
  return { ...villages, ...built };
}

async function build(ctx: LedgerContext, params: ReportParams) {
  // The figures are yearly: the year is the period end's, whatever start was asked for.
  const end = reportPeriod(ctx, params).to;
  const year = end.slice(0, 4);
  const period = { from: `${year}-01-01`, to: end, text: `${year}-01-01 至 ${end}` };
  const f = partyFigures(ctx, period);
  const rows = [
    { seq: 1, item: '建制村总数', count: f.villages, names: '', code: 'villages' },
    { seq: 2, item: `活动场所面积${AREA_LINE}㎡以上的建制村`, count: f.over, names: f.overNames ?? '', code: 'over200' },
    { seq: 3, item: '暂无活动场所的建制村', count: f.none, names: f.noneNames ?? '', code: 'noVenue' },
    { seq: 4, item: `${year}年新建或改扩建数`, count: f.built, names: f.builtNames ?? '', code: 'builtThisYear' },
    { seq: 5, item: '其中：建制村', count: f.builtVillages, names: f.builtVillageNames ?? '', code: 'builtThisYearVillages' },
  ];
  const notes = [
    `建制村为未撤销的“村”（不含社区），按 ${end}（统计时段最后一天）的情况统计；已删除（误建）的服务中心记录不计。`,
    `活动场所面积：到 ${end} 已竣工验收的，按服务中心规划面积（未填的按现有面积）；尚未竣工验收的，按现有面积。面积在 ${AREA_LINE}㎡ 及以上的计入第 2 项。`,
    `暂无活动场所：到 ${end} 没有竣工验收的服务中心，且现有面积为 0 或未填写的建制村。`,
    `新建或改扩建数：改造类型为“新建”或“改扩建”、竣工验收实际日期在 ${year}-01-01 至 ${end} 之间的服务中心（含社区），“其中：建制村”为其中的村；维修不计。统计年度取统计时段结束日期所在年份。`,
  ];
  if (f.unrecorded) notes.push(`${f.unrecorded}尚未录入服务中心记录，没有面积，已计入“暂无活动场所的建制村”，请核实后在服务中心页面补录现有面积。`);
  const buffer = await buildReport(reportMeta(ctx, CENTRES_PARTY_STATS_ID, period), [
    { sheetName: SHEET, title: CENTRES_PARTY_STATS_TITLE, columns: COLUMNS, rows, totals: false, notes: numberedNotes(notes), freezeColumns: 2 },
  ]);
  return { buffer, rowCount: rows.length };
}

export const centresPartyStatsReport: ReportDefinition = {
  info: {
    id: CENTRES_PARTY_STATS_ID,
    title: CENTRES_PARTY_STATS_TITLE,
    module: MODULE,
    description:
      '党内统计用的村级组织活动场所数字：建制村总数、活动场所面积200㎡以上的建制村、暂无活动场所的建制村、本年新建或改扩建数（其中建制村），每项列出计入的村名；统计年度取所选时段结束日期所在年份。',
    params: ['period'],
  },
  build,
};
