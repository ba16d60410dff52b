/**
 * 季度积分 with a ranking per township, where the bottom share gets a 警示提醒谈话, and the 年度考核, where
 * 不合格 proposes 出库 (shown as a warning on the person page and in the list of warnings).
 */
import type { z } from 'zod';
import { reserveAssessments } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, type LedgerContext } from '../context';
import { invalid } from '../errors';
import { cachedStatement } from '../schema/statements';
import { getReserveConfig } from './config';
import type { assessmentInput, rankingRow } from './schemas';

/** How many of a ranking of `count` fall in the bottom `percent`: rounded up, so any pool of 1+ has one. */
export function bottomShareCount(count: number, percent: number): number {
  return count === 0 ? 0 : Math.ceil((count * percent) / 100);
}

export function saveAssessment(ctx: LedgerContext, input: z.output<typeof assessmentInput>): { id: number } {
  return inTransaction(ctx, () => {
    const exists = cachedStatement(ctx.sqlite, 'SELECT 1 FROM reserves WHERE id = ? AND deleted_at IS NULL', 'pluck').get(input.reserveId);
    if (!exists) throw invalid('该后备人才不存在或已删除');
    const values = {
      reserveId: input.reserveId,
      period: input.period,
      points: input.points ?? null,
      rating: input.rating ?? null,
      warningTalkOn: input.warningTalkOn ?? null,
      note: input.note,
    };
    const row = ctx.db
      .insert(reserveAssessments)
      .values(values)
      .onConflictDoUpdate({ target: [reserveAssessments.reserveId, reserveAssessments.period], set: { ...values, updatedAt: timestamp(ctx) } })
      .returning({ id: reserveAssessments.id })
      .get();
    const what = input.period.includes('Q') ? `${input.period} 季度积分 ${input.points}` : `${input.period} 年度考核 ${input.rating}`;
    recordAudit(ctx, { entity: 'reserve_assessment', entityId: input.reserveId, action: '记录', summary: what, after: input });
    return { id: row.id };
  });
}

const RANKING_SQL = `SELECT r.id AS reserveId, p.name, u.name AS unitName, a.points, a.warning_talk_on AS warningTalkOn
  FROM reserve_assessments a JOIN reserves r ON r.id = a.reserve_id JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id
  WHERE a.period = ? AND a.points IS NOT NULL AND r.deleted_at IS NULL AND p.deleted_at IS NULL
  ORDER BY a.points DESC, r.name_key, r.id`;

/** Ranks share a place on equal points; the bottom share is counted from the end of the ordered list. */
export function ranking(ctx: LedgerContext, period: string): z.input<typeof rankingRow>[] {
  const rows = cachedStatement(ctx.sqlite, RANKING_SQL).all(period) as { reserveId: number; name: string; unitName: string; points: number; warningTalkOn: string | null }[];
  const warnFrom = rows.length - bottomShareCount(rows.length, getReserveConfig(ctx).warningSharePercent);
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r.points !== rows[i - 1]!.points) rank = i + 1;
    return { ...r, rank, warn: i >= warnFrom };
  });
}
