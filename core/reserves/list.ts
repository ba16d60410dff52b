/**
 * The reserve list: filtered, sorted and paged in SQL over the reserve rows alone (the person's facts it filters
 * by are copied onto them, ./state.ts), one row per person. The village and the person are joined for the page's
 * twenty rows only.
 */
import type { z } from 'zod';
import { today, type LedgerContext } from '../context';
import { likePattern } from '../search';
import { cachedStatement } from '../schema/statements';
import { PARTY_MEMBER_STATUSES } from './codes';
import type { ReserveRow, reserveQuery } from './schemas';
import { POLITICAL_SQL, ageBandBounds, ageSql, educationCodesSql } from './sql';

type Query = z.output<typeof reserveQuery>;
type Filters = Omit<Query, 'page' | 'pageSize' | 'sortField' | 'sortOrder'>;

/** Each order ends in the row id, and each has an index that walks it (db/schema/reserves.ts). */
const ORDER: Record<NonNullable<Query['sortField']>, string[]> = {
  name: ['r.name_key', 'r.id'],
  unitName: ['r.unit_order', 'r.unit_id', 'r.name_key', 'r.id'],
  statusOn: ['r.status_on', 'r.id'],
  trainingHours: ['r.training_hours', 'r.id'],
};

const LISTED = 'FROM reserves r WHERE r.deleted_at IS NULL AND r.person_live = 1';

export function reserveFilter(query: Filters, on: string): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (query.unitId) add('r.unit_id = ?', query.unitId);
  if (query.source) add('r.source = ?', query.source);
  if (query.status) add('r.status = ?', query.status);
  if (query.postDirection) add('r.post_direction = ?', query.postDirection);
  if (query.educationGroup) add(`r.education IN (${educationCodesSql(query.educationGroup)})`);
  if (query.ageBand) {
    const b = ageBandBounds(query.ageBand, on);
    if (b.after) add('r.birth_date > ?', b.after);
    if (b.upTo) add('r.birth_date <= ?', b.upTo);
  }
  if (query.partyMember != null) {
    const members = PARTY_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ');
    add(`${POLITICAL_SQL} ${query.partyMember ? 'IN' : 'NOT IN'} (${members})`);
  }
  if (query.q) {
    const like = likePattern(query.q);
    // Names are on the row; a number typed is a 公民身份号码 or phone, which only the person holds.
    if (/\d/.test(query.q)) add("r.person_id IN (SELECT id FROM people WHERE id_number LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')", like, like);
    else add("r.person_name LIKE ? ESCAPE '\\'", like);
  }
  return { where: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}

/** The list row's columns over `r` (reserves), `p` (people) and `u` (org_units), with the age on a day. */
export function rowColumns(on: string): string {
  return `r.id, r.person_id AS personId, p.name, p.gender, p.birth_date AS birthDate,
    ${ageSql(on)} AS age,
    p.education, r.unit_id AS unitId, u.name AS unitName, r.post_direction AS postDirection, r.source, r.status, r.status_on AS statusOn,
    r.appointed_post AS appointedPost, ${POLITICAL_SQL} AS politicalStatus, r.training_count AS trainingCount,
    r.training_hours AS trainingHours, r.affair_count AS affairCount, r.town_review_on AS townReviewOn, r.mentor_name AS mentorName`;
}

export function listReserves(ctx: LedgerContext, query: Query): { items: ReserveRow[]; total: number } {
  const on = today(ctx);
  const { where, params } = reserveFilter(query, on);
  const direction = query.sortOrder === 'descend' ? ' DESC' : '';
  const order = ORDER[query.sortField ?? 'unitName'].map((c) => c + direction).join(', ');
  const total = cachedStatement(ctx.sqlite, `SELECT count(*) ${LISTED}${where}`, 'pluck').get(...params) as number;
  const ids = cachedStatement(ctx.sqlite, `SELECT r.id ${LISTED}${where} ORDER BY ${order} LIMIT ? OFFSET ?`, 'pluck').all(
    ...params,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  ) as number[];
  const rows = cachedStatement(
    ctx.sqlite,
    `SELECT ${rowColumns(on)} FROM reserves r JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id
     WHERE r.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ReserveRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((id) => byId.get(id)!), total };
}
