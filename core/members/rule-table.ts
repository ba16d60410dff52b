/**
 * The one versioned table of 发展党员 time and order rules (domain.md §3). Every limit the checks use is
 * read from here, so a township with a stricter practice, or a revised 细则, changes data, not code.
 */
import { z } from 'zod';
import { isoDate } from '../schema/common';
import { clampThreshold, thresholdProblem } from './rules-thresholds';
import { STEP_NUMBERS, type StepNo } from './steps';

export const RULE_IDS = [
  'R01', 'R02', 'R03', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R11b', 'R12', 'R13', 'R14',
  'R16', 'R17', 'R18', 'R19', 'R20', 'R21', 'R23', 'R24', 'R25', 'R26', 'R27', 'R28', 'R29', 'R30', 'DAT', 'ORD',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type RuleLevel = 'error' | 'warning' | 'off';

/**
 * What no 特殊情况说明 can override (domain.md §3): the 党章's own conditions (age 18, two 正式党员 介绍人, a 合格 政审,
 * quorum and majority) and ORD, which is an entry error. Their level is always 'error'; a new record or step that
 * breaks them is refused. The 细则's time windows keep the reason path.
 */
export const HARD_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['R01', 'R10', 'R11', 'R17', 'R18', 'ORD']);

export function isHardRule(id: string): boolean {
  return HARD_RULES.has(id as RuleId);
}

export interface RuleDef {
  id: RuleId;
  description: string;
  source: '细则' | '党章' | '本地';
  defaultLevel: RuleLevel;
  thresholds: Record<string, number>;
  /** No public text confirms it; the UI says so next to the setting. */
  unverified?: boolean;
  /** A value to compute (R23, R28) rather than a condition to check; see derived(). */
  computed?: boolean;
}

export interface RuleSetting {
  level: RuleLevel;
  thresholds: Record<string, number>;
}

export interface RuleTable {
  version: number;
  effectiveDate: string;
  rules: Record<RuleId, RuleSetting>;
  /** Steps where local practice expects a 公示 period (checked by R30 when it is switched on). */
  publicitySteps: StepNo[];
}

const def = (
  id: RuleId,
  source: RuleDef['source'],
  defaultLevel: RuleLevel,
  description: string,
  thresholds: Record<string, number> = {},
  extra: Pick<RuleDef, 'unverified' | 'computed'> = {},
): RuleDef => ({ id, source, defaultLevel, description, thresholds, ...extra });

