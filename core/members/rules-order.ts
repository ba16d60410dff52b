/**
 * ORD: dates in logical order, A ≤ T ≤ J ≤ F ≤ 政审/培训 ≤ Y ≤ 志愿书 ≤ Z ≤ P ≤ S and Q ≤ R, plus the steps
 * without a rule date of their own (备案, 介绍人 …) against their neighbours, and no key date skipped.
 */
import { stepDate } from './record';
import { label, type Finding, type RuleCheck, type RuleContext } from './rules-context';
import { STEP_OF_KEY, stepDef, type DateKey, type StepNo } from './steps';

/** Levels of the chain; keys on one level (政审, 培训) are not ordered against each other. */
const CHAIN: readonly (readonly DateKey[])[] = [['A'], ['T'], ['J'], ['F'], ['E', 'C'], ['Y'], ['V'], ['Z'], ['P'], ['S']];
const TAIL: readonly (readonly DateKey[])[] = [['Q'], ['R']];

/** [earlier, later] step pairs for the steps whose date no other rule orders. */
const STEP_PAIRS: readonly [StepNo, StepNo][] = [
  [3, 4],
  [3, 5],
  [7, 8],
  [7, 9],
  [7, 12],
  [12, 13],
  [17, 18],
  [17, 19],
  [15, 22],
  [22, 23],
  [24, 25],
];

/** The keys a recorded key needs before it; S (宣誓) is not a precondition of 转正 in the 细则. */
const REQUIRED: readonly DateKey[] = ['A', 'T', 'J', 'F', 'Y', 'V', 'Z', 'P'];
const PROGRESS: readonly DateKey[] = [...REQUIRED, 'S', 'Q', 'R'];

/** Another rule already said this pair is out of order, in its own words. */
function covered(ctx: RuleContext, a: string, b: string): boolean {
  return ctx.prior.some((v) => a in v.dates && b in v.dates);
}

function chainFindings(ctx: RuleContext, levels: readonly (readonly DateKey[])[]): Finding[] {
  const out: Finding[] = [];
  levels.forEach((keys, i) => {
    // Compare with the nearest level that has a date, so one wrong date is reported once, not against all.
    let prev: readonly DateKey[] = [];
    for (let j = i - 1; j >= 0 && prev.length === 0; j--) prev = levels[j]!.filter((k) => ctx.d[k]);
    for (const later of keys) {
      const dl = ctx.d[later];
      if (!dl) continue;
      for (const earlier of prev) {
        const de = ctx.d[earlier]!;
        if (de <= dl || covered(ctx, earlier, later)) continue;
        out.push({
          step: STEP_OF_KEY[later],
          field: 'date',
          message: `${label(later)}（${dl}）早于${label(earlier)}（${de}）`,
          dates: { [earlier]: de, [later]: dl },
        });
      }
    }
  });
  return out;
}

function dateName(no: StepNo): string {
  const key = stepDef(no).dateKey;
  return key ?? `step${no}`;
}

function pairFindings(ctx: RuleContext): Finding[] {
  return STEP_PAIRS.flatMap(([earlier, later]) => {
    const de = stepDate(ctx.record, earlier);
    const dl = stepDate(ctx.record, later);
    if (!de || !dl || de <= dl) return [];
    return [
      {
        step: later,
        field: 'date',
        message: `${stepDef(later).name}日期（${dl}）早于${stepDef(earlier).name}日期（${de}）`,
        dates: { [dateName(earlier)]: de, [dateName(later)]: dl },
      },
    ];
  });
}

function skippedFindings(ctx: RuleContext): Finding[] {
  const latest = [...PROGRESS].reverse().find((k) => ctx.d[k]);
  if (!latest) return [];
  const before = REQUIRED.includes(latest) ? REQUIRED.slice(0, REQUIRED.indexOf(latest)) : [...REQUIRED];
  if (latest === 'R') before.push('Q');
  const missing = before.filter((k) => !ctx.d[k]);
  if (missing.length === 0) return [];
  return [
    {
      step: STEP_OF_KEY[latest],
      field: 'date',
      message: `已记录${label(latest)} ${ctx.d[latest]}，但缺少：${missing.map(label).join('、')}`,
      dates: { [latest]: ctx.d[latest]! },
      // A missing date is an incomplete file, not two dates out of order: it keeps the reason path.
      soft: true,
    },
  ];
}

export const ORD: RuleCheck = (ctx) => [
  ...skippedFindings(ctx),
  ...chainFindings(ctx, CHAIN),
  ...chainFindings(ctx, TAIL),
  ...pairFindings(ctx),
];
