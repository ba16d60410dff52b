import { and, count, desc, eq, gte, lte, or, type SQL } from 'drizzle-orm';
import { containsText } from '../search';
import type { z } from 'zod';
import { auditLog } from '../../db/schema';
import { timestamp, type LedgerContext } from '../context';
import type { AuditEntry, auditQuery } from './schemas';

export interface AuditRecord {
  entity: string;
  entityId?: number | null;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Called inside the service's own transaction, so a write never lands without its log line. */
export function recordAudit(ctx: LedgerContext, entry: AuditRecord): void {
  ctx.db
    .insert(auditLog)
    .values({
      at: timestamp(ctx),
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      action: entry.action,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

export function listAudit(ctx: LedgerContext, query: z.output<typeof auditQuery>): { items: AuditEntry[]; total: number } {
  const where: SQL[] = [];
  if (query.entity) where.push(eq(auditLog.entity, query.entity));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.from) where.push(gte(auditLog.at, query.from));
  if (query.to) where.push(lte(auditLog.at, `${query.to} 23:59:59`));
  if (query.q) where.push(or(containsText(auditLog.summary, query.q), containsText(auditLog.after, query.q))!);
  const filter = where.length ? and(...where) : undefined;
  const total = ctx.db.select({ n: count() }).from(auditLog).where(filter).get()?.n ?? 0;
  const order = query.sortOrder === 'ascend' ? auditLog.id : desc(auditLog.id);
  const rows = ctx.db
    .select()
    .from(auditLog)
    .where(filter)
    .orderBy(order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  return {
    total,
    items: rows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) })),
  };
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

export function countAuditSince(ctx: LedgerContext, since: string): number {
  return ctx.db.select({ n: count() }).from(auditLog).where(gte(auditLog.at, since)).get()?.n ?? 0;
}
