/**
 * A module's settings kept as one JSON value in the settings table (reserves.config, centres.config …): read back
 * over the module's defaults, so a value written by an older version gains the newer fields, and validated, so a
 * damaged value falls back to the defaults instead of breaking the module.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';

export function readJsonSetting<S extends z.ZodType>(ctx: LedgerContext, key: string, schema: S, defaults: z.output<S>, merge: (stored: Partial<z.output<S>>) => unknown): z.output<S> {
  const row = ctx.db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return defaults;
  const parsed = schema.safeParse(merge(JSON.parse(row.value) as Partial<z.output<S>>));
  return parsed.success ? parsed.data : defaults;
}

export function writeJsonSetting<T>(ctx: LedgerContext, key: string, next: T, read: () => T, audit: { entity: string; summary: string }): T {
  return inTransaction(ctx, () => {
    const before = read();
    const value = JSON.stringify(next);
    ctx.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    recordAudit(ctx, { entity: audit.entity, action: '修改', summary: audit.summary, before, after: next });
    return next;
  });
}
