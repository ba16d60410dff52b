import { useEffect, useState } from 'react';
import { RULE_IDS, type RuleId, type RuleTable } from '../../../../core/members/rule-table';
import type { StepNo } from '../../../../core/members/steps';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import type { RulesView } from './types';

/** members.rules describes the table for people; the pure checks want it keyed by rule id. */
export function toRuleTable(view: RulesView): RuleTable {
  const byId = new Map(view.rules.map((r) => [r.id, r]));
  const rules = Object.fromEntries(
    RULE_IDS.map((id) => {
      const r = byId.get(id);
      return [id, { level: r?.level ?? 'off', thresholds: { ...(r?.thresholds ?? {}) } }];
    }),
  ) as RuleTable['rules'];
  return { version: view.version, effectiveDate: view.effectiveDate, publicitySteps: view.publicitySteps as StepNo[], rules };
}

/** The table in force, for instant feedback in forms; null until loaded (the forms then simply wait). */
export function useRuleTable(): RuleTable | null {
  const { fail } = useNotify();
  const [table, setTable] = useState<RuleTable | null>(null);
  useEffect(() => {
    call('members.rules', {})
      .then((v) => setTable(toRuleTable(v)))
      .catch(fail);
  }, [fail]);
  return table;
}

export type { RuleId };
