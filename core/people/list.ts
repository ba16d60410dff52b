/**
 * The 人员库 list: filter, sort, count and page in SQL. A page reads the page's ids from one index first, then only
 * those rows, so page 1000 of 100,000 people costs about what page 1 does; the total is a lookup in people_counts
 * where it can be. See list-sql.ts for the indexes.
 */
import { eq, inArray } from 'drizzle-orm';
import { orgUnits, people } from '../../db/schema';
import type { LedgerContext } from '../context';
import { maskIdNumber } from './idcard';
import { UNIT_INDEX, SEARCH_INDEX, columnFilters, countedFilters, orderBy, searchPlan, sortIndex, sortOf, type Direction, type Fragment, type PeopleQuery } from './list-sql';
import { personColumns, withMismatch } from './service';
import { pageAcross } from '../schema/paging';

interface Selection {
  /** FROM … WHERE …, with `p` the people table and `u` its unit where joined. */
  from: string;
  params: unknown[];
}

const ids = (ctx: LedgerContext, sql: string, params: unknown[]): number[] =>
  (ctx.sqlite.prepare(sql).pluck().all(...params) as number[]);

const countOf = (ctx: LedgerContext, s: Selection): number =>
  ctx.sqlite.prepare(`SELECT count(*) ${s.from}`).pluck().get(...s.params) as number;

function page(ctx: LedgerContext, s: Selection, order: string, limit: number, offset: number): number[] {
  return ids(ctx, `SELECT p.id ${s.from} ORDER BY ${order} LIMIT ? OFFSET ?`, [...s.params, limit, offset]);
}

const join = (f: Fragment[]) => ({ sql: f.map((x) => x.sql).join(''), params: f.flatMap((x) => x.params) });

/** Live people matching the column filters: looked up when one filter or none is set, else counted on the index. */
function liveTotal(ctx: LedgerContext, query: PeopleQuery, where: string, params: unknown[]): number {
  const used = countedFilters(query);
  if (used.length > 1) return countOf(ctx, { from: `FROM people p INDEXED BY ${UNIT_INDEX} ${where}`, params });
  // Every live person has exactly one gender: the gender rows add up to everyone.
  const [field, value] = used[0] ?? ['gender', null];
  const sql = `SELECT coalesce(sum(n), 0) FROM people_counts WHERE field = ?${value === null ? '' : ' AND value = ?'}`;
  return ctx.sqlite.prepare(sql).pluck().get(...(value === null ? [field] : [field, value])) as number;
}

/**
 * Live people, no search text: the sort's own index walks in order, filters read from the same entries. With a
 * unit chosen, that unit's index range is read instead (a unit holds a few hundred people) and sorted.
 */
function livePage(ctx: LedgerContext, query: PeopleQuery, limit: number, offset: number): { total: number; ids: number[] } {
  const filters = columnFilters(query);
  const { field, dir } = sortOf(query);
  const where = `WHERE p.deleted_at IS NULL${filters.sql}`;
  const total = liveTotal(ctx, query, where, filters.params);
  if (total <= offset) return { total, ids: [] };
  if (query.unitId) {
    const from = `FROM people p INDEXED BY ${UNIT_INDEX} ${where}`;
    return { total, ids: page(ctx, { from, params: filters.params }, field === 'unitName' ? `p.id ${dir}` : orderBy(field, dir), limit, offset) };
  }
  if (field !== 'unitName') {
    const from = `FROM people p INDEXED BY ${sortIndex(field)} ${where}`;
    return { total, ids: page(ctx, { from, params: filters.params }, orderBy(field, dir), limit, offset) };
  }
  return { total, ids: unitOrderPage(ctx, where, filters.params, dir, total, limit, offset) };
}

/**
 * By unit, in the units' own order: walk org_units by (sort_order, id) and each unit's people by id, straight from
 * the indexes. People with no unit come first ascending and last descending, as NULLs sort in SQLite.
 */
function unitOrderPage(ctx: LedgerContext, where: string, params: unknown[], dir: Direction, total: number, limit: number, offset: number): number[] {
  const noUnit: Selection = { from: `FROM people p INDEXED BY ${UNIT_INDEX} ${where} AND p.unit_id IS NULL`, params };
  const withUnit: Selection = { from: `FROM org_units u INDEXED BY org_units_sort_idx CROSS JOIN people p INDEXED BY ${UNIT_INDEX} ON p.unit_id = u.id ${where}`, params };
  const noUnitCount = countOf(ctx, noUnit);
  const segments = [
    { s: noUnit, order: `p.id ${dir}`, count: noUnitCount },
    { s: withUnit, order: orderBy('unitName', dir), count: total - noUnitCount },
  ];
  if (dir === 'DESC') segments.reverse();
  return pageAcross(segments, offset, limit, (seg, rest, skip) => page(ctx, seg.s, seg.order, rest, skip));
}

/**
 * Searches, and the 已删除 view (deleted people are few and have their own index): the matching rows are few, so
 * the page is sorted from them. The count comes with the page in one pass; only a page past the end counts again.
 */
function matchedPage(ctx: LedgerContext, query: PeopleQuery, limit: number, offset: number): { total: number; ids: number[] } {
  const { field, dir } = sortOf(query);
  const search = query.q ? searchPlan(query.q) : null;
  const filters = columnFilters(query);
  const parts: Fragment[] = [{ sql: query.deleted ? 'WHERE p.deleted_at IS NOT NULL' : 'WHERE p.deleted_at IS NULL', params: [] }];
  if (search?.candidates) parts.push(search.candidates);
  if (search) parts.push(search.where);
  parts.push(filters);
  const where = join(parts);
  // A short text is tested on every live row: the narrow search index holds all three columns it tests.
  const pinned = !query.deleted && search && !search.candidates ? ` INDEXED BY ${SEARCH_INDEX}` : '';
  const unitJoin = field === 'unitName' ? ' LEFT JOIN org_units u ON u.id = p.unit_id' : '';
  const from = `FROM people p${pinned}${unitJoin} ${where.sql}`;
  const rows = ctx.sqlite
    .prepare(`SELECT p.id AS id, count(*) OVER () AS total ${from} ORDER BY ${orderBy(field, dir)} LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as { id: number; total: number }[];
  const total = rows[0]?.total ?? countOf(ctx, { from, params: where.params });
  return { total, ids: rows.map((r) => r.id) };
}

export function listPeople(ctx: LedgerContext, query: PeopleQuery) {
  const offset = (query.page - 1) * query.pageSize;
  const { total, ids: pageIds } = query.q || query.deleted ? matchedPage(ctx, query, query.pageSize, offset) : livePage(ctx, query, query.pageSize, offset);
  const byId = new Map(
    pageIds.length
      ? ctx.db.select(personColumns).from(people).leftJoin(orgUnits, eq(orgUnits.id, people.unitId)).where(inArray(people.id, pageIds)).all().map((r) => [r.id, r])
      : [],
  );
  return {
    total,
    items: pageIds.map((id) => {
      const { idNumber, ...rest } = withMismatch(byId.get(id)!);
      return { ...rest, idNumberMasked: maskIdNumber(idNumber) };
    }),
  };
}
