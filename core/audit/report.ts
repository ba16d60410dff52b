/**
 * 操作日志 as an Excel file (报表中心, the 操作日志 page's 导出, `ledger export audit-log --from --to`): one row per
 * entry, oldest first, with what changed in words. The log may hold full ID numbers (a person's record before and
 * after an edit); the file never does: it is meant for the 党委 to read and file, so every one is masked.
 */
import { today, type LedgerContext } from '../context';
import { buildReport, type ReportColumn } from '../excel/builder';
import { maskIdNumber } from '../people/idcard';
import type { ReportDefinition, ReportParams } from '../reports/definition';
import { asOf, reportMeta, type ReportPeriod } from '../reports/meta';
import { cachedStatement } from '../schema/statements';
import { displayValue, ENTITY_LABELS, fieldLabel } from './labels';

const TITLE = '操作日志';
/** An Excel cell holds 32,767 characters; a merge of hundreds of people is cut well before that. */
const MAX_DETAIL = 2000;
/** Internal ids and bookkeeping mean nothing on paper; the names beside them say the same (as AuditDiff hides). */
const HIDDEN = new Set(['id', 'unitId', 'mergedIntoId', 'sortOrder', 'isDemo', 'setUp', 'createdAt', 'updatedAt']);
const FULL_ID = /(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', align: 'center' },
  { key: 'at', header: '时间', width: 19 },
  { key: 'entity', header: '对象', width: 14 },
  { key: 'action', header: '操作', align: 'center', width: 10 },
  { key: 'summary', header: '内容', width: 40 },
  { key: 'detail', header: '改动明细', width: 60 },
];

interface Row {
  id: number;
  at: string;
  entity: string;
  action: string;
  summary: string;
  before: string | null;
  after: string | null;
}

export function maskIdsInText(text: string): string {
  return text.replace(FULL_ID, (id) => maskIdNumber(id));
}

function record(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { 内容: v };
  } catch {
    return { 内容: json };
  }
}

/** "姓名：马文明 → 马文明（更名）；…" for an edit, "姓名：马文明；…" for an entry that only adds or removes. */
export function detailText(entity: string, beforeJson: string | null, afterJson: string | null): string {
  const before = record(beforeJson);
  const after = record(afterJson);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !HIDDEN.has(k));
  const parts: string[] = [];
  for (const key of keys) {
    const label = fieldLabel(entity, key);
    const was = displayValue(entity, key, before?.[key]);
    const now = displayValue(entity, key, after?.[key]);
    if (before && after) {
      if (was !== now) parts.push(`${label}：${was} → ${now}`);
    } else {
      const value = after ? now : was;
      if (value !== '—') parts.push(`${label}：${value}`);
    }
  }
  const text = maskIdsInText(parts.join('；'));
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…（其余略，详见台账“操作日志”页）` : text;
}

export function auditRows(ctx: LedgerContext, params: Pick<ReportParams, 'from' | 'to'>): Record<string, string | number>[] {
  const rows = cachedStatement(
    ctx.sqlite,
    `SELECT id, at, entity, action, summary, before, after FROM audit_log
     WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to || ' 23:59:59') ORDER BY id`,
  ).all({ from: params.from ?? null, to: params.to ?? null }) as Row[];
  return rows.map((r, i) => ({
    seq: i + 1,
    at: r.at,
    entity: ENTITY_LABELS[r.entity] ?? r.entity,
    action: r.action,
    summary: maskIdsInText(r.summary),
    detail: detailText(r.entity, r.before, r.after),
  }));
}

function periodOf(ctx: LedgerContext, params: Pick<ReportParams, 'from' | 'to'>): ReportPeriod {
  const to = params.to ?? today(ctx);
  return params.from ? { from: params.from, to, text: `${params.from} 至 ${to}` } : asOf(to);
}

export const auditReport: ReportDefinition = {
  info: {
    id: 'audit-log',
    title: TITLE,
    module: '操作日志',
    description: '全部操作记录按时间先后排列（对象、操作、内容与改动明细），可选统计期间，不选则导出全部；文件中的身份证号一律脱敏。',
    params: ['period'],
  },
  async build(ctx, params) {
    const rows = auditRows(ctx, params);
    const meta = reportMeta(ctx, 'audit-log', periodOf(ctx, params));
    const buffer = await buildReport(meta, [{ sheetName: TITLE, title: TITLE, columns: COLUMNS, rows, totals: false, freezeColumns: 2 }]);
    return { buffer, rowCount: rows.length };
  },
};
