/**
 * What each threshold of the rule table means and which values are sane. The settings page shows the bounds on its
 * inputs, members.updateRules refuses values outside them, and a stored table from an older version is clamped into
 * them on load (docs/decisions.md): one absurd value (100000 months) must never reach the date arithmetic.
 */

export interface ThresholdSpec {
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Whole numbers only; the fractions of R17/R18 are the exception. */
  integer: boolean;
  /** Input step on the settings page. */
  step?: number;
}

const spec = (label: string, unit: string, min: number, max: number, extra: Partial<ThresholdSpec> = {}): ThresholdSpec => ({
  label,
  unit,
  min,
  max,
  integer: true,
  ...extra,
});

const months = spec('期限', '月', 1, 24);
const years = spec('期限', '年', 1, 5);
const fraction = spec('比例', '', 0.5, 0.9, { integer: false, step: 0.05 });

/**
 * Per rule, keyed like RULE_DEFS[id].thresholds. The 党章's own conditions may only be made stricter: R01 never
 * below 18, R10 exactly two 介绍人, R17/R18 never at or below half.
 */
export const THRESHOLD_SPECS: Record<string, Record<string, ThresholdSpec>> = {
  R01: { age: spec('年龄', '岁', 18, 25) },
  R02: { months },
  R05: { age: spec('年龄', '岁', 14, 35) },
  R06: { min: spec('最少', '人', 1, 2), max: spec('最多', '人', 1, 5) },
  R07: { months },
  R08: { months },
  R09: { years },
  R10: { count: spec('人数', '人', 2, 2) },
  R11: { daysAfterLetters: spec('函调后', '天', 0, 30) },
  R11b: { years },
  R12: { days: spec('天数', '天', 1, 30), hours: spec('学时', '学时', 1, 240) },
  R14: { months },
  R16: { months },
  R17: { fraction },
  R18: { fraction },
  R21: { warnMonths: spec('提醒期限', '月', 1, 24), errorMonths: spec('最长期限', '月', 1, 24) },
  R25: { minMonths: spec('最短', '月', 1, 24), maxMonths: spec('最长', '月', 1, 24) },
  R26: { years },
  R27: { months },
  R29: { months },
  R30: { calendarDays: spec('自然日', '天', 1, 60), workingDays: spec('工作日', '天', 1, 40) },
  DAT: { retiredAge: spec('离退休人员最低年龄', '岁', 40, 70) },
};

export function thresholdSpec(id: string, key: string): ThresholdSpec | undefined {
  const forRule = Object.hasOwn(THRESHOLD_SPECS, id) ? THRESHOLD_SPECS[id]! : undefined;
  return forRule && Object.hasOwn(forRule, key) ? forRule[key] : undefined;
}

/** "1至24个月", the range in the words a clerk reads. */
export function rangeText(s: ThresholdSpec): string {
  return `${s.min}至${s.max}${s.unit === '月' ? '个月' : s.unit}`;
}

/** Why a value is refused, or null when it is within bounds. */
export function thresholdProblem(id: string, key: string, value: number): string | null {
  const s = thresholdSpec(id, key);
  if (!s) return `规则${id}没有参数“${key}”`;
  if (!Number.isFinite(value) || value < s.min || value > s.max) return `规则${id}的${s.label}应为${rangeText(s)}，现为${value}`;
  if (s.integer && !Number.isInteger(value)) return `规则${id}的${s.label}应为整数，现为${value}`;
  return null;
}

/** The nearest sane value: used only for stored tables, never for what a clerk types. */
export function clampThreshold(id: string, key: string, value: number): number {
  const s = thresholdSpec(id, key);
  if (!s || !Number.isFinite(value)) return value;
  const v = Math.min(s.max, Math.max(s.min, value));
  return s.integer ? Math.round(v) : v;
}
