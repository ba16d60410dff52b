/**
 * 后备人才动态调整台账: every line of the status history dated in the period, oldest first — 推荐, 考察, 入库
 * (重新入库 when it follows an earlier 出库 of the same record), 调整, 任用 and 出库 — with the reason and the post.
 */
import type { LedgerContext } from '../../context';
import { buildReport, type ReportColumn } from '../../excel/builder';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { reportMeta, reportPeriod } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { EVENT_KINDS, type ReserveStatus } from '../codes';
import { MODULE, STATUS_CODES, STATUS_LABELS, numberedNotes, unitsWhere } from './common';

export const RESERVES_CHANGES_ID = 'reserves-changes';
export const RESERVES_CHANGES_TITLE = '后备人才动态调整台账';
export const REENTRY = '重新入库';

/** The printed kinds in the order a reserve goes through them, with their `_data` codes. */
const KIND_CODES: Record<string, string> = { 推荐: 'nominate', 考察: 'review', 入库: 'enter', [REENTRY]: 'reenter', 调整: 'adjust', 任用: 'appoint', 出库: 'exit' };
const KIND_ORDER = Object.keys(KIND_CODES);
const KIND_LABELS = Object.fromEntries(Object.entries(KIND_CODES).map(([label, code]) => [code, label]));

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'date', header: '日期', type: 'date', width: 11 },
  { key: 'unitName', header: '村（社区）', width: 12 },
  { key: 'name', header: '姓名', width: 8, align: 'center' },
  { key: 'kind', header: '类型', width: 9, align: 'center', codes: KIND_LABELS },
  { key: 'reason', header: '原因', width: 36 },
  { key: 'post', header: '任用职务/调整后岗位', width: 18 },
  { key: 'status', header: '现状态', width: 8, align: 'center', codes: STATUS_LABELS },
];

interface ChangeRow {
  date: string;
  unitName: string;
  name: string;
  kind: string;
  reason: string | null;
  post: string | null;
  status: string;
}

export function changeRows(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: { from: string; to: string }): ChangeRow[] {
  const units = unitsWhere(params);
  // A re-entry is an 入库 with an 出库 of the same record before it (same-day lines keep their entry order).
  return cachedStatement(
    ctx.sqlite,
    `SELECT e.date, u.name AS unitName, p.name,
       CASE WHEN e.kind = '入库' AND EXISTS (SELECT 1 FROM reserve_events x WHERE x.reserve_id = e.reserve_id AND x.kind = '出库'
         AND (x.date < e.date OR (x.date = e.date AND x.id < e.id))) THEN '${REENTRY}' ELSE e.kind END AS kind,
       e.reason, e.post, r.status
     FROM reserve_events e JOIN reserves r ON r.id = e.reserve_id JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id
     WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL AND e.date BETWEEN @from AND @to${units.sql}
     ORDER BY e.date, u.sort_order, u.id, r.name_key, e.id`,
  ).all({ from: period.from, to: period.to, ...units.bind }) as ChangeRow[];
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const period = reportPeriod(ctx, params);
  const found = changeRows(ctx, params, period);
  const counts = new Map<string, number>();
  for (const c of found) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const rows = found.map((c, i) => ({
    seq: i + 1,
    ...c,
    kind: KIND_CODES[c.kind] ?? c.kind,
    reason: c.reason ?? '',
    post: c.post ?? '',
    status: STATUS_CODES[c.status as ReserveStatus] ?? c.status,
  }));
  const summary = KIND_ORDER.filter((k) => counts.has(k)).map((k) => `${k} ${counts.get(k)} 条`).join('、') || '无';
  const buffer = await buildReport(reportMeta(ctx, RESERVES_CHANGES_ID, period), [
    {
      sheetName: RESERVES_CHANGES_TITLE,
      title: RESERVES_CHANGES_TITLE,
      columns: COLUMNS,
      rows,
      totals: { label: '合计', labelKey: 'seq', values: { name: `${rows.length} 条` } },
      notes: numberedNotes([
        `按调整日期统计：${period.text}内的全部动态调整记录（${EVENT_KINDS.join('、')}），按日期先后排列；其中${summary}。`,
        '出库后再次入库的记为“重新入库”；“现状态”为填报时的状态。已删除（误建）的后备人才记录不列入。',
      ]),
      freezeColumns: 4,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const reservesChangesReport: ReportDefinition = {
  info: {
    id: RESERVES_CHANGES_ID,
    title: RESERVES_CHANGES_TITLE,
    module: MODULE,
    description: '统计时段内后备人才的推荐、考察、入库、重新入库、调整、任用和出库记录，按日期排列，写明原因和任用职务或调整后的岗位；默认统计本年1月1日至今，可按村（社区）筛选。',
    params: ['period', 'units'],
  },
  build,
};
