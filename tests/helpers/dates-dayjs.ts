/**
 * The dayjs-based date arithmetic core/members/dates.ts used before it moved to integer day numbers, kept
 * verbatim as the reference the equivalence test compares the new functions with. Test-only: nothing in the
 * app imports it.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

const FORMAT = 'YYYY-MM-DD';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

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

export function addMonths(d: string, n: number): string {
  return parse(d).add(n, 'month').format(FORMAT);
}

export function addYears(d: string, n: number): string {
  return parse(d).add(n, 'year').format(FORMAT);
}

export function diffDays(later: string, earlier: string): number {
  return parse(later).diff(parse(earlier), 'day');
}

export function isAtLeastYearsAfter(later: string, earlier: string, years: number): boolean {
  return later >= addYears(earlier, years);
}

export function isAtLeastMonthsAfter(later: string, earlier: string, months: number): boolean {
  return later >= addMonths(earlier, months);
}

export function ageAt(birthDate: string, eventDate: string): number {
  const birth = parse(birthDate);
  const event = parse(eventDate);
  let years = event.year() - birth.year();
  if (addYears(birthDate, years) > eventDate) years -= 1;
  return years;
}

export function probationEnd(z: string, extensionMonths = 0): string {
  return addDays(partyAgeStart(z, extensionMonths), -1);
}

export function partyAgeStart(z: string, extensionMonths = 0): string {
  return extensionMonths === 0 ? addYears(z, 1) : addMonths(z, 12 + extensionMonths);
}

export interface DatePeriod {
  index: number;
  from: string;
  to: string;
}

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

export function calendarDaysInclusive(from: string, to: string): number {
  return diffDays(to, from) + 1;
}

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
