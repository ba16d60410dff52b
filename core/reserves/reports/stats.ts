/**
 * 后备人才培养情况统计表 (domain.md §6 item 6): by village with a township 合计 row — the pool at the period's
 * end by 来源, age band and 学历 group, 党员, each placement type's 人数 and 人次, village-affairs 人次, funds,
 * and the per-village target against the actual pool. The figures come from ./stats-data.ts.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { EDUCATION_GROUPS } from '../../people/codes';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { reportMeta, reportPeriod } from '../../reports/meta';
import { AGE_BANDS } from '../codes';
import { getReserveConfig } from '../config';
import type { ReserveConfig } from '../config-schema';
import { fenToYuanNumber } from '../money';
import { MODULE, numberedNotes } from './common';
import { statsData, type StatsUnitRow } from './stats-data';

export const RESERVES_STATS_ID = 'reserves-stats';
export const RESERVES_STATS_TITLE = '后备人才培养情况统计表';

const num = (key: string, header: string | string[], width = 6): ReportColumn => ({ key, header, type: 'int', width, align: 'center' });

/** The header follows the township's own lists: one column per 来源 and two per 培养类型. */
export function statsColumns(config: ReserveConfig): ReportColumn[] {
  return [
    { key: 'unitName', header: '村（社区）', width: 12 },
    num('total', '总数', 6),
    ...config.sources.map((s, i) => num(`source${i}`, ['来源', s])),
    ...AGE_BANDS.map((b, i) => num(`age${i}`, ['年龄', b.label])),
    ...EDUCATION_GROUPS.map((g, i) => num(`edu${i}`, ['学历', g])),
    num('party', '党员', 5),
    ...config.trainingTypes.flatMap((t, i) => [num(`trainPeople${i}`, ['培养', t, '人数'], 5), num(`trainTimes${i}`, ['培养', t, '人次'], 5)]),
    num('affairs', '村级事务人次', 6),
    { key: 'funds', header: '经费（元）', type: 'money', width: 11 },
    num('target', ['目标完成', '目标'], 5),
    num('actual', ['目标完成', '实有'], 5),
    num('gap', ['目标完成', '差额'], 5),
  ];
}

function cells(label: string, r: Omit<StatsUnitRow, 'unit'>): Record<string, CellInput> {
  const row: Record<string, CellInput> = { unitName: label, total: r.total, party: r.party, affairs: r.affairs, funds: fenToYuanNumber(r.fundsFen), target: r.target, actual: r.total, gap: r.gap };
  r.sources.forEach((n, i) => (row[`source${i}`] = n));
  r.ages.forEach((n, i) => (row[`age${i}`] = n));
  r.educations.forEach((n, i) => (row[`edu${i}`] = n));
  r.trainedPeople.forEach((n, i) => (row[`trainPeople${i}`] = n));
  r.trainedTimes.forEach((n, i) => (row[`trainTimes${i}`] = n));
  return row;
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const period = reportPeriod(ctx, params);
  const config = getReserveConfig(ctx);
  const data = statsData(ctx, config, params, period);
  const rows = data.rows.map((r) => cells(r.unit.name, r));
  const { unitName: _label, ...totals } = cells('合计', data.totals);
  const notes = [
    `在库人数、来源、年龄、学历、党员及“目标完成”各栏按 ${period.to}（统计时段最后一天）当天结束时的状态统计，只计当时“在库”的人员；年龄按该日计算；政治面貌按填报时的发展党员档案或录入。`,
    `培养人数、人次和经费按培训开始（入学）日期计入统计时段（${period.text}），人次为参加次数，人数为参加人数（同一人参加同一类型多次计 1 人），不论其现在的状态；村级事务人次按参与日期计入。`,
    `经费为统计时段内开始的培训经费按学员所在村（社区）分摊到分的合计，与同期《培训经费使用明细表》合计一致；目标为每村（社区）后备人才不少于 ${config.plan.minPerVillage} 人，差额为各村（社区）不足目标的人数之和。`,
  ];
  if (data.otherSource) notes.push(`有 ${data.otherSource} 人的来源类别不在本乡镇的来源列表中，计入在库总数，未计入来源各栏。`);
  if (data.noEducation) notes.push(`有 ${data.noEducation} 人未填学历，计入在库总数，未计入学历各栏。`);
  const buffer = await buildReport(reportMeta(ctx, RESERVES_STATS_ID, period), [
    {
      sheetName: RESERVES_STATS_TITLE,
      title: RESERVES_STATS_TITLE,
      columns: statsColumns(config),
      rows,
      // Fixed figures: the money total is the sum of 分, converted once, not a sum of rounded 元.
      totals: { label: '合计', labelKey: 'unitName', values: totals },
      notes: numberedNotes(notes),
      freezeColumns: 1,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const reservesStatsReport: ReportDefinition = {
  info: {
    id: RESERVES_STATS_ID,
    title: RESERVES_STATS_TITLE,
    module: MODULE,
    description:
      '按村（社区）统计：统计时段末在库后备人才总数及来源、年龄段、学历、党员人数，各培养类型的人数和人次（按开始日期），参与村级事务人次，培训经费，以及每村目标人数、实有人数和差额；默认统计本年1月1日至今，可按村（社区）筛选。',
    params: ['period', 'units'],
  },
  build,
};