export const RULE_DEFS: Record<RuleId, RuleDef> = {
  R01: def('R01', '党章', 'error', '递交入党申请时年满18周岁', { age: 18 }),
  R02: def('R02', '细则', 'error', '收到入党申请书后一个月内派人谈话', { months: 1 }),
  R03: def('R03', '细则', 'error', '入党积极分子由支部委员会研究决定，并报上级党委备案'),
  R05: def('R05', '本地', 'warning', '28周岁以下的入党积极分子一般经团组织推优', { age: 28 }),
  R06: def('R06', '细则', 'error', '为入党积极分子指定1至2名正式党员作培养联系人', { min: 1, max: 2 }),
  R07: def('R07', '细则', 'error', '党支部每半年对入党积极分子进行一次考察', { months: 6 }),
  R08: def('R08', '本地', 'warning', '入党积极分子、发展对象每季度至少递交一次思想汇报', { months: 3 }),
  R09: def('R09', '细则', 'error', '经过一年以上培养教育和考察方可列为发展对象，并报上级党委备案', { years: 1 }),
  R10: def('R10', '党章', 'error', '发展对象应有两名正式党员作入党介绍人', { count: 2 }),
  R11: def('R11', '细则', 'error', '政治审查结论合格方可发展入党；结论须在全部函调之后、支部大会之前作出', {
    daysAfterLetters: 1,
  }),
  R11b: def('R11b', '本地', 'warning', '政治审查结论的有效期为一年', { years: 1 }, { unverified: true }),
  R12: def('R12', '细则', 'error', '发展对象集中培训不少于3天（或不少于24个学时），在确定发展对象后、支部大会前进行', {
    days: 3,
    hours: 24,
  }),
  R13: def('R13', '细则', 'error', '上级党委预审合格后方可填写入党志愿书'),
  R14: def('R14', '细则', 'warning', '预计3个月内离开工作、学习单位的，一般不办理接收预备党员手续', { months: 3 }),
  R16: def('R16', '本地', 'warning', '预审合格后一个月内召开支部大会讨论接收', { months: 1 }, { unverified: true }),
  R17: def('R17', '细则', 'error', '到会有表决权的人数须超过应到会有表决权人数的半数', { fraction: 0.5 }),
  R18: def('R18', '细则', 'error', '赞成人数须超过应到会有表决权人数的半数', { fraction: 0.5 }),
  R19: def('R19', '细则', 'error', '一人一票、一人一决议：票数合计不超过实到人数，实到不超过应到'),
  R20: def('R20', '细则', 'error', '上级党委在支部大会后、审批前派人谈话'),
  R21: def('R21', '细则', 'error', '上级党委在支部大会后三个月内审批，最长不超过六个月', {
    warnMonths: 3,
    errorMonths: 6,
  }),
  R23: def('R23', '党章', 'error', '预备期为一年，自支部大会通过之日起算', {}, { computed: true }),
  R24: def('R24', '细则', 'error', '入党宣誓在上级党委批准后进行'),
  R25: def('R25', '党章', 'error', '延长预备期不少于6个月，最长不超过1年', { minMonths: 6, maxMonths: 12 }),
  R26: def('R26', '细则', 'error', '预备期满方可召开支部大会讨论转正', { years: 1 }),
  R27: def('R27', '细则', 'error', '上级党委在支部大会讨论转正后三个月内审批', { months: 3 }),
  R28: def('R28', '党章', 'error', '党龄自预备期满转为正式党员之日算起', {}, { computed: true }),
  // 细则 第三十二条: "预备期满，党支部应当及时讨论其能否转为正式党员". "及时" has no number; 3 months is ours.
  R29: def('R29', '细则', 'error', '预备期满应及时讨论能否转为正式党员：期满逾期仍未讨论转正、也未决定延长预备期', { months: 3 }, { unverified: true }),
  R30: def('R30', '本地', 'off', '公示期不少于7天（或5个工作日）', { calendarDays: 7, workingDays: 5 }),
  DAT: def('DAT', '本地', 'warning', '录入数据合理性：离退休人员申请入党时年龄偏低、出生日期晚于申请日期等，请核对', { retiredAge: 50 }),
  ORD: def('ORD', '细则', 'error', '各流程节点日期须符合先后顺序（录入错误，不能以特殊情况说明保存）'),
};

export const DEFAULT_RULE_TABLE: RuleTable = {
  version: 1,
  // The 2014 细则 was made public in June 2014; a township sets its own date when it edits the table.
  effectiveDate: '2014-06-10',
  rules: Object.fromEntries(
    RULE_IDS.map((id) => [id, { level: RULE_DEFS[id].defaultLevel, thresholds: { ...RULE_DEFS[id].thresholds } }]),
  ) as Record<RuleId, RuleSetting>,
  publicitySteps: [7, 15, 23],
};

const level = z.enum(['error', 'warning', 'off']);
const thresholdValue = z.number().finite().nonnegative();
const stepNo = z.number().int().refine((n) => (STEP_NUMBERS as readonly number[]).includes(n), '流程节点应为1至25');

/**
 * Rejects a threshold the rule does not read (a typo, or `constructor` / `__proto__`, which a plain `in` would let
 * through) and a value outside its sane bounds (rules-thresholds.ts).
 */
function knownThresholds(id: RuleId, values: Record<string, number>, ctx: z.RefinementCtx, unknownReported = false): void {
  for (const key of Object.keys(values)) {
    if (unknownReported && !Object.hasOwn(RULE_DEFS[id].thresholds, key)) continue;
    const problem = thresholdProblem(id, key, values[key]!);
    if (problem) ctx.addIssue({ code: 'custom', path: ['rules', id, 'thresholds', key], message: problem });
  }
}

