/** The centres' settings, kept as one JSON value beside the unit settings. */
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';
import { DEFAULT_CENTRE_CONFIG, centreConfig, type CentreConfig } from './config-schema';

const KEY = 'centres.config';

export function getCentreConfig(ctx: LedgerContext): CentreConfig {
  const row = ctx.db.select().from(settings).where(eq(settings.key, KEY)).get();
  if (!row) return DEFAULT_CENTRE_CONFIG;
  const stored = JSON.parse(row.value) as Partial<CentreConfig>;
  const parsed = centreConfig.safeParse({ ...DEFAULT_CENTRE_CONFIG, ...stored });
  return parsed.success ? parsed.data : DEFAULT_CENTRE_CONFIG;
}

/** Changing the thresholds changes only what SQL compares; stored dates stay true, so nothing is recomputed. */
export function updateCentreConfig(ctx: LedgerContext, next: CentreConfig): CentreConfig {
  return inTransaction(ctx, () => {
    const before = getCentreConfig(ctx);
    const value = JSON.stringify(next);
    ctx.db.insert(settings).values({ key: KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    recordAudit(ctx, { entity: 'centre_config', action: '修改', summary: '修改服务中心标准与工期设置', before, after: next });
    return next;
  });
}
