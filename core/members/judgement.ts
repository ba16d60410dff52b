/**
 * A file's judgement as it is stored: everything the rules conclude from its facts, with every today-dependent
 * part kept as a date (a finding's span, a deadline's due date), so a read needs only compare dates with today.
 * Judging once looks a year ahead; a file is judged again when that year is up, its facts change or the rule
 * table in force changes.
 */
import { addDays } from './dates';
import { deadlinesFor, type Deadline } from './deadlines';
import { derived } from './derived';
import { toMemberRecord, type LoadedRecord } from './load';
import { keyDates } from './record';
import { isPressing } from './reminders';
import type { RuleTable } from './rule-table';
import { checkRecord, sortViolations, type Violation } from './rules';

/** How far ahead findings are worked out, in days; a file judged today stays true up to today + this. */
export const JUDGE_AHEAD_DAYS = 366;

export type StatusGroup = '进行中' | '已转正' | '已终止';

export function statusGroup(status: string): StatusGroup {
  if (status === '正式党员') return '已转正';
  return status === '已终止培养' || status === '已取消预备党员资格' ? '已终止' : '进行中';
}

export interface StoredState {
  recordId: number;
  personId: number;
  unitId: number | null;
  branchId: number | null;
  nameKey: string;
  personName: string;
  idNumber: string;
  rulesVersion: number;
  judgedOn: string;
  judgedUntil: string;
  stage: number;
  status: string;
  statusGroup: StatusGroup;
  lastStep: number;
  nextStep: number | null;
  nextEarliest: string | null;
  nextLatest: string | null;
  probationEnd: string | null;
  partyAgeStart: string | null;
  activistOn: string | null;
  approvedOn: string | null;
  firstDate: string | null;
  deadlineDue: string | null;
}

export interface StoredJudgement {
  state: StoredState;
  /** In the order the 合规检查 shows them: errors first, then by step. */
  findings: Violation[];
  deadlines: Deadline[];
}

/** The deadline a list shows for a file: the earliest one owed, 培养期满 aside. */
export function pressingDeadline<T extends Pick<Deadline, 'kind' | 'dueDate' | 'step'>>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const d of list) {
    if (!isPressing(d)) continue;
    if (!best || d.dueDate < best.dueDate || (d.dueDate === best.dueDate && d.step < best.step)) best = d;
  }
  return best;
}

export function judgeForStore(loaded: LoadedRecord, table: RuleTable, today: string): StoredJudgement {
  const record = toMemberRecord(loaded);
  const d = derived(record, table);
  const until = addDays(today, JUDGE_AHEAD_DAYS);
  const findings = sortViolations(checkRecord(record, table, today, until));
  const deadlines = deadlinesFor(record, table);
  const keys = keyDates(record);
  const dates = loaded.steps.map((s) => s.date).sort();
  return {
    state: {
      recordId: loaded.record.id,
      personId: loaded.person.id,
      unitId: loaded.person.unitId,
      branchId: loaded.record.branchId,
      nameKey: loaded.person.sortKey ?? loaded.person.name,
      personName: loaded.person.name,
      idNumber: loaded.person.idNumber,
      rulesVersion: table.version,
      judgedOn: today,
      judgedUntil: until,
      stage: d.currentStage ?? 1,
      status: d.status,
      statusGroup: statusGroup(d.status),
      lastStep: d.lastStep ?? 0,
      nextStep: d.nextStep?.no ?? null,
      nextEarliest: d.nextStep?.earliest ?? null,
      nextLatest: d.nextStep?.latest ?? null,
      probationEnd: d.probationEnd ?? null,
      partyAgeStart: d.partyAgeStart ?? null,
      activistOn: keys.J ?? null,
      approvedOn: keys.P ?? null,
      firstDate: dates[0] ?? null,
      deadlineDue: pressingDeadline(deadlines)?.dueDate ?? null,
    },
    findings,
    deadlines,
  };
}