function hardLevel(id: RuleId, level: RuleLevel | undefined, ctx: z.RefinementCtx): void {
  if (level === undefined || level === 'error' || !HARD_RULES.has(id)) return;
  const why = id === 'ORD' ? '日期先后顺序错误属于录入错误' : `${id}是党章规定的条件`;
  ctx.addIssue({ code: 'custom', path: ['rules', id, 'level'], message: `${why}，不能改为提醒或关闭` });
}

/**
 * Refuses keys outside `known` on the raw input, before zod's record parsing silently drops `__proto__`, so every
 * unknown name gets a Chinese refusal.
 */
function onlyKeys(known: (key: string) => boolean, message: (key: string) => string) {
  return z.unknown().superRefine((raw, ctx) => {
    if (!raw || typeof raw !== 'object') return;
    for (const key of Object.keys(raw)) if (!known(key)) ctx.addIssue({ code: 'custom', path: [key], message: message(key) });
  });
}

function consistentThresholds(rules: Partial<Record<RuleId, { thresholds?: Record<string, number> }>>, ctx: z.RefinementCtx): void {
  const r21 = rules.R21?.thresholds;
  if (r21 && r21.warnMonths !== undefined && r21.errorMonths !== undefined && r21.warnMonths > r21.errorMonths) {
    ctx.addIssue({ code: 'custom', path: ['rules', 'R21'], message: 'R21 提醒期限不能长于最长期限' });
  }
  const r25 = rules.R25?.thresholds;
  if (r25 && r25.minMonths !== undefined && r25.maxMonths !== undefined && r25.minMonths > r25.maxMonths) {
    ctx.addIssue({ code: 'custom', path: ['rules', 'R25'], message: 'R25 最短月数不能大于最长月数' });
  }
  const r06 = rules.R06?.thresholds;
  if (r06 && r06.min !== undefined && r06.max !== undefined && r06.min > r06.max) {
    ctx.addIssue({ code: 'custom', path: ['rules', 'R06'], message: 'R06 最少人数不能多于最多人数' });
  }
}

const ruleSettingSchema = z.object({ level, thresholds: z.record(z.string(), thresholdValue) });
const ruleOverrideSchema = (id: RuleId) =>
  z.object({
    level: level.optional(),
    thresholds: onlyKeys((key) => Object.hasOwn(RULE_DEFS[id].thresholds, key), (key) => `规则${id}没有参数“${key}”`)
      .pipe(z.record(z.string(), thresholdValue))
      .optional(),
  });
type RuleOverrideSchema = ReturnType<typeof ruleOverrideSchema>;

export const ruleTableSchema = z
  .object({
    version: z.number().int().positive(),
    effectiveDate: isoDate,
    rules: z.object(Object.fromEntries(RULE_IDS.map((id) => [id, ruleSettingSchema])) as Record<RuleId, typeof ruleSettingSchema>),
    // Stored tables may keep only the rules; the steps then default to those of the shipped table.
    publicitySteps: z.array(stepNo).default(() => [...DEFAULT_RULE_TABLE.publicitySteps]),
  })
  .superRefine((table, ctx) => {
    for (const id of RULE_IDS) {
      knownThresholds(id, table.rules[id].thresholds, ctx);
      hardLevel(id, table.rules[id].level, ctx);
    }
    consistentThresholds(table.rules, ctx);
  });

export const ruleTableOverridesSchema = z
  .object({
    version: z.number().int().positive().optional(),
    effectiveDate: isoDate.optional(),
    rules: onlyKeys((key) => (RULE_IDS as readonly string[]).includes(key), (key) => `规则表中没有规则“${key}”`)
      .pipe(z.object(Object.fromEntries(RULE_IDS.map((id) => [id, ruleOverrideSchema(id).optional()])) as Record<RuleId, z.ZodOptional<RuleOverrideSchema>>))
      .optional(),
    publicitySteps: z.array(stepNo).optional(),
  })
  .superRefine((o, ctx) => {
    for (const id of RULE_IDS) {
      const t = o.rules?.[id]?.thresholds;
      if (t) knownThresholds(id, t, ctx, true);
      hardLevel(id, o.rules?.[id]?.level, ctx);
    }
    if (o.rules) consistentThresholds(o.rules, ctx);
  });

