/**
 * Date arithmetic on 'YYYY-MM-DD' strings with the boundary semantics the 细则 time limits need.
 *
 * Dates are worked on as integer day numbers (days since 1970-01-01, proleptic Gregorian), so no time zone or
 * DST change can move a date by a day. Judging a township's files parses the same few thousand strings over and
 * over (dayjs was more than half the CPU of a rule check), so a string is parsed once and its day number kept in a
 * small cache. Results are exactly those of the former dayjs version (add(n, unit) in UTC, clamped to the month
 * end), pinned for every day 1990–2035 by tests/unit/members/dates-equivalence.test.ts.
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** A rule check touches a few dates per file; this holds a large township's worth and is cleared when full. */
const CACHE_LIMIT = 20_000;
const parsedDays = new Map<string, number>();
const formattedDays = new Map<number, string>();

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a civil date (month 1–12); H. Hinnant's days_from_civil. */
function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month 1–12, day] of a day number; the inverse of daysFromCivil. */
function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * The day number of a real 'YYYY-MM-DD' date, or NaN. Years before 100 are refused as dayjs refused them (it
 * read '0099' as 1999), so that no string changes its verdict.
 */
function readDay(s: string): number {
  if (!ISO.test(s)) return NaN;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

function cachedDay(s: string): number {
  let day = parsedDays.get(s);
  if (day === undefined) {
    day = readDay(s);
    if (parsedDays.size >= CACHE_LIMIT) parsedDays.clear();
    parsedDays.set(s, day);
  }
  return day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The 'YYYY-MM-DD' form of a day number. */
export function dateOfDay(day: number): string {
  let s = formattedDays.get(day);
  if (s === undefined) {
    const [y, m, d] = civilFromDays(day);
    s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    if (formattedDays.size >= CACHE_LIMIT) formattedDays.clear();
    formattedDays.set(day, s);
  }
  return s;
}

/** The day number (days since 1970-01-01) of a real 'YYYY-MM-DD' date; throws on anything else. */
export function dayNumber(d: string): number {
  const day = typeof d === 'string' ? cachedDay(d) : NaN;
  if (Number.isNaN(day)) throw new RangeError(`不是有效日期：${d}`);
  return day;
}

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2023-02-29, 2024-13-01, '2024-1-5'). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(cachedDay(value));
}

/** `n` whole days later (dayjs rounded a fraction; so does this). */
export function addDaysToDay(day: number, n: number): number {
  return day + Math.round(n);
}

/**
 * `n` months later on day numbers, clamped to the month end. The month index is truncated after adding, as
 * Date.setUTCMonth does with a fraction, which is what dayjs did.
 */
export function addMonthsToDay(day: number, n: number): number {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + Math.trunc(m - 1 + n);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `n` years later on day numbers; Feb 29 becomes Feb 28 in a common year. */
export function addYearsToDay(day: number, n: number): number {
  const [y, m, d] = civilFromDays(day);
  const ny = Math.trunc(y + n);
  return daysFromCivil(ny, m, Math.min(d, daysInMonth(ny, m)));
}

/** 0 for Sunday … 6 for Saturday, as Date.getUTCDay. Day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function addDays(d: string, n: number): string {
  return dateOfDay(addDaysToDay(dayNumber(d), n));
}

/** Clamps to the month end: 2024-01-31 + 1 month = 2024-02-29, 2023-01-31 + 1 month = 2023-02-28. */
export function addMonths(d: string, n: number): string {
  return dateOfDay(addMonthsToDay(dayNumber(d), n));
}

/** 2024-02-29 + 1 year = 2025-02-28 (clamped, like addMonths). */
export function addYears(d: string, n: number): string {
  return dateOfDay(addYearsToDay(dayNumber(d), n));
}

/** Whole days from `earlier` to `later`; negative when `later` is before. */
export function diffDays(later: string, earlier: string): number {
  return dayNumber(later) - dayNumber(earlier);
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
  const birth = dayNumber(birthDate);
  const event = dayNumber(eventDate);
  let years = civilFromDays(event)[0] - civilFromDays(birth)[0];
  if (addYearsToDay(birth, years) > event) years -= 1;
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
  const startDay = dayNumber(start);
  let end = startDay;
  for (let i = 0; ; i++) {
    // Compared as strings, as before: `until` is only ever compared, never parsed.
    const from = dateOfDay(end + 1);
    if (from > until) break;
    end = addMonthsToDay(startDay, (i + 1) * months);
    periods.push({ index: i, from, to: dateOfDay(end) });
  }
  return periods;
}

export function isWeekday(d: string): boolean {
  const day = weekday(dayNumber(d));
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
  const startDay = weekday(dayNumber(from));
  for (let i = 0; i < total % 7; i++) {
    const day = (startDay + i) % 7;
    if (day !== 0 && day !== 6) count += 1;
  }
  return count;
}
