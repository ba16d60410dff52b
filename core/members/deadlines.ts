/**
 * The deadlines a file owes, worked out from its facts alone: none of them depends on today, so they are stored
 * with the file (member_deadlines) and a read only compares their dates with today (see reminders.ts).
 */
import { addMonths, addYears, probationEnd } from './dates';
import { exitDate, extensionMonths, keyDates, type MemberRecord } from './record';
import { thresholdOf, type RuleId, type RuleTable } from './rule-table';
import { valid } from './rules-context';
import type { StepNo } from './steps';

export type ReminderKind = '谈话' | '考察' | '培养期满' | '预备期满' | '接收审批' | '转正审批';

export interface Deadline {
  kind: ReminderKind;
  ruleId: RuleId;
  step: StepNo;
  dueDate: string;
  /** After this day an overdue deadline is an error whatever the rule's own level (R21's six months). */
  finalDate?: string;
  /** The level once overdue, before any finalDate. */
  overdueLevel: 'error' | 'warning';
  /** The key dates the reminder's wording quotes. */
  facts: Record<string, string>;
}

export function deadlinesFor(record: MemberRecord, table: RuleTable): Deadline[] {
  const d = keyDates(record);
  const on = (id: RuleId) => table.rules[id].level !== 'off';
  const th = (id: RuleId, key: string) => thresholdOf(table, id, key);
  const levelOf = (id: RuleId) => (table.rules[id].level === 'error' ? 'error' : 'warning');
  const out: Deadline[] = [];

  // Someone who left the process is owed no further steps.
  if (exitDate(record)) return out;

  if (d.A && !d.T && on('R02')) {
    out.push({ kind: '谈话', ruleId: 'R02', step: 2, dueDate: addMonths(d.A, th('R02', 'months')), overdueLevel: levelOf('R02'), facts: { A: d.A } });
  }
  if (d.J && !d.F && on('R07')) {
    const due = inspectionDue(d.J, th('R07', 'months'), record.periodic?.inspections ?? []);
    out.push({ kind: '考察', ruleId: 'R07', step: 6, dueDate: due, overdueLevel: levelOf('R07'), facts: {} });
  }
  if (d.J && !d.F && on('R09')) {
    out.push({ kind: '培养期满', ruleId: 'R09', step: 7, dueDate: addYears(d.J, th('R09', 'years')), overdueLevel: 'warning', facts: {} });
  }
  if (d.Z && !d.P && on('R21')) {
    const final = addMonths(d.Z, th('R21', 'errorMonths'));
    out.push({
      kind: '接收审批',
      ruleId: 'R21',
      step: 17,
      dueDate: addMonths(d.Z, th('R21', 'warnMonths')),
      ...(table.rules.R21.level === 'error' ? { finalDate: final } : {}),
      overdueLevel: 'warning',
      facts: { Z: d.Z, final },
    });
  }
  if (d.Z && !d.Q && on('R26')) {
    out.push({ kind: '预备期满', ruleId: 'R26', step: 23, dueDate: probationEnd(d.Z, extensionMonths(record)), overdueLevel: levelOf('R26'), facts: {} });
  }
  if (d.Q && !d.R && on('R27')) {
    out.push({ kind: '转正审批', ruleId: 'R27', step: 24, dueDate: addMonths(d.Q, th('R27', 'months')), overdueLevel: levelOf('R27'), facts: { Q: d.Q } });
  }
  return out;
}

/**
 * The last day of the earliest half-year period after J with no 考察 on record. A 考察 cannot be dated after today
 * (the service refuses it), so this is the period a clerk still owes, whatever today is: a past one (overdue),
 * the current one, or the next.
 */
function inspectionDue(j: string, months: number, inspections: readonly string[]): string {
  const dates = inspections.filter((d) => valid(d) !== undefined);
  if (months <= 0) return j;
  for (let i = 0; ; i++) {
    const from = addMonths(j, i * months);
    const to = addMonths(j, (i + 1) * months);
    // "from" is exclusive: the period starts the day after J (or after the previous period's end).
    if (!dates.some((d) => d > from && d <= to)) return to;
  }
}
