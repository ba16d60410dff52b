/** Sane bounds on the rule table's thresholds, Chinese refusals for unknown names, and clamping of stored tables. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_TABLE, RULE_DEFS, RULE_IDS, normalizeTable, ruleTableOverridesSchema } from '../../../core/members/rule-table';
import { checkRecord } from '../../../core/members/rules';
import { thresholdSpec } from '../../../core/members/rules-thresholds';
import { cleanRecord } from './helpers';

const messages = (input: unknown) => {
  const r = ruleTableOverridesSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('rule thresholds', () => {
  it('each have bounds that hold their shipped default', () => {
    for (const id of RULE_IDS) {
      for (const [key, value] of Object.entries(RULE_DEFS[id].thresholds)) {
        const spec = thresholdSpec(id, key);
        expect(spec, `${id}.${key}`).toBeDefined();
        expect(value).toBeGreaterThanOrEqual(spec!.min);
        expect(value).toBeLessThanOrEqual(spec!.max);
      }
    }
  });

  it('refuse values outside their bounds, in Chinese', () => {
    expect(messages({ rules: { R02: { thresholds: { months: 100000 } } } })).toEqual(['规则R02的期限应为1至24个月，现为100000']);
    expect(messages({ rules: { R09: { thresholds: { years: 0 } } } })).toEqual(['规则R09的期限应为1至5年，现为0']);
    expect(messages({ rules: { R07: { thresholds: { months: 1.5 } } } })).toEqual(['规则R07的期限应为整数，现为1.5']);
    expect(messages({ rules: { R01: { thresholds: { age: 16 } } } })).toEqual(['规则R01的年龄应为18至25岁，现为16']);
    expect(messages({ rules: { R17: { thresholds: { fraction: 0.3 } } } })).toHaveLength(1);
    expect(messages({ rules: { R02: { thresholds: { months: 24 } }, R17: { thresholds: { fraction: 0.6 } } } })).toEqual([]);
  });

  it('refuse unknown threshold and rule names, prototype names included', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(messages(JSON.parse(`{"rules":{"R02":{"thresholds":{"${name}":1}}}}`))).toEqual([`规则R02没有参数“${name}”`]);
      expect(messages(JSON.parse(`{"rules":{"${name}":{"level":"off"}}}`))).toEqual([`规则表中没有规则“${name}”`]);
    }
  });

  it('keep the hard rules at error', () => {
    expect(messages({ rules: { R01: { level: 'warning' } } })).toEqual(['R01是党章规定的条件，不能改为提醒或关闭']);
    expect(messages({ rules: { ORD: { level: 'off' } } })).toEqual(['日期先后顺序错误属于录入错误，不能改为提醒或关闭']);
    expect(messages({ rules: { R02: { level: 'off' } } })).toEqual([]);
  });
});

describe('a stored table from an older version', () => {
  const old = { version: 3, effectiveDate: '2020-01-01', rules: { R02: { level: 'warning', thresholds: { months: 100000 } }, R01: { level: 'off', thresholds: { age: 3 } }, R21: { level: 'error', thresholds: { warnMonths: 9, errorMonths: 6 } } } };

  it('is clamped into the bounds, with missing rules from the defaults and the hard rules at error', () => {
    const t = normalizeTable(old);
    expect(t.rules.R02).toEqual({ level: 'warning', thresholds: { months: 24 } });
    expect(t.rules.R01).toEqual({ level: 'error', thresholds: { age: 18 } });
    expect(t.rules.R21.thresholds).toEqual({ warnMonths: 6, errorMonths: 6 });
    expect(t.rules.R29).toEqual(DEFAULT_RULE_TABLE.rules.R29);
    expect(t.publicitySteps).toEqual(DEFAULT_RULE_TABLE.publicitySteps);
  });

  it('can be judged with: the date arithmetic never leaves the calendar', () => {
    expect(() => checkRecord(cleanRecord(), normalizeTable(old), '2024-01-01')).not.toThrow();
  });
});
