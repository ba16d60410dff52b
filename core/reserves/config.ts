/** The reserve register's settings, kept as one JSON value beside the unit settings. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';
import { DEFAULT_RESERVE_CONFIG, reserveConfig, type ReserveConfig } from './config-schema';

const KEY = 'reserves.config';

export function getReserveConfig(ctx: LedgerContext): ReserveConfig {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_RESERVE_CONFIG;
  // A value written by an older version may lack newer fields: the defaults fill them in.
  const stored = JSON.parse(row.value) as Partial<ReserveConfig>;
  const merged = { ...DEFAULT_RESERVE_CONFIG, ...stored, plan: { ...DEFAULT_RESERVE_CONFIG.plan, ...stored.plan }, eligibility: { ...DEFAULT_RESERVE_CONFIG.eligibility, ...stored.eligibility } };
  const parsed = reserveConfig.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_RESERVE_CONFIG;
}

export function updateReserveConfig(ctx: LedgerContext, next: z.output<typeof reserveConfig>): ReserveConfig {
  return inTransaction(ctx, () => {
    const before = getReserveConfig(ctx);
    const value = JSON.stringify(next);
    ctx.db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    recordAudit(ctx, { entity: 'reserve_config', action: '修改', summary: '修改后备人才计划与设置', before, after: next });
    return next;
  });
}
