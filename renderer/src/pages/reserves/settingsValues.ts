/** The 设置 form's values against the stored reserves.config: 元 text for the budget, targets keyed by 培养类型. */
import type { FormInstance } from 'antd';
import { EDUCATION_GROUPS, type EducationGroup } from '../../../../core/people/codes';
import { reserveConfig, type ReserveConfig } from '../../../../core/reserves/config-schema';
import { formatYuan, parseYuan } from '../../../../core/reserves/money';

export type ListKey = 'postDirections' | 'sources' | 'trainingTypes' | 'fundingSources' | 'affairTypes';

export interface SettingsValues extends Record<ListKey, string[]> {
  plan: {
    minPerVillage: number | null;
    minSecretaryPerVillage: number | null;
    youngSharePercent: number | null;
    minEducationGroup: EducationGroup;
    womanPerVillage: boolean;
    /** Blank: the type has no target this year. */
    yearTargets: Record<string, number | null>;
    budget: string;
  };
  eligibility: { maxAge: 40 | 45; minEducationGroup: EducationGroup; unqualifiedYears: number | null };
  warningSharePercent: number | null;
}

export const EDUCATION_OPTIONS = EDUCATION_GROUPS.map((g) => ({ value: g, label: g === '初中及以下' ? g : `${g}及以上` }));

export function toValues(c: ReserveConfig): SettingsValues {
  return {
    postDirections: [...c.postDirections],
    sources: [...c.sources],
    trainingTypes: [...c.trainingTypes],
    fundingSources: [...c.fundingSources],
    affairTypes: [...c.affairTypes],
    plan: { ...c.plan, yearTargets: { ...c.plan.yearTargets }, budget: formatYuan(c.plan.budgetFen) },
    eligibility: { ...c.eligibility },
    warningSharePercent: c.warningSharePercent,
  };
}

type FieldName = string[];
type FieldError = Parameters<FormInstance<SettingsValues>['setFields']>[0][number];
export type Checked = { ok: true; config: ReserveConfig } | { ok: false; fields: Record<string, string> };

/**
 * The values as the contract takes them, checked with the contract's own schema so the page says at each field
 * what the core would refuse. Targets go only for the types still in the list, and a blank one is no target.
 */
export function toConfig(v: SettingsValues): Checked {
  const yearTargets: Record<string, number> = {};
  for (const type of v.trainingTypes) {
    const n = v.plan.yearTargets?.[type];
    if (typeof n === 'number') yearTargets[type] = n;
  }
  const { budget, ...plan } = v.plan;
  const parsed = reserveConfig.safeParse({
    postDirections: v.postDirections,
    sources: v.sources,
    trainingTypes: v.trainingTypes,
    fundingSources: v.fundingSources,
    affairTypes: v.affairTypes,
    plan: { ...plan, yearTargets, budgetFen: parseYuan(budget ?? '') },
    eligibility: v.eligibility,
    warningSharePercent: v.warningSharePercent,
  });
  if (parsed.success) return { ok: true, config: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return { ok: false, fields };
}

const LISTS: readonly string[] = ['postDirections', 'sources', 'trainingTypes', 'fundingSources', 'affairTypes'];

/** "plan.budgetFen" → the budget box, "sources.2" → the 来源 list, "plan.yearTargets.大专班" → that type's target. */
function fieldOf(path: string): FieldName | null {
  const parts = path.split('.');
  if (LISTS.includes(parts[0]!)) return [parts[0]!];
  if (path === 'plan.budgetFen') return ['plan', 'budget'];
  if (parts[0] === 'plan' && parts[1] === 'yearTargets') return parts.length > 2 ? ['plan', 'yearTargets', parts.slice(2).join('.')] : null;
  if (parts[0] === 'plan' || parts[0] === 'eligibility') return parts.length === 2 ? parts : null;
  return path === 'warningSharePercent' ? [path] : null;
}

/** Field errors (the page's own check or the server's) as antd form errors; the rest is left to the toast. */
export function settingsFieldErrors(fields: Record<string, string> | undefined): FieldError[] {
  return Object.entries(fields ?? {}).flatMap(([path, msg]) => {
    const name = fieldOf(path);
    // The paths are the form's own (checked above); antd's tuple types cannot follow a type name used as a key.
    return name ? [{ name: name as FieldError['name'], errors: [msg] }] : [];
  });
}