export type RuleTableOverrides = z.infer<typeof ruleTableOverridesSchema>;

/** Overrides win rule by rule and threshold by threshold; anything not mentioned keeps the default. */
export function mergeTable(defaults: RuleTable, overrides: RuleTableOverrides): RuleTable {
  const rules = { ...defaults.rules };
  for (const id of RULE_IDS) {
    const o = overrides.rules?.[id];
    if (!o) continue;
    rules[id] = {
      level: o.level ?? defaults.rules[id].level,
      thresholds: { ...defaults.rules[id].thresholds, ...(o.thresholds ?? {}) },
    };
  }
  return {
    version: overrides.version ?? defaults.version,
    effectiveDate: overrides.effectiveDate ?? defaults.effectiveDate,
    rules,
    publicitySteps: (overrides.publicitySteps as StepNo[] | undefined) ?? [...defaults.publicitySteps],
  };
}

/** The table in force on a date: the latest whose effectiveDate is on or before it. */
export function tableInForce(tables: readonly RuleTable[], onDate: string): RuleTable | undefined {
  return [...tables]
    .filter((t) => t.effectiveDate <= onDate)
    .sort((a, b) => (a.effectiveDate === b.effectiveDate ? a.version - b.version : a.effectiveDate < b.effectiveDate ? -1 : 1))
    .at(-1);
}

/** A threshold the rules read; the default stands in if a stored table predates the key. */
export function thresholdOf(table: RuleTable, id: RuleId, key: string): number {
  const own = table.rules[id]?.thresholds;
  if (own && Object.hasOwn(own, key)) return own[key]!;
  return RULE_DEFS[id].thresholds[key] ?? 0;
}

const LEVELS: readonly string[] = ['error', 'warning', 'off'];

/**
 * A stored table as the rules may read it, whatever an older version wrote: rules it lacks take the shipped
 * default, unknown thresholds are dropped, out-of-range values are clamped into their bounds, and the hard rules
 * are errors. Clamping, not refusing, so one bad row can never take every 发展党员 page down (docs/decisions.md);
 * the settings page then shows the value in force.
 */
export function normalizeTable(raw: { version: number; effectiveDate: string; rules?: unknown; publicitySteps?: unknown }): RuleTable {
  const stored = (raw.rules && typeof raw.rules === 'object' ? raw.rules : {}) as Record<string, Partial<RuleSetting> | undefined>;
  const rules = {} as Record<RuleId, RuleSetting>;
  for (const id of RULE_IDS) {
    const s = Object.hasOwn(stored, id) ? stored[id] : undefined;
    const lvl = typeof s?.level === 'string' && LEVELS.includes(s.level) ? s.level : RULE_DEFS[id].defaultLevel;
    const thresholds: Record<string, number> = { ...RULE_DEFS[id].thresholds };
    for (const key of Object.keys(RULE_DEFS[id].thresholds)) {
      const v = s?.thresholds && Object.hasOwn(s.thresholds, key) ? s.thresholds[key] : undefined;
      if (typeof v === 'number' && Number.isFinite(v)) thresholds[key] = clampThreshold(id, key, v);
    }
    rules[id] = { level: HARD_RULES.has(id) ? 'error' : lvl, thresholds };
  }
  if (rules.R21.thresholds.warnMonths! > rules.R21.thresholds.errorMonths!) rules.R21.thresholds.warnMonths = rules.R21.thresholds.errorMonths!;
  if (rules.R25.thresholds.minMonths! > rules.R25.thresholds.maxMonths!) rules.R25.thresholds.minMonths = rules.R25.thresholds.maxMonths!;
  if (rules.R06.thresholds.min! > rules.R06.thresholds.max!) rules.R06.thresholds.max = rules.R06.thresholds.min!;
  const steps = Array.isArray(raw.publicitySteps)
    ? raw.publicitySteps.filter((n): n is StepNo => (STEP_NUMBERS as readonly unknown[]).includes(n))
    : [...DEFAULT_RULE_TABLE.publicitySteps];
  return { version: raw.version, effectiveDate: raw.effectiveDate, rules, publicitySteps: steps };
}
