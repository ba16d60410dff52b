/**
 * Due and overdue reminders: a file's stored deadlines (deadlines.ts) seen from today. What the first screen and
 * the 月度提醒清单 list. Each kind follows a rule of the table and disappears when that rule is switched off.
 */
import { diffDays } from './dates';
import { deadlinesFor, type Deadline, type ReminderKind } from './deadlines';
import type { MemberRecord } from './record';
import type { RuleId, RuleTable } from './rule-table';
import type { StepNo } from './steps';

export type { ReminderKind } from './deadlines';
export type ReminderStatus = 'overdue' | 'due' | 'upcoming';

export interface Reminder {
  kind: ReminderKind;
  ruleId: RuleId;
  title: string;
  dueDate: string;
  status: ReminderStatus;
  /** Negative once overdue. */
  daysLeft: number;
  step: StepNo;
  /** 'error' only where the rule's hard limit has passed (审批 beyond six months, an overdue [N] deadline). */
  level: 'error' | 'warning' | 'info';
}

export interface ReminderOptions {
  /** Days before a due date from which a reminder counts as 'due' rather than 'upcoming'. */
  leadDays?: number;
}

export const DEFAULT_LEAD_DAYS = 30;

function titleOf(d: Deadline, today: string): string {
  const due = d.dueDate;
  switch (d.kind) {
    case '谈话':
      return `派人谈话（申请日期 ${d.facts.A}，应在 ${due} 前）`;
    case '考察':
      return `入党积极分子半年考察（本期截至 ${due}）`;
    case '培养期满':
      return today >= due ? `培养期已满一年（${due}），可列为发展对象` : `培养期将于 ${due} 满一年`;
    case '接收审批':
      return `上级党委审批（支部大会 ${d.facts.Z}，应在 ${due} 前，最迟 ${d.facts.final}）`;
    case '预备期满':
      return today > due ? `预备期已于 ${due} 期满，尚未讨论转正` : `预备期将于 ${due} 期满，准备讨论转正`;
    case '转正审批':
      return `转正审批（支部大会 ${d.facts.Q}，应在 ${due} 前）`;
  }
}

/** One deadline as of today: overdue, due within the lead days, or upcoming; its level and wording follow. */
export function reminderOn(d: Deadline, today: string, options: ReminderOptions = {}): Reminder {
  const lead = options.leadDays ?? DEFAULT_LEAD_DAYS;
  const daysLeft = diffDays(d.dueDate, today);
  const base = { kind: d.kind, ruleId: d.ruleId, title: titleOf(d, today), dueDate: d.dueDate, daysLeft, step: d.step };
  // Reaching the year is an opportunity, never a lapse: it is 'due' from that day on, never 'overdue'.
  if (d.kind === '培养期满') return { ...base, status: daysLeft <= 0 ? 'due' : 'upcoming', level: 'info' };
  const status: ReminderStatus = daysLeft < 0 ? 'overdue' : daysLeft <= lead ? 'due' : 'upcoming';
  const overdueLevel = d.finalDate !== undefined && today > d.finalDate ? 'error' : d.overdueLevel;
  return { ...base, status, level: status === 'overdue' ? overdueLevel : status === 'due' ? 'warning' : 'info' };
}

export function remindersFor(record: MemberRecord, table: RuleTable, today: string, options: ReminderOptions = {}): Reminder[] {
  return sortReminders(deadlinesFor(record, table).map((d) => reminderOn(d, today, options)));
}

/** A 培养期满 is the earliest day 发展对象 may be decided, not a deadline: it never makes a file pressing or overdue. */
export function isPressing(d: Pick<Deadline, 'kind'>): boolean {
  return d.kind !== '培养期满';
}

const STATUS_RANK: Record<ReminderStatus, number> = { overdue: 0, due: 1, upcoming: 2 };

/** Overdue first, then due, then upcoming; the nearest date first within each. */
export function sortReminders(list: readonly Reminder[]): Reminder[] {
  return [...list].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
      a.step - b.step,
  );
}

export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = {
  overdue: '已逾期',
  due: '即将到期',
  upcoming: '未到期',
};
