/**
 * Date arithmetic on 'YYYY-MM-DD' strings with the boundary semantics the 细则 time limits need.
 * Everything runs in UTC so a clerk's time zone or a DST change can never move a date by a day.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

const FORMAT = 'YYYY-MM-DD';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2023-02-29, 2024-13-01, '2024-1-5'). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO.test(value)) return false;
  return dayjs.utc(value).format(FORMAT) === value;
}

function parse(d: string): dayjs.Dayjs {
  if (!isIsoDate(d)) throw new RangeError(`不是有效日期：${d}`);
  return dayjs.utc(d);
}

export function addDays(d: string, n: number): string {
  return parse(d).add(n, 'day').format(FORMAT);
}

/** Clamps to the month end: 2024-01-31 + 1 month = 2024-02-29, 2023-01-31 + 1 month = 2023-02-28. */
export function addMonths(d: string, n: number): string {
  return parse(d).add(n, 'month').format(FORMAT);
}

/** 2024-02-29 + 1 year = 2025-02-28 (clamped, like addMonths). */
export function addYears(d: string, n: number): string {
  return parse(d).add(n, 'year').format(FORMAT);
}

/** Whole days from `earlier` to `later`; negative when `later` is before. */
export function diffDays(later: string, earlier: string): number {
  return parse(later).diff(parse(earlier), 'day');
}

export function compareDates(a: string, b: string): number {
  // Valid ISO dates sort as strings, which keeps this cheap enough for large lists.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(...dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => d !== undefined).sort(compareDates)[0];
}

export function maxDate(...dates: (string | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => d !== undefined)
    .sort(compareDates)
    .at(-1);
}

/** Inclusive on both ends. */
export function isWithin(d: string, from: string, to: string): boolean {
  return d >= from && d <= to;
}

/**
 * "At least n years after": the same calendar date n years later, or later. For a Feb 29 start the
 * anniversary in a common year is Feb 28, consistent with addYears.
 */
export function isAtLeastYearsAfter(later: string, earlier: string, years: number): boolean {
  return later >= addYears(earlier, years);
}

export function isAtLeastMonthsAfter(later: string, earlier: string, months: number): boolean {
  return later >= addMonths(earlier, months);
}

/**
 * Age in whole years (周岁) on `eventDate`: the birthday counts, so a person is 18 on their 18th birthday.
 * Someone born on Feb 29 turns a year older on Feb 28 in common years, the same anniversary addYears gives.
 */
export function ageAt(birthDate: string, eventDate: string): number {
  const birth = parse(birthDate);
  const event = parse(eventDate);
  let years = event.year() - birth.year();
  if (addYears(birthDate, years) > eventDate) years -= 1;
  return years;
}

/**
 * R23: the 预备期 is one year from the 支部大会 (Z); the end date written on the forms is Z + 1 year − 1 day.
 * An extension (延长预备期) adds whole months; counting months from Z avoids clamping twice.
 */
export function probationEnd(z: string, extensionMonths = 0): string {
  return addDays(partyAgeStart(z, extensionMonths), -1);
}

/** R28: 党龄 starts the day after the 预备期 ends, i.e. Z + 1 year (plus any extension). */
export function partyAgeStart(z: string, extensionMonths = 0): string {
  return extensionMonths === 0 ? addYears(z, 1) : addMonths(z, 12 + extensionMonths);
}

export interface DatePeriod {
  index: number;
  /** First day of the period, inclusive. */
  from: string;
  /** Last day of the period, inclusive: the day the periodic record is due at the latest. */
  to: string;
}

/**
 * Consecutive periods of `months` after `start`: (start, start+m], (start+m, start+2m], … Each is counted
 * from `start` itself so month-end clamping never drifts. Returns every period that has begun by `until`.
 * Used for the half-yearly 考察 (R07) and the quarterly 思想汇报 (R08).
 */
export function periodsAfter(start: string, months: number, until: string): DatePeriod[] {
  const periods: DatePeriod[] = [];
  if (months <= 0) return periods;
  for (let i = 0; ; i++) {
    const from = addDays(addMonths(start, i * months), 1);
    if (from > until) break;
    periods.push({ index: i, from, to: addMonths(start, (i + 1) * months) });
  }
  return periods;
}

export function isWeekday(d: string): boolean {
  const day = parse(d).day();
  return day !== 0 && day !== 6;
}

/** Days from `from` to `to`, both counted: a 公示 from the 1st to the 7th lasts 7 days. */
export function calendarDaysInclusive(from: string, to: string): number {
  return diffDays(to, from) + 1;
}

/**
 * Mon–Fri days from `from` to `to`, both counted. There is no holiday calendar: 国务院 publishes the
 * 调休 schedule each year, so 春节 or 国庆 weeks count as working days here.
 */
export function workingDaysInclusive(from: string, to: string): number {
  const total = calendarDaysInclusive(from, to);
  if (total <= 0) return 0;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  const startDay = parse(from).day();
  for (let i = 0; i < total % 7; i++) {
    const day = (startDay + i) % 7;
    if (day !== 0 && day !== 6) count += 1;
  }
  return count;
}
