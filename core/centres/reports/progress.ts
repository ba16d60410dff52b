/**
 * 村级综合服务中心改造升级进度表 (domain.md §6 item 7): one row per live centre in village order — the building
 * now and planned, the 功能室, 总投资 split by 资金来源, money allocated and paid, the key milestones planned
 * against actual, 形象进度, status and days behind, and a 备注 naming the next milestone due and the risk.
 * Everything is read in SQL over the stored derived columns; money is summed in 分 and shown in 万元.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { asOf, reportMeta } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { COMPLETION_MILESTONE, IN_USE_MILESTONE, START_MILESTONE, type CentreStatus, type RenovationType } from '../codes';
import { getCentreConfig } from '../config';
import { centreParams } from '../list';
import { AT_RISK_SQL, DAYS_BEHIND_SQL, STATUS_SQL } from '../sql';
import { STALLED } from '../status';
import { CENTRE_ORDER, MODULE, STATUS_CODES, STATUS_LABELS, TYPE_CODES, TYPE_LABELS, areaType, bindFor, numberedNotes, unitsWhere, wan } from './common';

export const CENTRES_PROGRESS_ID = 'centres-progress';
export const CENTRES_PROGRESS_TITLE = '村级综合服务中心改造升级进度表';
const SHEET = '进度表';
const FUNDS_GROUP = '资金来源（万元）';

interface ProgressSqlRow {
  id: number;
  unitName: string;
  type: RenovationType;
  currentArea: number | null;
  targetArea: number | null;
  hallArea: number | null;
  rooms: string;
  totalFen: number;
  allocatedFen: number;
  paidFen: number;
  requiredOn: string;
  startPlanned: string | null;
  startActual: string | null;
  completePlanned: string | null;
  completeActual: string | null;
  inUsePlanned: string | null;
  inUseActual: string | null;
  progress: number;
  progressOn: string | null;
  status: CentreStatus;
  daysBehind: number | null;
  nextMilestone: string | null;
  nextDue: string | null;
  atRisk: number;
  projectedOn: string | null;
}

const ROWS_SQL = (units: string) => `WITH ms AS (
    SELECT centre_id,
      max(CASE WHEN name = @start THEN planned_on END) AS startPlanned, max(CASE WHEN name = @start THEN actual_on END) AS startActual,
      max(CASE WHEN name = @complete THEN planned_on END) AS completePlanned, max(CASE WHEN name = @complete THEN actual_on END) AS completeActual,
      max(CASE WHEN name = @inUse THEN planned_on END) AS inUsePlanned, max(CASE WHEN name = @inUse THEN actual_on END) AS inUseActual
    FROM centre_milestones GROUP BY centre_id),
  money AS (
    SELECT centre_id, sum(CASE WHEN kind = '下拨' THEN amount_fen ELSE 0 END) AS allocatedFen, sum(CASE WHEN kind = '支付' THEN amount_fen ELSE 0 END) AS paidFen
    FROM centre_money GROUP BY centre_id)
  SELECT c.id, u.name AS unitName, c.renovation_type AS type, c.current_area AS currentArea, c.target_area AS targetArea, c.hall_area AS hallArea,
    c.rooms, c.total_fen AS totalFen, coalesce(money.allocatedFen, 0) AS allocatedFen, coalesce(money.paidFen, 0) AS paidFen, c.required_on AS requiredOn,
    ms.startPlanned, ms.startActual, ms.completePlanned, ms.completeActual, ms.inUsePlanned, ms.inUseActual,
    c.progress_percent AS progress, c.progress_on AS progressOn, ${STATUS_SQL} AS status, ${DAYS_BEHIND_SQL} AS daysBehind,
    c.open_milestone AS nextMilestone, c.open_due AS nextDue, ${AT_RISK_SQL} AS atRisk, c.projected_on AS projectedOn
  FROM centres c JOIN org_units u ON u.id = c.unit_id LEFT JOIN ms ON ms.centre_id = c.id LEFT JOIN money ON money.centre_id = c.id
  WHERE c.deleted_at IS NULL${units}
  ORDER BY ${CENTRE_ORDER}`;

/** The planned split of each centre by source, in 分. */
const FUNDS_SQL = (units: string) =>
  `SELECT f.centre_id AS centreId, f.source, f.planned_fen AS fen FROM centre_funds f JOIN centres c ON c.id = f.centre_id WHERE c.deleted_at IS NULL${units}`;

/** "便民服务大厅60㎡、党员活动室25㎡". */
export function roomsText(json: string): string {
  let rooms: { name: string; area?: number | null }[];
  try {
    rooms = JSON.parse(json) as typeof rooms;
  } catch {
    return '';
  }
  return rooms.map((r) => `${r.name}${r.area != null ? `${Math.round(r.area * 100) / 100}㎡` : ''}`).join('、');
}

