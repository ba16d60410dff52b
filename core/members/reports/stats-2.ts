/**
 * 发展党员情况统计表（二）: per village or community, the structure figures of the people approved (P, 节点17)
 * in the period: 生产工作一线, 建制村 against 社区及其他, 共青团员 and 推优, and the 35岁及以下 share (age at P)
 * against its target.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { reportMeta, reportPeriod } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { COUNT_BASIS, admissionIndicators, admittedIn } from '../indicators';
import type { Judged } from '../query';
import { MODULE, NO_UNIT, columnNumbers, judgedApprovedIn, unitFacts, unitFilter, type UnitFact } from './common';
import { statsNotes } from './stats';

export const STATS2_ID = 'members-stats-2';
const TITLE = '发展党员情况统计表（二）';
const VILLAGE_KIND = '村';

const num = (key: string, header: string | string[], width = 8): ReportColumn => ({ key, header, type: 'int', width, align: 'center', total: 'sum' });

function columns(target: number): ReportColumn[] {
  const pct = `${Math.round(target * 100)}%`;
  return [
    { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
    { key: 'unitName', header: '村（社区）', width: 18 },
    num('total', '发展党员总数', 14),
    num('frontLine', '生产工作一线', 14),
    num('village', ['所在单位', '建制村']),
    num('community', ['所在单位', '社区及其他'], 12),
    num('league', ['共青团员', '人数']),
    num('recommended', ['共青团员', '其中：推优'], 12),
    num('youth', ['35岁及以下', '人数']),
    { key: 'youthShare', header: ['35岁及以下', '占比'], type: 'percent', width: 9, align: 'center', total: false },
    { key: 'youthMet', header: ['35岁及以下', `是否达到${pct}`], width: 14, align: 'center' },
  ];
}

type Row = Record<string, CellInput>;

function figures(group: Judged[], period: { from: string; to: string }, isVillage: (j: Judged) => boolean): Row {
  const admitted = new Set(admittedIn(group.map((j) => j.record), period.from, period.to));
  const ind = admissionIndicators([...admitted], period);
  const inVillage = group.filter((j) => admitted.has(j.record) && isVillage(j)).length;
  return {
    total: ind.total,
    frontLine: ind.frontLine.count,
    village: inVillage,
    community: ind.total - inVillage,
    league: ind.leagueMembers.count,
    recommended: ind.leagueRecommended.count,
    youth: ind.youth.count,
    youthShare: ind.youth.share,
    // A village that admitted nobody has no share to judge.
    youthMet: ind.youth.met === null ? '—' : ind.youth.met ? '是' : '否',
  };
}

export interface Stats2Table {
  rows: Row[];
  totals: Row;
  target: number;
}

export function stats2Table(judged: Judged[], units: UnitFact[], period: { from: string; to: string }, keep: (id: number | null) => boolean): Stats2Table {
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const isVillage = (j: Judged) => j.loaded.person.unitId !== null && kindOf.get(j.loaded.person.unitId) === VILLAGE_KIND;
  const admittedIds = new Set(admittedIn(judged.map((j) => j.record), period.from, period.to));
  const withAdmissions = new Set(judged.filter((j) => admittedIds.has(j.record)).map((j) => j.loaded.person.unitId));
  // Every current village is listed, a zero included, as the form upward expects; a retired one only if it still has figures.
  const listed = units.filter((u) => keep(u.id) && (!u.retired || withAdmissions.has(u.id)));
  const rows: Row[] = listed.map((u) => ({ unitName: u.name, ...figures(judged.filter((j) => j.loaded.person.unitId === u.id), period, isVillage) }));
  const unplaced = judged.filter((j) => j.loaded.person.unitId === null);
  if (unplaced.some((j) => admittedIds.has(j.record))) rows.push({ unitName: NO_UNIT, ...figures(unplaced, period, isVillage) });
  rows.forEach((r, i) => (r.seq = i + 1));
  const totals = figures(judged, period, isVillage);
  return { rows, totals, target: admissionIndicators([], period).youth.target };
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const period = reportPeriod(ctx, params);
  const table = stats2Table(judgedApprovedIn(ctx, params, period), unitFacts(ctx), period, unitFilter(params));
  const cols = columns(table.target);
  const buffer = await buildReport(reportMeta(ctx, STATS2_ID, period.text), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: cols,
      columnNumbers: columnNumbers(cols.length, 2),
      rows: table.rows,
      // The share and the verdict are the township's, not a sum of the villages'.
      totals: { label: '合计', labelKey: 'unitName', values: { youthShare: table.totals.youthShare, youthMet: table.totals.youthMet } },
      notes: statsNotes(['“其中：推优”是共青团员中经团组织推荐的人数，包含在共青团员人数之中。']),
      freezeColumns: 2,
    },
  ]);
  return { buffer, rowCount: table.rows.length };
}

export const stats2Report: ReportDefinition = {
  info: {
    id: STATS2_ID,
    title: TITLE,
    module: MODULE,
    description:
      `按村（社区）统计时段内经上级党委审批接收的预备党员（${COUNT_BASIS}）：生产工作一线人数、建制村与社区及其他的分布、共青团员及其中经团组织推优人数、35岁及以下人数（按审批时年龄）与占比（目标不低于80%）；带栏次。默认统计本年1月1日至今。`,
    params: ['period', 'units'],
  },
  build,
};
