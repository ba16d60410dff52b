/**
 * Entry errors no rule table and no 特殊情况说明 can change: a date after the ledger's today for something that has
 * already happened (a step, a 政审 part, a 函调, a 考察, an exit). Pure, so a form can say it as the clerk types.
 */
import { isIsoDate } from './dates';

export interface DatedField {
  /** The input field, as the form names it. */
  field: string;
  label: string;
  date: string | null | undefined;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export function futureDateText(label: string, date: string, today: string): string {
  return `${label}（${date}）晚于今天（${today}），尚未发生的事项不能记录`;
}

export function futureDateProblems(fields: readonly DatedField[], today: string): FieldProblem[] {
  return fields
    .filter((f): f is DatedField & { date: string } => isIsoDate(f.date) && f.date > today)
    .map((f) => ({ field: f.field, message: futureDateText(f.label, f.date, today) }));
}
