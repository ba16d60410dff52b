/**
 * Values computed from the record, never typed: the 预备期 end (R23), the 党龄 start (R28), the current stage
 * and the hint of the next 流程节点.
 */
import { addMonths, addYears, partyAgeStart, probationEnd } from './dates';
import { extensionMonths, keyDates, stepRecorded, type MemberRecord } from './record';
import { DEFAULT_RULE_TABLE, thresholdOf, type RuleId, type RuleTable } from './rule-table';
import { STEPS, stepDef, type StageNo, type StepDef, type StepNo } from './steps';

export type MemberStatus =
  | '未开始'
  | '入党申请人'
  | '入党积极分子'
  | '发展对象'
  | '预备党员'
  | '正式党员'
  | '已终止培养'
  | '已取消预备党员资格';

export interface NextStep {
  no: StepNo;
  name: string;
  /** Not before this date (e.g. 发展对象 one year after J). */
  earliest?: string;
  /** Not after this date (e.g. 谈话 within a month of A). */
  latest?: string;
}

export interface Derived {
  /** R23: Z + 1 year − 1 day, later by any 延长预备期. */
  probationEnd?: string;
  /** R28: the day after the 预备期 ends. */
  partyAgeStart?: string;
  /** The stage of the furthest recorded step; null while nothing is recorded. */
  currentStage: StageNo | null;
  lastStep: StepNo | null;
  status: MemberStatus;
  /** The first step after the furthest recorded one, ongoing steps skipped; null once complete or left. */
  nextStep: NextStep | null;
  /** Steps before the furthest recorded one that have nothing on record (ongoing steps 6 and 21 excepted). */
  missingSteps: StepNo[];
}

function status(record: MemberRecord, d: ReturnType<typeof keyDates>): MemberStatus {
  if (record.exits?.cancelled) return '已取消预备党员资格';
  if (record.exits?.terminated) return '已终止培养';
  if (d.R) return '正式党员';
  if (d.P) return '预备党员';
  if (d.F) return '发展对象';
  if (d.J) return '入党积极分子';
  if (d.A) return '入党申请人';
  return '未开始';
}

function dueWindow(no: StepNo, d: ReturnType<typeof keyDates>, table: RuleTable, record: MemberRecord): Omit<NextStep, 'no' | 'name'> {
  const th = (id: RuleId, key: string) => thresholdOf(table, id, key);
  switch (no) {
    case 2:
      return d.A ? { latest: addMonths(d.A, th('R02', 'months')) } : {};
    case 7:
      return d.J ? { earliest: addYears(d.J, th('R09', 'years')) } : {};
    case 15:
      return d.Y && table.rules.R16.level !== 'off' ? { latest: addMonths(d.Y, th('R16', 'months')) } : {};
    case 16:
    case 17:
      return d.Z ? { latest: addMonths(d.Z, th('R21', 'warnMonths')) } : {};
    case 22:
    case 23:
      return d.Z ? { earliest: partyAgeStart(d.Z, extensionMonths(record)) } : {};
    case 24:
      return d.Q ? { latest: addMonths(d.Q, th('R27', 'months')) } : {};
    default:
      return {};
  }
}

export function derived(record: MemberRecord, table: RuleTable = DEFAULT_RULE_TABLE): Derived {
  const d = keyDates(record);
  const ext = extensionMonths(record);
  const recorded = STEPS.filter((s) => stepRecorded(record, s.no));
  const last: StepDef | undefined = recorded.at(-1);
  const st = status(record, d);
  const exited = st === '已取消预备党员资格' || st === '已终止培养';
  // Ongoing steps (6 培养教育考察, 21 继续教育考察) are never "next": their 考察 have reminders of their own.
  const nextNo = STEPS.find((s) => s.no > (last?.no ?? 0) && s.kind !== 'period')?.no ?? null;
  const missingSteps = last
    ? STEPS.filter((s) => s.no < last.no && s.kind !== 'period' && !stepRecorded(record, s.no)).map((s) => s.no)
    : [];
  return {
    ...(d.Z ? { probationEnd: probationEnd(d.Z, ext), partyAgeStart: partyAgeStart(d.Z, ext) } : {}),
    currentStage: last?.stage ?? null,
    lastStep: last?.no ?? null,
    status: st,
    nextStep:
      exited || nextNo === null ? null : { no: nextNo, name: stepDef(nextNo).name, ...dueWindow(nextNo, d, table, record) },
    missingSteps,
  };
}
