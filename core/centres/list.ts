/** The centre list, filtered, sorted and paged in SQL over the stored columns and today's date. */
import type { z } from 'zod';
import { today, type LedgerContext } from '../context';
import { cachedStatement } from '../schema/statements';
import { getCentreConfig } from './config';
import type { CentreRow, centreQuery } from './schemas';
import { AT_RISK_SQL, DAYS_BEHIND_SQL, LIVE_CENTRES, RISK_ORDER, STATUS_SQL } from './sql';

type Query = z.output<typeof centreQuery>;

const ORDER: Record<NonNullable<Query['sortField']>, string> = {
  unitName: 'c.unit_order, c.unit_id, c.id',
  // Most at risk first: at risk, then the most days behind, then the nearest required date.
  risk: RISK_ORDER,
  progress: 'c.progress_percent, c.id',
  requiredOn: 'c.required_on, c.id',
};

export const ROW_COLUMNS = `c.id, c.unit_id AS unitId, u.name AS unitName, c.name, c.renovation_type AS renovationType,
  c.target_area AS targetArea, c.total_fen AS totalFen, c.required_on AS requiredOn, c.progress_percent AS progressPercent,
  c.progress_on AS progressOn, ${STATUS_SQL} AS status, ${DAYS_BEHIND_SQL} AS daysBehind, c.open_milestone AS nextMilestone,
  c.open_due AS nextDue, ${AT_RISK_SQL} AS atRisk, c.projected_on AS projectedOn`;

/** Named parameters every centre query binds. */
export function centreParams(ctx: LedgerContext): { today: string; lateDays: number; severeDays: number } {
  const t = getCentreConfig(ctx).thresholds;
  return { today: today(ctx), lateDays: t.lateDays, severeDays: t.severeDays };
}

export function centreFilter(query: Omit<Query, 'page' | 'pageSize' | 'sortField' | 'sortOrder'>): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.unitId) (where.push('c.unit_id = @unitId'), (params.unitId = query.unitId));
  if (query.renovationType) (where.push('c.renovation_type = @type'), (params.type = query.renovationType));
  if (query.status) (where.push(`${STATUS_SQL} = @status`), (params.status = query.status));
  if (query.atRisk != null) where.push(query.atRisk ? AT_RISK_SQL : `NOT ${AT_RISK_SQL}`);
  if (query.fundingSource) {
    where.push('EXISTS (SELECT 1 FROM centre_funds f WHERE f.centre_id = c.id AND f.source = @source)');
    params.source = query.fundingSource;
  }
  return { where: where.length ? ` AND ${where.join(' AND ')}` : '', params };
}

type StoredRow = Omit<CentreRow, 'atRisk'> & { atRisk: number | null };
const toRow = (r: StoredRow): CentreRow => ({ ...r, atRisk: r.atRisk === 1 });

export function listCentres(ctx: LedgerContext, query: Query): { items: CentreRow[]; total: number } {
  const { where, params } = centreFilter(query);
  const bind = { ...centreParams(ctx), ...params };
  const direction = query.sortOrder === 'descend' ? ' DESC' : '';
  const order = query.sortField && query.sortField !== 'risk' ? ORDER[query.sortField].split(', ').map((c) => c + direction).join(', ') : ORDER[query.sortField ?? 'unitName'];
  const used = (sql: string) => Object.fromEntries(Object.entries(bind).filter(([k]) => sql.includes(`@${k}`)));
  const countSql = `SELECT count(*) ${LIVE_CENTRES}${where}`;
  const total = cachedStatement(ctx.sqlite, countSql, 'pluck').get(used(countSql)) as number;
  const pageSql = `SELECT ${ROW_COLUMNS} FROM centres c JOIN org_units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  const items = (cachedStatement(ctx.sqlite, pageSql).all({ ...used(pageSql), limit: query.pageSize, offset: (query.page - 1) * query.pageSize }) as StoredRow[]).map(toRow);
  return { items, total };
}

export { toRow, type StoredRow };
