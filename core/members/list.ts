/** The 发展党员 list: filtered, sorted, counted and paged in SQL over the stored judgement. */
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import type { RecordSortField, recordQuery } from './schemas';
import { FINDING_ACTIVE, LIVE_FILES, LIVE_WHERE, summariesOf } from './state-read';
import { ensureJudged } from './state-store';

type RecordQuery = z.output<typeof recordQuery>;

const ACTIVE_FINDINGS = (level?: 'error' | 'warning') =>
  `(SELECT count(*) FROM member_findings f WHERE f.record_id = r.id${level ? ` AND f.level = '${level}'` : ''} AND ${FINDING_ACTIVE})`;

/** The sort keys a clerk can pick; ties fall back to village order and then the file, as the unsorted list shows. */
const SORT_KEYS: Record<RecordSortField, string[]> = {
  personName: ['p.sort_key'],
  lastStep: ['s.last_step'],
  // A file with no deadline sorts after every date.
  deadline: ["coalesce(s.deadline_due, '9999')"],
  problems: [ACTIVE_FINDINGS('error'), "(SELECT count(*) FROM member_deadlines d WHERE d.record_id = r.id AND d.kind <> '培养期满' AND d.due_date < @today)", ACTIVE_FINDINGS('warning')],
};
const BASE_ORDER = ['u.sort_order', 'r.id'];

function whereOf(query: RecordQuery): { sql: string; params: Record<string, unknown> } {
  const parts = [LIVE_WHERE];
  const params: Record<string, unknown> = {};
  if (query.q) {
    // instr, not LIKE: a typed % or _ is looked for literally, and the ID number is matched in capitals.
    parts.push('(instr(p.name, @q) > 0 OR instr(p.id_number, @qUpper) > 0)');
    params.q = query.q;
    params.qUpper = query.q.toUpperCase();
  }
  if (query.stage) {
    parts.push("s.status_group = '进行中' AND s.stage = @stage");
    params.stage = query.stage;
  }
  if (query.status) {
    parts.push('s.status_group = @status');
    params.status = query.status;
  }
  if (query.unitId) {
    parts.push('p.unit_id = @unitId');
    params.unitId = query.unitId;
  }
  if (query.branchId) {
    parts.push('r.branch_id = @branchId');
    params.branchId = query.branchId;
  }
  if (query.activistYear) {
    parts.push('s.activist_on >= @yearFrom AND s.activist_on < @yearTo');
    params.yearFrom = `${query.activistYear}-01-01`;
    params.yearTo = `${query.activistYear + 1}-01-01`;
  }
  if (query.onlyOverdue) parts.push('s.deadline_due < @today');
  if (query.onlyViolations) parts.push(`EXISTS (SELECT 1 FROM member_findings f WHERE f.record_id = r.id AND ${FINDING_ACTIVE})`);
  return { sql: parts.join(' AND '), params };
}

/** better-sqlite3 refuses a named parameter the statement does not use. */
export function bound(sql: string, params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => sql.includes(`@${key}`)));
}

export function listRecords(ctx: LedgerContext, query: RecordQuery) {
  const { today } = ensureJudged(ctx);
  const where = whereOf(query);
  const direction = query.sortOrder === 'descend' ? 'DESC' : 'ASC';
  const keys = [...(query.sortField ? SORT_KEYS[query.sortField] : []), ...BASE_ORDER];
  const params = { ...where.params, today, limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const countSql = `SELECT count(*) FROM ${LIVE_FILES} WHERE ${where.sql}`;
  const total = ctx.sqlite.prepare(countSql).pluck().get(bound(countSql, params)) as number;
  const pageSql = `SELECT r.id FROM ${LIVE_FILES} WHERE ${where.sql} ORDER BY ${keys.map((k) => `${k} ${direction}`).join(', ')} LIMIT @limit OFFSET @offset`;
  const ids = ctx.sqlite.prepare(pageSql).pluck().all(bound(pageSql, params)) as number[];
  return { total, items: summariesOf(ctx, ids, today) };
}
