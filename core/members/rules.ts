/**
 * checkRecord: every rule of the table over one person's record. The form calls it (or checkStepDate)
 * for instant feedback; the service calls it again before saving and has the final say.
 */
import { isIsoDate } from './dates';
import { withStepDate, withoutStepDate, type MemberRecord } from './record';
import { HARD_RULES, thresholdOf, type RuleId, type RuleTable } from './rule-table';
import { R10, R11, R11b, R12, R13, R14, R16, R20, R21 } from './rules-admission';
import { activeOn, makeContext, type RuleCheck, type Violation, type ViolationLevel } from './rules-context';
import { R01, R02, R03, R05, R06, R07, R08, R09 } from './rules-early';
import { R17, R18, R19, R30 } from './rules-meetings';
import { ORD } from './rules-order';
import { DAT } from './rules-data';
import { R24, R25, R26, R27, R29 } from './rules-probation';
import type { StepNo } from './steps';

export type { Violation, ViolationLevel } from './rules-context';

/** R23 and R28 are computed (derived.ts) and have no check. ORD runs last: it skips pairs already reported. */
const CHECKS: readonly [RuleId, RuleCheck][] = [
  ['R01', R01],
  ['R02', R02],
  ['R03', R03],
  ['R05', R05],
  ['R06', R06],
  ['R07', R07],
  ['R08', R08],
  ['R09', R09],
  ['R10', R10],
  ['R11', R11],
  ['R11b', R11b],
  ['R12', R12],
  ['R13', R13],
  ['R14', R14],
  ['R16', R16],
  ['R17', R17],
  ['R18', R18],
  ['R19', R19],
  ['R20', R20],
  ['R21', R21],
  ['R24', R24],
  ['R25', R25],
  ['R26', R26],
  ['R27', R27],
  ['R29', R29],
  ['R30', R30],
  ['DAT', DAT],
  ['ORD', ORD],
];

/** A finding may soften its rule (R21's first tier) but never harden it past the table's level. */
function effectiveLevel(tableLevel: ViolationLevel, findingLevel: ViolationLevel | undefined): ViolationLevel {
  return tableLevel === 'warning' || findingLevel === 'warning' ? 'warning' : 'error';
}

/**
 * The findings in force on `today`. With `until`, also those that take effect later, up to that day, each
 * carrying its activeFrom/activeUntil: what the stored judgement keeps so a read compares them with today in SQL.
 */
export function checkRecord(record: MemberRecord, table: RuleTable, today: string, until?: string): Violation[] {
  if (!isIsoDate(today)) throw new RangeError(`不是有效日期：${today}`);
  const ctx = makeContext(record, table, today, until ?? today);
  const out: Violation[] = [];
  for (const [id, check] of CHECKS) {
    const setting = table.rules[id];
    if (!setting || setting.level === 'off') continue;
    const findings = check({ ...ctx, prior: out }, (key) => thresholdOf(table, id, key));
    for (const f of findings) {
      const explanation = f.step !== undefined ? record.steps[f.step]?.reason?.trim() : undefined;
      const level = effectiveLevel(setting.level, f.level);
      out.push({
        ruleId: id,
        level,
        ...(level === 'error' && HARD_RULES.has(id) && !f.soft ? { hard: true } : {}),
        ...(f.step !== undefined ? { step: f.step } : {}),
        ...(f.field !== undefined ? { field: f.field } : {}),
        message: f.message,
        dates: f.dates,
        ...(explanation ? { explanation } : {}),
        ...(f.activeFrom !== undefined ? { activeFrom: f.activeFrom } : {}),
        ...(f.activeUntil !== undefined ? { activeUntil: f.activeUntil } : {}),
      });
    }
  }
  return until === undefined ? out.filter((v) => activeOn(v, today)) : out;
}

function key(v: Violation): string {
  return `${v.ruleId}|${v.step ?? ''}|${v.field ?? ''}|${v.message}`;
}

/**
 * What one typed date would cause: the violations present with `date` on the step and absent without any
 * date there. A problem the record has anyway is not blamed on the field being typed.
 * Step 10 means the 政审 结论 date when a 结论 is recorded. `today` defaults to the typed date.
 * A malformed or half-typed date yields nothing: the date picker and zod own the format.
 */
export function checkStepDate(
  record: MemberRecord,
  stepNo: StepNo,
  date: string,
  table: RuleTable,
  today: string = date,
): Violation[] {
  if (!isIsoDate(date) || !isIsoDate(today)) return [];
  const before = new Set(checkRecord(withoutStepDate(record, stepNo), table, today).map(key));
  return checkRecord(withStepDate(record, stepNo, date), table, today).filter((v) => !before.has(key(v)));
}

/** Errors before warnings, then in step order: the order the 合规检查 list shows them. */
export function sortViolations(list: readonly Violation[]): Violation[] {
  return [...list].sort(
    (a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1) || (a.step ?? 0) - (b.step ?? 0),
  );
}
