import { eq } from 'drizzle-orm';
import { settings as settingsTable } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';
import { DORMANT_YEARS } from './limits';
import type { Settings } from './schemas';

/** Report fonts follow GB/T 9704 habit, falling back to what every Chinese Windows has. */
export const DEFAULT_SETTINGS: Settings = {
  countyName: '',
  townName: '',
  unitName: '',
  fillerName: '',
  reviewerName: '',
  phone: '',
  fontTitle: '黑体',
  fontHeader: '黑体',
  fontBody: '宋体',
  isDemo: false,
  setUp: false,
  reviewPartLabels: ['谈话', '报送材料', '审查', '定结论'],
  dormantYears: DORMANT_YEARS.default,
  mode: 'town',
  countyTowns: [],
  countyKey: '',
};

type StoredKey = keyof Settings;

export function getSettings(ctx: LedgerContext): Settings {
  const rows = ctx.db.select().from(settingsTable).all();
  // Other modules keep their own keys in the same table (reserves.config); the unit settings are only these.
  const known = new Set(Object.keys(DEFAULT_SETTINGS));
  const stored = Object.fromEntries(rows.filter((r) => known.has(r.key)).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

/** Writes without its own transaction or audit: for callers that already hold both. */
export function writeSettings(ctx: LedgerContext, patch: Partial<Settings>): void {
  for (const [key, value] of Object.entries(patch) as [StoredKey, unknown][]) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    ctx.db.insert(settingsTable).values({ key, value: json }).onConflictDoUpdate({ target: settingsTable.key, set: { value: json } }).run();
  }
}

export function updateSettings(ctx: LedgerContext, patch: Partial<Settings>): Settings {
  return inTransaction(ctx, () => {
    const before = getSettings(ctx);
    writeSettings(ctx, patch);
    const after = getSettings(ctx);
    // The county key is shared by a county's townships; the log shows that it changed, never the key itself.
    const hide = (v: Settings) => ({ ...v, countyKey: v.countyKey ? '（已设置）' : '' });
    recordAudit(ctx, { entity: 'settings', action: '修改', summary: '修改单位设置', before: hide(before), after: hide(after) });
    return after;
  });
}

export function isSetUp(ctx: LedgerContext): boolean {
  const row = ctx.db.select().from(settingsTable).where(eq(settingsTable.key, 'setUp')).get();
  return row ? JSON.parse(row.value) === true : false;
}
