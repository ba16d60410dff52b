/**
 * Due and overdue reminders for one record: what the first screen and the 月度提醒清单 list. Each kind
 * follows a rule of the table and disappears when that rule is switched off.
 */
import { addMonths, addYears, diffDays, periodsAfter, probationEnd } from './dates';
import { exitDate, extensionMonths, keyDates, type MemberRecord } from './record';
import { thresholdOf, type RuleId, type RuleTable } from './rule-table';
import { valid } from './rules-context';
import type { StepNo } from './steps';

export type ReminderKind = '谈话' | '考察' | '培养期满' | '预备期满' | '接收审批' | '转正审批';
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

const DEFAULT_LEAD_DAYS = 30;

export function remindersFor(
  record: MemberRecord,
  table: RuleTable,
  today: string,
  options: ReminderOptions = {},
): Reminder[] {
  const lead = options.leadDays ?? DEFAULT_LEAD_DAYS;
  const d = keyDates(record);
  const on = (id: RuleId) => table.rules[id].level !== 'off';
  const th = (id: RuleId, key: string) => thresholdOf(table, id, key);
  const out: Reminder[] = [];

  const add = (kind: ReminderKind, ruleId: RuleId, step: StepNo, dueDate: string, title: string, overdueLevel?: 'error' | 'warning') => {
    const daysLeft = diffDays(dueDate, today);
    const status: ReminderStatus = daysLeft < 0 ? 'overdue' : daysLeft <= lead ? 'due' : 'upcoming';
    const ruleLevel = table.rules[ruleId].level === 'error' ? 'error' : 'warning';
    const level = status === 'overdue' ? (overdueLevel ?? ruleLevel) : status === 'due' ? 'warning' : 'info';
    out.push({ kind, ruleId, title, dueDate, status, daysLeft, step, level });
  };

  // Someone who left the process is owed no further steps.
  if (exitDate(record)) return [];

  if (d.A && !d.T && on('R02')) {
    const due = addMonths(d.A, th('R02', 'months'));
    add('谈话', 'R02', 2, due, `派人谈话（申请日期 ${d.A}，应在 ${due} 前）`);
  }

  if (d.J && !d.F && on('R07')) {
    const reminder = inspectionDue(d.J, th('R07', 'months'), record.periodic?.inspections ?? [], today);
    add('考察', 'R07', 6, reminder, `入党积极分子半年考察（本期截至 ${reminder}）`);
  }

  if (d.J && !d.F && on('R09')) {
    const due = addYears(d.J, th('R09', 'years'));
    const daysLeft = diffDays(due, today);
    // Reaching the year is an opportunity, never a lapse: it is 'due' from that day on, never 'overdue'.
    out.push({
      kind: '培养期满',
      ruleId: 'R09',
      title: daysLeft <= 0 ? `培养期已满一年（${due}），可列为发展对象` : `培养期将于 ${due} 满一年`,
      dueDate: due,
      status: daysLeft <= 0 ? 'due' : 'upcoming',
      daysLeft,
      step: 7,
      level: 'info',
    });
  }

  if (d.Z && !d.P && on('R21')) {
    const due = addMonths(d.Z, th('R21', 'warnMonths'));
    const final = addMonths(d.Z, th('R21', 'errorMonths'));
    const pastFinal = today > final && table.rules.R21.level === 'error';
    add('接收审批', 'R21', 17, due, `上级党委审批（支部大会 ${d.Z}，应在 ${due} 前，最迟 ${final}）`, pastFinal ? 'error' : 'warning');
  }

  if (d.Z && !d.Q && on('R26')) {
    const end = probationEnd(d.Z, extensionMonths(record));
    const title = today > end ? `预备期已于 ${end} 期满，尚未讨论转正` : `预备期将于 ${end} 期满，准备讨论转正`;
    add('预备期满', 'R26', 23, end, title);
  }

  if (d.Q && !d.R && on('R27')) {
    const due = addMonths(d.Q, th('R27', 'months'));
    add('转正审批', 'R27', 24, due, `转正审批（支部大会 ${d.Q}，应在 ${due} 前）`);
  }

  return sortReminders(out);
}

/**
 * The last day of the earliest half-year period still owing a 考察: a past period without one (overdue),
 * else the current period if it has none yet, else the next period.
 */
function inspectionDue(j: string, months: number, inspections: readonly string[], today: string): string {
  const dates = inspections.filter((d) => valid(d) !== undefined);
  const periods = periodsAfter(j, months, today);
  for (const p of periods) {
    if (!dates.some((d) => d >= p.from && d <= p.to)) return p.to;
  }
  return addMonths(j, (periods.length + 1) * months);
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
