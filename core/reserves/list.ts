/** The reserve list: filtered, sorted and paged in SQL over the stored state, one row per person. */
import type { z } from 'zod';
import { today, type LedgerContext } from '../context';
import { likePattern } from '../search';
import { cachedStatement } from '../schema/statements';
import { PARTY_MEMBER_STATUSES } from './codes';
import type { ReserveRow, reserveQuery } from './schemas';
import { FROM_RESERVES, POLITICAL_SQL, ageBandBounds, ageSql, educationCodesSql } from './sql';

type Query = z.output<typeof reserveQuery>;

const ORDER: Record<NonNullable<Query['sortField']>, string> = {
  name: 'r.name_key, r.id',
  unitName: 'u.sort_order, u.id, r.name_key, r.id',
  statusOn: 'r.status_on, r.id',
  trainingHours: 'r.training_hours, r.id',
};

export function reserveFilter(query: Omit<Query, 'page' | 'pageSize' | 'sortField' | 'sortOrder'>, on: string): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.unitId) (where.push('r.unit_id = ?'), params.push(query.unitId));
  if (query.source) (where.push('r.source = ?'), params.push(query.source));
  if (query.status) (where.push('r.status = ?'), params.push(query.status));
  if (query.postDirection) (where.push('r.post_direction = ?'), params.push(query.postDirection));
  if (query.educationGroup) where.push(`p.education IN (${educationCodesSql(query.educationGroup)})`);
  if (query.ageBand) {
    const b = ageBandBounds(query.ageBand, on);
    if (b.after) (where.push('p.birth_date > ?'), params.push(b.after));
    if (b.upTo) (where.push('p.birth_date <= ?'), params.push(b.upTo));
  }
  if (query.partyMember != null) {
    const members = PARTY_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ');
    where.push(`${POLITICAL_SQL} ${query.partyMember ? 'IN' : 'NOT IN'} (${members})`);
  }
  if (query.q) {
    where.push("(p.name LIKE ? ESCAPE '\\' OR p.id_number LIKE ? ESCAPE '\\' OR p.phone LIKE ? ESCAPE '\\')");
    const like = likePattern(query.q);
    params.push(like, like, like);
  }
  return { where: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}

export function rowColumns(on: string): string {
  return `r.id, r.person_id AS personId, p.name, p.gender, p.birth_date AS birthDate, ${ageSql(on)} AS age, p.education,
    r.unit_id AS unitId, u.name AS unitName, r.post_direction AS postDirection, r.source, r.status, r.status_on AS statusOn,
    r.appointed_post AS appointedPost, ${POLITICAL_SQL} AS politicalStatus, r.training_count AS trainingCount,
    r.training_hours AS trainingHours, r.affair_count AS affairCount, r.town_review_on AS townReviewOn, r.mentor_name AS mentorName`;
}

export function listReserves(ctx: LedgerContext, query: Query): { items: ReserveRow[]; total: number } {
  const on = today(ctx);
  const { where, params } = reserveFilter(query, on);
  const order = ORDER[query.sortField ?? 'unitName'].replace(/,|$/g, (m) => (query.sortOrder === 'descend' ? ` DESC${m}` : m));
  const total = cachedStatement(ctx.sqlite, `SELECT count(*) ${FROM_RESERVES}${where}`, 'pluck').get(...params) as number;
  const items = cachedStatement(ctx.sqlite, `SELECT ${rowColumns(on)} ${FROM_RESERVES}${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  ) as ReserveRow[];
  return { items, total };
}
