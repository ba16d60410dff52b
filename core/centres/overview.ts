/** 首页's centre figures: by status, overall progress, late milestones, and the money planned, allocated and paid. */
import type { LedgerContext } from '../context';
import { cachedStatement } from '../schema/statements';
import { CENTRE_STATUSES, type CentreStatus } from './codes';
import { centreParams } from './list';
import { AT_RISK_SQL, LIVE_CENTRES, STATUS_SQL } from './sql';

export function centresOverview(ctx: LedgerContext) {
  const params = centreParams(ctx);
  const counts = cachedStatement(ctx.sqlite, `SELECT ${STATUS_SQL} AS status, count(*) AS count ${LIVE_CENTRES} GROUP BY 1`).all(params) as { status: CentreStatus; count: number }[];
  const totals = cachedStatement(
    ctx.sqlite,
    `SELECT count(*) AS total, coalesce(avg(c.progress_percent), 0) AS avg, coalesce(sum(${AT_RISK_SQL}), 0) AS atRisk, coalesce(sum(c.total_fen), 0) AS planned ${LIVE_CENTRES}`,
  ).get({ today: params.today }) as { total: number; avg: number; atRisk: number; planned: number };
  const late = cachedStatement(
    ctx.sqlite,
    `SELECT count(*) FROM centre_milestones m JOIN centres c ON c.id = m.centre_id
     WHERE c.deleted_at IS NULL AND c.completed_on IS NULL AND m.actual_on IS NULL AND m.planned_on < @today`,
    'pluck',
  ).get({ today: params.today }) as number;
  const money = cachedStatement(
    ctx.sqlite,
    `SELECT coalesce(sum(CASE WHEN kind = '下拨' THEN amount_fen END), 0) AS allocated, coalesce(sum(CASE WHEN kind = '支付' THEN amount_fen END), 0) AS paid
     FROM centre_money m JOIN centres c ON c.id = m.centre_id WHERE c.deleted_at IS NULL`,
  ).get() as { allocated: number; paid: number };
  return {
    total: totals.total,
    byStatus: CENTRE_STATUSES.map((status) => ({ status, count: counts.find((c) => c.status === status)?.count ?? 0 })),
    averageProgress: Math.round(totals.avg),
    lateMilestones: late,
    atRisk: totals.atRisk,
    plannedFen: totals.planned,
    allocatedFen: money.allocated,
    paidFen: money.paid,
  };
}
