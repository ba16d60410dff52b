import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { branches, orgUnits, people } from '../../db/schema';
import { countAuditSince } from '../audit/service';
import { today, type LedgerContext } from '../context';
import type { DashboardSummary } from './schemas';

export function dashboardSummary(ctx: LedgerContext): DashboardSummary {
  const n = (q: { get(): { n: number } | undefined }) => q.get()?.n ?? 0;
  const activeUnits = isNull(orgUnits.retiredAt);
  return {
    people: n(ctx.db.select({ n: count() }).from(people).where(isNull(people.deletedAt))),
    deletedPeople: n(ctx.db.select({ n: count() }).from(people).where(isNotNull(people.deletedAt))),
    units: n(ctx.db.select({ n: count() }).from(orgUnits).where(activeUnits)),
    villages: n(ctx.db.select({ n: count() }).from(orgUnits).where(and(activeUnits, eq(orgUnits.kind, '村')))),
    communities: n(ctx.db.select({ n: count() }).from(orgUnits).where(and(activeUnits, eq(orgUnits.kind, '社区')))),
    branches: n(ctx.db.select({ n: count() }).from(branches).where(isNull(branches.retiredAt))),
    auditToday: countAuditSince(ctx, today(ctx)),
  };
}
