import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULE_TABLE,
  mergeTable,
  RULE_DEFS,
  RULE_IDS,
  ruleTableOverridesSchema,
  ruleTableSchema,
  tableInForce,
} from '../../../core/members/rule-table';

describe('rule table', () => {
  it('ships every rule, [N] as errors and local practice as warnings or off', () => {
    expect(Object.keys(DEFAULT_RULE_TABLE.rules).sort()).toEqual([...RULE_IDS].sort());
    const levels = Object.fromEntries(RULE_IDS.map((id) => [id, DEFAULT_RULE_TABLE.rules[id].level]));
    expect(levels).toMatchObject({ R01: 'error', R02: 'error', R09: 'error', R21: 'error', ORD: 'error' });
    expect(levels).toMatchObject({ R05: 'warning', R08: 'warning', R11b: 'warning', R14: 'warning', R16: 'warning', R30: 'off' });
    expect(RULE_DEFS.R11b.unverified).toBe(true);
    expect(RULE_DEFS.R16.unverified).toBe(true);
    expect(RULE_DEFS.R23.computed && RULE_DEFS.R28.computed).toBe(true);
  });

  it('keeps the limits as data', () => {
    expect(DEFAULT_RULE_TABLE.rules.R02.thresholds).toEqual({ months: 1 });
    expect(DEFAULT_RULE_TABLE.rules.R12.thresholds).toEqual({ days: 3, hours: 24 });
    expect(DEFAULT_RULE_TABLE.rules.R21.thresholds).toEqual({ warnMonths: 3, errorMonths: 6 });
    expect(DEFAULT_RULE_TABLE.rules.R25.thresholds).toEqual({ minMonths: 6, maxMonths: 12 });
    expect(DEFAULT_RULE_TABLE.rules.R30.thresholds).toEqual({ calendarDays: 7, workingDays: 5 });
  });

  it('validates a whole table and rejects what settings must not store', () => {
    expect(ruleTableSchema.safeParse(DEFAULT_RULE_TABLE).success).toBe(true);
    const { publicitySteps: _omitted, ...rulesOnly } = DEFAULT_RULE_TABLE;
    expect(ruleTableSchema.parse(rulesOnly).publicitySteps).toEqual([7, 15, 23]);
    const typo = structuredClone(DEFAULT_RULE_TABLE);
    typo.rules.R02.thresholds = { monts: 1 };
    const result = ruleTableSchema.safeParse(typo);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('monts');
    expect(ruleTableOverridesSchema.safeParse({ rules: { R21: { thresholds: { warnMonths: 7, errorMonths: 6 } } } }).success).toBe(false);
    expect(ruleTableOverridesSchema.safeParse({ rules: { R02: { thresholds: { months: -1 } } } }).success).toBe(false);
    expect(ruleTableOverridesSchema.safeParse({ rules: { R99: { level: 'off' } } }).success).toBe(false);
    expect(ruleTableOverridesSchema.safeParse({ rules: { R16: { level: 'error' } }, publicitySteps: [7, 15] }).success).toBe(true);
  });

  it('merges overrides rule by rule and threshold by threshold, leaving the defaults untouched', () => {
    const merged = mergeTable(DEFAULT_RULE_TABLE, {
      version: 2,
      effectiveDate: '2026-01-01',
      rules: { R21: { thresholds: { warnMonths: 2 } }, R30: { level: 'warning' } },
    });
    expect(merged.version).toBe(2);
    expect(merged.rules.R21).toEqual({ level: 'error', thresholds: { warnMonths: 2, errorMonths: 6 } });
    expect(merged.rules.R30).toEqual({ level: 'warning', thresholds: { calendarDays: 7, workingDays: 5 } });
    expect(DEFAULT_RULE_TABLE.rules.R21.thresholds.warnMonths).toBe(3);
    expect(DEFAULT_RULE_TABLE.rules.R30.level).toBe('off');
  });

  it('picks the table in force on a date', () => {
    const v2 = mergeTable(DEFAULT_RULE_TABLE, { version: 2, effectiveDate: '2026-01-01' });
    expect(tableInForce([DEFAULT_RULE_TABLE, v2], '2025-12-31')?.version).toBe(1);
    expect(tableInForce([v2, DEFAULT_RULE_TABLE], '2026-01-01')?.version).toBe(2);
    expect(tableInForce([v2], '2020-01-01')).toBeUndefined();
  });
});
