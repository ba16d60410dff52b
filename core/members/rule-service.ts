/** The rule table in force, and its versioned edits from the settings page. */
import { desc } from 'drizzle-orm';
import { ruleTables } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { toInvalid } from '../schema/validate';
import { DEFAULT_RULE_TABLE, HARD_RULES, RULE_DEFS, RULE_IDS, mergeTable, normalizeTable, ruleTableSchema, tableInForce, type RuleTable, type RuleTableOverrides } from './rule-table';

/** Normalised on load: a row an older version wrote (a missing rule, 100000 months) is clamped, never trusted. */
function storedTables(ctx: LedgerContext): RuleTable[] {
  return ctx.db
    .select()
    .from(ruleTables)
    .orderBy(desc(ruleTables.version))
    .all()
    .map((row) => normalizeTable({ ...(JSON.parse(row.rules) as object), version: row.version, effectiveDate: row.effectiveDate }));
}

function latestVersion(ctx: LedgerContext): number {
  return Math.max(DEFAULT_RULE_TABLE.version, ...storedTables(ctx).map((t) => t.version));
}

const inForce = new WeakMap<object, { key: string; table: RuleTable }>();

/**
 * A record is always judged by the table in force today; before any edit that is the shipped default. Every write
 * and read asks for it, so it is kept per database until a version is added or the day changes (the key is read
 * from the newest row; versions are only ever added).
 */
export function ruleTableInForce(ctx: LedgerContext): RuleTable {
  // The newest version's whole row is part of the key: a version saved and rolled back, then saved again with other
  // rules under the same number, is not mistaken for the cached one.
  const newest = ctx.sqlite.prepare("SELECT (SELECT count(*) FROM rule_tables) || ':' || version || ':' || effective_date || ':' || rules FROM rule_tables ORDER BY version DESC LIMIT 1").pluck().get() as string | undefined;
  const key = `${today(ctx)}|${newest ?? ''}`;
  const cached = inForce.get(ctx.sqlite);
  if (cached?.key === key) return cached.table;
  const table = tableInForce([DEFAULT_RULE_TABLE, ...storedTables(ctx)], today(ctx)) ?? DEFAULT_RULE_TABLE;
  inForce.set(ctx.sqlite, { key, table });
  return table;
}

export function describeRuleTable(ctx: LedgerContext, table: RuleTable) {
  return {
    version: table.version,
    latestVersion: latestVersion(ctx),
    effectiveDate: table.effectiveDate,
    publicitySteps: [...table.publicitySteps],
    rules: RULE_IDS.map((id) => ({
      id,
      description: RULE_DEFS[id].description,
      source: RULE_DEFS[id].source,
      level: table.rules[id].level,
      defaultLevel: RULE_DEFS[id].defaultLevel,
      thresholds: { ...table.rules[id].thresholds },
      unverified: !!RULE_DEFS[id].unverified,
      computed: !!RULE_DEFS[id].computed,
      hard: HARD_RULES.has(id),
    })),
  };
}

/** Every edit is a new version, effective from the date given (today by default); old versions stay. */
export interface RuleTablePlan {
  current: RuleTable;
  next: RuleTable;
  changed: (typeof RULE_IDS)[number][];
  /** Whether the new version is the one in force today (false for a later 施行日期). */
  inForceNow: boolean;
}

/** The next version as an edit would make it, validated, with nothing written: a refusal comes before any work. */
export function planRuleTable(ctx: LedgerContext, overrides: RuleTableOverrides): RuleTablePlan {
  const current = ruleTableInForce(ctx);
  const next = mergeTable(current, { ...overrides, version: latestVersion(ctx) + 1, effectiveDate: overrides.effectiveDate ?? today(ctx) });
  const parsed = ruleTableSchema.safeParse(next);
  if (!parsed.success) throw toInvalid(parsed.error);
  const changed = RULE_IDS.filter((id) => JSON.stringify(current.rules[id]) !== JSON.stringify(next.rules[id]));
  const inForceNow = tableInForce([DEFAULT_RULE_TABLE, ...storedTables(ctx), next], today(ctx))?.version === next.version;
  return { current, next, changed, inForceNow };
}

export function saveRuleTable(ctx: LedgerContext, plan: RuleTablePlan): RuleTable {
  return inTransaction(ctx, () => {
    const { current, next, changed } = plan;
    const { version, effectiveDate, ...body } = next;
    ctx.db.insert(ruleTables).values({ version, effectiveDate, rules: JSON.stringify(body), createdAt: timestamp(ctx) }).run();
    recordAudit(ctx, {
      entity: 'rule_table',
      entityId: version,
      action: '修改',
      summary: `规则表第 ${version} 版（${effectiveDate} 起施行）：${changed.length ? changed.join('、') : '公示节点'}`,
      before: Object.fromEntries(changed.map((id) => [id, current.rules[id]])),
      after: Object.fromEntries(changed.map((id) => [id, next.rules[id]])),
    });
    return next;
  });
}
