/** What every rule check receives and returns, plus the Chinese wording they share. */
import { addDays, isIsoDate } from './dates';
import { exitDate, keyDates, type MemberRecord } from './record';
import type { RuleId, RuleTable } from './rule-table';
import { DATE_KEY_LABELS, type DateKey, type StepNo } from './steps';

export type ViolationLevel = 'error' | 'warning';

export interface Violation {
  ruleId: RuleId;
  level: ViolationLevel;
  step?: StepNo;
  /** The form field to mark, as a path into MemberRecord (e.g. 'date', 'meeting.present'). */
  field?: string;
  message: string;
  /** The dates involved, keyed by DateKey where there is one ('A', 'T', …) plus 'limit', 'earliest' etc. */
  dates: Record<string, string>;
  /** The step's 特殊情况说明, if the clerk wrote one. */
  explanation?: string;
  /** A 党章 condition or an entry error (HARD_RULES): no 特殊情况说明 lets a write that adds it through. */
  hard?: boolean;
  /** A breach only from this day on (a deadline passed with nothing recorded): stored, and compared with today in SQL. */
  activeFrom?: string;
  /** …and only up to this day (R21's warning tier, which the error tier replaces). */
  activeUntil?: string;
}

/** A rule's raw output; `level` only ever lowers the table's level (R21's 3-month tier is a warning). */
export interface Finding {
  step?: StepNo;
  field?: string;
  message: string;
  dates: Record<string, string>;
  level?: ViolationLevel;
  /** For a finding of a hard rule that is not itself hard (ORD's "a step is missing"): the reason path stays. */
  soft?: boolean;
  activeFrom?: string;
  activeUntil?: string;
}

export interface RuleContext {
  record: MemberRecord;
  table: RuleTable;
  today: string;
  /**
   * How far ahead today-dependent findings are produced, each with the day it takes effect. Equal to today when a
   * form asks; the stored judgement looks ahead (see judgement.ts), so a list read compares dates with today in SQL.
   */
  until: string;
  d: Partial<Record<DateKey, string>>;
  /** Violations found by the rules run before this one (ORD uses them to avoid repeating a pair). */
  prior: readonly Violation[];
}

export type Threshold = (key: string) => number;
export type RuleCheck = (ctx: RuleContext, th: Threshold) => Finding[];

export function makeContext(record: MemberRecord, table: RuleTable, today: string, until: string = today): RuleContext {
  return { record, table, today, until, d: keyDates(record), prior: [] };
}

export function valid(d: string | undefined): string | undefined {
  return isIsoDate(d) ? d : undefined;
}

/**
 * A deadline that passes with nothing recorded is a breach only while the person is still in the process:
 * someone whose 培养 was terminated before the deadline owes nothing. Returns the day the breach takes effect
 * (the day after the deadline), or undefined when it never does within the judged span.
 */
export function breachFrom(ctx: RuleContext, deadline: string): string | undefined {
  const left = exitDate(ctx.record);
  return ctx.until > deadline && (left === undefined || left > deadline) ? addDays(deadline, 1) : undefined;
}

/** Whether a finding is in force on `today`. */
export function activeOn(f: { activeFrom?: string; activeUntil?: string }, today: string): boolean {
  return (f.activeFrom === undefined || f.activeFrom <= today) && (f.activeUntil === undefined || today <= f.activeUntil);
}

export function label(key: DateKey): string {
  return DATE_KEY_LABELS[key];
}

const CN_MONTHS: Record<number, string> = { 1: '一个月', 2: '两个月', 3: '三个月', 6: '六个月', 12: '十二个月' };
const CN_YEARS: Record<number, string> = { 1: '一年', 2: '两年', 3: '三年' };

export function monthsText(n: number): string {
  return CN_MONTHS[n] ?? `${n}个月`;
}

export function yearsText(n: number): string {
  return CN_YEARS[n] ?? `${n}年`;
}

export function fractionText(f: number): string {
  return f === 0.5 ? '半数' : `${Math.round(f * 1000) / 10}%`;
}
