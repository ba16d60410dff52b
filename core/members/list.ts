/**
 * The 发展党员 list: filtered, sorted, counted and paged in SQL over the stored judgement (member_state and its
 * indexes), so a page costs the same at 20 files and at 20,000.
 */
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import type { RecordSortField, recordQuery } from './schemas';
import { summariesOf } from './state-read';
import { pageAcross } from '../schema/paging';
import { cachedStatement } from '../schema/statements';
import { hasFindings, refreshProblemRanks } from './problem-rank';
import { ensureJudged } from './state-store';

type RecordQuery = z.output<typeof recordQuery>;
type Params = Record<string, unknown>;

/** better-sqlite3 refuses a named parameter the statement does not use. */
export function bound(sql: string, params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([key]) => new RegExp(`@${key}\\b`).test(sql)));
}

const NO_DEADLINE = "'9999-12-31'";

/**
 * The sort keys a clerk can pick, each served by an index; ties go by the file, in the same direction.
 * A file with no deadline sorts after every date.
 */
const SORT_KEYS: Record<RecordSortField, string> = {
  personName: 's.name_key',
  lastStep: 's.last_step',
  deadline: `coalesce(s.deadline_due, ${NO_DEADLINE})`,
  // Most errors first, then overdue deadlines, then warnings, as one number (problem-rank.ts).
  problems: 's.problem_rank',
};

function whereOf(query: RecordQuery, today: string): { sql: string; params: Params } {
  const parts = ['1'];
  const params: Params = { today };
  if (query.q) {
    // instr, not LIKE: a typed % or _ is looked for literally, and the ID number is matched in capitals.
    // The name and number are copied into member_state: the files are searched, not the 100,000 people.
    parts.push('(instr(s.person_name, @q) > 0 OR instr(s.id_number, @qUpper) > 0)');
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
    parts.push('s.unit_id = @unitId');
    params.unitId = query.unitId;
  }
  if (query.branchId) {
    parts.push('s.branch_id = @branchId');
    params.branchId = query.branchId;
  }
  if (query.activistYear) {
    parts.push('s.activist_on >= @yearFrom AND s.activist_on < @yearTo');
    params.yearFrom = `${query.activistYear}-01-01`;
    params.yearTo = `${query.activistYear + 1}-01-01`;
  }
  if (query.stepNo) {
    // The unique (record, step) index answers it; an open end of the range means no bound on that side.
    parts.push(`s.record_id IN (SELECT st.record_id FROM member_steps st WHERE st.step_no = @stepNo AND st.date >= @stepFrom AND st.date <= @stepTo)`);
    params.stepNo = query.stepNo;
    params.stepFrom = query.stepFrom ?? '0000-01-01';
    params.stepTo = query.stepTo ?? '9999-12-31';
  }
  if (query.onlyOverdue) parts.push('s.deadline_due < @today');
  if (query.onlyViolations) parts.push(hasFindings('s.problem_rank'));
  return { sql: parts.join(' AND '), params };
}

interface Bucket {
  /** Units sharing one place in the village order (null: files kept under no village). */
  unitIds: (number | null)[];
  count: number;
  order: number;
}

/**
 * The unsorted list comes in village order, then by file. Counting files per village (an index) tells which one or
 * two villages a page falls in; only those are read, by file, so no page sorts the whole table.
 */
function villageOrderPage(ctx: LedgerContext, where: { sql: string; params: Params }, offset: number, limit: number, descending: boolean) {
  const countSql = `SELECT s.unit_id AS unitId, count(*) AS n FROM member_state s WHERE ${where.sql} GROUP BY s.unit_id`;
  const counts = cachedStatement(ctx.sqlite, countSql).all(bound(countSql, where.params)) as { unitId: number | null; n: number }[];
  const sortOrders = new Map((cachedStatement(ctx.sqlite, 'SELECT id, sort_order AS sortOrder FROM org_units').all() as { id: number; sortOrder: number }[]).map((u) => [u.id, u.sortOrder]));
  const buckets = new Map<number, Bucket>();
  for (const c of counts) {
    // A file under no (or an unknown) village comes first, as SQL orders NULL first.
    const order = c.unitId === null ? -Infinity : (sortOrders.get(c.unitId) ?? -Infinity);
    const bucket = buckets.get(order) ?? { unitIds: [], count: 0, order };
    bucket.unitIds.push(c.unitId);
    bucket.count += c.n;
    buckets.set(order, bucket);
  }
  const ordered = [...buckets.values()].sort((a, b) => (descending ? b.order - a.order : a.order - b.order));
  const total = ordered.reduce((sum, b) => sum + b.count, 0);
  const ids = pageAcross(ordered, offset, limit, (bucket, rest, skip) => {
    const known = bucket.unitIds.filter((u): u is number => u !== null);
    const inBucket = [known.length ? `s.unit_id IN (${known.join(',')})` : '', bucket.unitIds.includes(null) ? 's.unit_id IS NULL' : ''].filter(Boolean).join(' OR ');
    const pageSql = `SELECT s.record_id FROM member_state s WHERE (${inBucket}) AND ${where.sql} ORDER BY s.record_id ${descending ? 'DESC' : 'ASC'} LIMIT @limit OFFSET @offset`;
    return cachedStatement(ctx.sqlite, pageSql, 'pluck').all(bound(pageSql, { ...where.params, limit: rest, offset: skip })) as number[];
  });
  return { total, ids };
}

export function listRecords(ctx: LedgerContext, query: RecordQuery) {
  const { today } = ensureJudged(ctx);
  // The 问题 sort and the 只看有问题 filter read the stored rank: made true for today first (an index look when it is).
  if (query.sortField === 'problems' || query.onlyViolations) refreshProblemRanks(ctx, today);
  const where = whereOf(query, today);
  const descending = query.sortOrder === 'descend';
  const offset = (query.page - 1) * query.pageSize;
  if (!query.sortField) {
    const { total, ids } = villageOrderPage(ctx, where, offset, query.pageSize, descending);
    return { total, items: summariesOf(ctx, ids, today) };
  }
  const countSql = `SELECT count(*) FROM member_state s WHERE ${where.sql}`;
  const total = cachedStatement(ctx.sqlite, countSql, 'pluck').get(bound(countSql, where.params)) as number;
  const dir = descending ? 'DESC' : 'ASC';
  const pageSql = `SELECT s.record_id FROM member_state s WHERE ${where.sql} ORDER BY ${SORT_KEYS[query.sortField]} ${dir}, s.record_id ${dir} LIMIT @limit OFFSET @offset`;
  const ids = cachedStatement(ctx.sqlite, pageSql, 'pluck').all(bound(pageSql, { ...where.params, limit: query.pageSize, offset })) as number[];
  return { total, items: summariesOf(ctx, ids, today) };
}