/** The 备注: the next milestone due (and how late it is), then the risk to the required date. */
export function progressNote(r: Pick<ProgressSqlRow, 'status' | 'nextMilestone' | 'nextDue' | 'atRisk' | 'projectedOn' | 'requiredOn'>, on: string): string {
  const parts: string[] = [];
  if (r.nextMilestone && r.nextDue) {
    const late = r.nextDue < on ? Math.round((Date.parse(on) - Date.parse(r.nextDue)) / 86_400_000) : 0;
    parts.push(`下一节点：${r.nextMilestone}（计划 ${r.nextDue}${late > 0 ? `，已逾期 ${late} 天` : ''}）`);
  } else if (r.status === '已投用') {
    parts.push('全部节点已完成');
  }
  if (r.atRisk) {
    if (r.requiredOn < on) parts.push(`已超过要求完成日期 ${r.requiredOn}，尚未竣工验收`);
    else if (r.projectedOn === STALLED) parts.push('风险：近30天形象进度无增长');
    else if (r.projectedOn) parts.push(`风险：按近30天进度预计 ${r.projectedOn} 完成，晚于要求日期`);
  }
  return parts.join('；');
}

export function progressColumns(sources: readonly string[], areaKind: 'int' | 'money'): ReportColumn[] {
  const area = (key: string, header: string): ReportColumn => ({ key, header: ['面积（㎡）', header], type: areaKind, width: areaKind === 'int' ? 7 : 9, align: 'center' });
  const money = (key: string, header: string | string[]): ReportColumn => ({ key, header, type: 'money', width: 10 });
  const date = (key: string, header: string | string[]): ReportColumn => ({ key, header, type: 'date', width: 11 });
  return [
    { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
    { key: 'unitName', header: '村（社区）', width: 13 },
    { key: 'type', header: '改造类型', width: 7, align: 'center', codes: TYPE_LABELS },
    area('currentArea', '现有'),
    area('targetArea', '规划'),
    area('hallArea', '一厅式大厅'),
    { key: 'rooms', header: '功能室', width: 34 },
    money('totalWan', '总投资（万元）'),
    ...sources.map((s, i) => money(`fund${i}`, [FUNDS_GROUP, s])),
    money('allocatedWan', '已下拨（万元）'),
    money('paidWan', '已支付（万元）'),
    date('requiredOn', '要求完成日期'),
    date('startPlanned', [START_MILESTONE, '计划']),
    date('startActual', [START_MILESTONE, '实际']),
    date('completePlanned', [COMPLETION_MILESTONE, '计划']),
    date('completeActual', [COMPLETION_MILESTONE, '实际']),
    date('inUsePlanned', [IN_USE_MILESTONE, '计划']),
    date('inUseActual', [IN_USE_MILESTONE, '实际']),
    { key: 'progress', header: '形象进度', type: 'percent', width: 7, align: 'center' },
    { key: 'status', header: '状态', width: 8, align: 'center', codes: STATUS_LABELS },
    { key: 'daysBehind', header: '滞后天数', type: 'int', width: 6, align: 'center' },
    { key: 'note', header: '备注', width: 36 },
    { key: 'totalFen', header: '总投资（分）', type: 'int', dataOnly: true },
  ];
}

export interface ProgressTable {
  sources: string[];
  rows: Record<string, CellInput>[];
  totals: Record<string, CellInput>;
  /** Centres whose split does not add up to the total (entered before the check, or by hand in the file). */
  unbalanced: string[];
  areaKind: 'int' | 'money';
}

export function progressTable(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>): ProgressTable {
  const units = unitsWhere(params);
  const base = centreParams(ctx);
  const sql = ROWS_SQL(units.sql);
  const bind = { ...base, ...units.bind, start: START_MILESTONE, complete: COMPLETION_MILESTONE, inUse: IN_USE_MILESTONE };
  const found = cachedStatement(ctx.sqlite, sql).all(bindFor(sql, bind)) as ProgressSqlRow[];
  const fundsSql = FUNDS_SQL(units.sql);
  const funds = cachedStatement(ctx.sqlite, fundsSql).all(bindFor(fundsSql, units.bind)) as { centreId: number; source: string; fen: number }[];
  // The township's sources in its order, then any source no longer in its list, so the split always adds up.
  const configured = getCentreConfig(ctx).fundingSources;
  const sources = [...configured, ...[...new Set(funds.map((f) => f.source))].filter((s) => !configured.includes(s)).sort()];
  const split = new Map<string, number>();
  for (const f of funds) split.set(`${f.centreId}|${f.source}`, (split.get(`${f.centreId}|${f.source}`) ?? 0) + f.fen);

  const sums = { total: 0, allocated: 0, paid: 0, bySource: sources.map(() => 0) };
  const unbalanced: string[] = [];
  const rows = found.map((r, i) => {
    const row: Record<string, CellInput> = {
      seq: i + 1,
      unitName: r.unitName,
      type: TYPE_CODES[r.type] ?? r.type,
      currentArea: r.currentArea,
      targetArea: r.targetArea,
      hallArea: r.hallArea,
      rooms: roomsText(r.rooms),
      totalWan: wan(r.totalFen),
      allocatedWan: wan(r.allocatedFen),
      paidWan: wan(r.paidFen),
      requiredOn: r.requiredOn,
      startPlanned: r.startPlanned,
      startActual: r.startActual,
      completePlanned: r.completePlanned,
      completeActual: r.completeActual,
      inUsePlanned: r.inUsePlanned,
      inUseActual: r.inUseActual,
      progress: r.progress / 100,
      status: STATUS_CODES[r.status] ?? r.status,
      daysBehind: r.daysBehind !== null && r.daysBehind > 0 ? r.daysBehind : null,
      note: progressNote(r, base.today),
      totalFen: r.totalFen,
    };
    let splitFen = 0;
    sources.forEach((s, k) => {
      const fen = split.get(`${r.id}|${s}`) ?? 0;
      row[`fund${k}`] = fen ? wan(fen) : null;
      sums.bySource[k]! += fen;
      splitFen += fen;
    });
    if (splitFen !== r.totalFen) unbalanced.push(r.unitName);
    sums.total += r.totalFen;
    sums.allocated += r.allocatedFen;
    sums.paid += r.paidFen;
    return row;
  });
  // Integers of 分, converted once: the 合计 of the split equals the 合计 of 总投资 to the 分.
  const totals: Record<string, CellInput> = { unitName: `${rows.length} 个`, totalWan: wan(sums.total), allocatedWan: wan(sums.allocated), paidWan: wan(sums.paid) };
  sums.bySource.forEach((fen, k) => (totals[`fund${k}`] = wan(fen)));
  const areaKind = areaType(found.flatMap((r) => [r.currentArea, r.targetArea, r.hallArea]));
  return { sources, rows, totals, unbalanced, areaKind };
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const table = progressTable(ctx, params);
  const { today: on, lateDays, severeDays } = centreParams(ctx);
  const notes = [
    `本表列出${params.unitIds?.length ? '所选村（社区）' : '全部'}服务中心改造记录，按村（社区）顺序排列；形象进度、状态、滞后天数和备注为截至 ${on} 的情况，已下拨、已支付为截至 ${on} 的累计。`,
    `金额单位为万元，显示两位小数（单元格数值精确到分）；总投资按资金来源分列，各来源之和等于总投资；合计行按分累加后折合万元，与各行合计一致。`,
    `滞后天数取已完成节点的最大逾期天数与最早未完成节点已逾期天数中的较大者，只填滞后的；滞后超过 ${lateDays} 天为“滞后”，超过 ${severeDays} 天为“严重滞后”。`,
    '备注列出下一个未完成节点及其计划日期；“风险”按最近30天形象进度的增长推算完成日期，晚于要求完成日期时列出。',
  ];
  if (table.unbalanced.length) notes.push(`${table.unbalanced.join('、')}的资金来源合计与总投资不一致，请在服务中心页面核对资金来源。`);
  const meta = { ...reportMeta(ctx, CENTRES_PROGRESS_ID, asOf(on)), paper: params.paper ?? 'A3' };
  const buffer = await buildReport(meta, [
    {
      sheetName: SHEET,
      title: CENTRES_PROGRESS_TITLE,
      columns: progressColumns(table.sources, table.areaKind),
      rows: table.rows,
      totals: { label: '合计', labelKey: 'seq', values: table.totals },
      notes: numberedNotes(notes),
      freezeColumns: 2,
    },
  ]);
  return { buffer, rowCount: table.rows.length };
}

export const centresProgressReport: ReportDefinition = {
  info: {
    id: CENTRES_PROGRESS_ID,
    title: CENTRES_PROGRESS_TITLE,
    module: MODULE,
    description:
      '每个村（社区）服务中心一行，按村（社区）顺序：改造类型、现有/规划/一厅式大厅面积、功能室、总投资及按资金来源分列（万元）、已下拨、已支付、要求完成日期、开工/竣工验收/投入使用的计划与实际日期、形象进度、状态、滞后天数，备注下一节点与风险；合计行；默认 A3 横向。',
    params: ['units', 'paper'],
    defaultPaper: 'A3',
  },
  build,
};
