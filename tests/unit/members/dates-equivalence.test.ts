/**
 * The day-number date arithmetic must give exactly what the dayjs version gave (tests/helpers/dates-dayjs.ts)
 * for every day from 1990 to 2035: every rule deadline, 预备期 end and age depends on it. Month-end clamping,
 * Feb 29 and the leap-day anniversary (Feb 29 + 1 year = Feb 28, docs/decisions.md) are covered because every
 * day of every month is a start date.
 */
import { describe, expect, it } from 'vitest';
import * as next from '../../../core/members/dates';
import * as ref from '../../helpers/dates-dayjs';

function everyDay(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(fromYear, 0, 1); t <= Date.UTC(toYear, 11, 31); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

const DAYS = everyDay(1990, 2035);

/** Runs both implementations on every case and lists the first disagreements (empty when they agree). */
function mismatches<A extends unknown[]>(cases: A[], a: (...args: A) => unknown, b: (...args: A) => unknown) {
  const out: { args: A; expected: unknown; actual: unknown }[] = [];
  for (const args of cases) {
    const expected = b(...args);
    const actual = a(...args);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) out.push({ args, expected, actual });
    if (out.length >= 10) break;
  }
  return out;
}

function withEach<T>(values: readonly T[]): [string, T][] {
  return DAYS.flatMap((d) => values.map((v): [string, T] => [d, v]));
}

describe('day-number dates agree with the dayjs version on every day 1990–2035', () => {
  it('covers the whole range', () => {
    expect(DAYS[0]).toBe('1990-01-01');
    expect(DAYS.at(-1)).toBe('2035-12-31');
    expect(DAYS).toHaveLength(16_801);
  });

  it('isIsoDate: every real day, and the impossible days around each month end', () => {
    const candidates = [...DAYS];
    for (let y = 1990; y <= 2035; y++) {
      for (let m = 0; m <= 13; m++) {
        for (const d of ['00', '28', '29', '30', '31', '32', '99']) {
          candidates.push(`${y}-${String(m).padStart(2, '0')}-${d}`);
        }
      }
    }
    const odd = ['2024-1-05', '2024-01-5', ' 2024-01-05', '2024-01-05 ', '2024/01/05', '20240105', '', '0000-01-01',
      '0099-12-31', '0100-01-01', '9999-12-31', '2024-02-29T00:00', '２０２４-01-05'];
    const cases = [...candidates, ...odd, undefined, null, 20240105, {}].map((v) => [v] as [unknown]);
    expect(mismatches(cases, next.isIsoDate, ref.isIsoDate)).toEqual([]);
  });

  it('addDays', () => {
    const cases = withEach([-1, 1, 366]);
    expect(mismatches(cases, next.addDays, ref.addDays)).toEqual([]);
  });

  it('addMonths, clamped to the month end', () => {
    const cases = withEach([-1, 1, 3, 6, 12, 18, 24]);
    expect(mismatches(cases, next.addMonths, ref.addMonths)).toEqual([]);
  });

  it('addYears, Feb 29 + 1 year = Feb 28', () => {
    const cases = withEach([1, 4, 18]);
    expect(mismatches(cases, next.addYears, ref.addYears)).toEqual([]);
    expect(next.addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('diffDays and calendarDaysInclusive', () => {
    const cases = DAYS.flatMap((d, i): [string, string][] => [
      [d, '2024-02-29'],
      [d, DAYS[(i * 7919) % DAYS.length]!],
    ]);
    expect(mismatches(cases, next.diffDays, ref.diffDays)).toEqual([]);
    const inclusive = DAYS.map((d, i): [string, string] => [DAYS[Math.max(0, i - 6)]!, d]);
    expect(mismatches(inclusive, next.calendarDaysInclusive, ref.calendarDaysInclusive)).toEqual([]);
  });

  it('ageAt on the 18th birthday and the day before', () => {
    // Inputs come from the new functions (checked above); only ageAt is compared here.
    const cases = DAYS.flatMap((birth): [string, string][] => {
      const birthday = next.addYears(birth, 18);
      return [[birth, birthday], [birth, next.addDays(birthday, -1)]];
    });
    expect(mismatches(cases, next.ageAt, ref.ageAt)).toEqual([]);
  });

  it('isAtLeastYearsAfter and isAtLeastMonthsAfter on the boundary day and the day before', () => {
    const years = DAYS.flatMap((d): [string, string, number][] => {
      const a = next.addYears(d, 1);
      return [[a, d, 1], [next.addDays(a, -1), d, 1]];
    });
    const months = DAYS.flatMap((d): [string, string, number][] => {
      const a = next.addMonths(d, 3);
      return [[a, d, 3], [next.addDays(a, -1), d, 3]];
    });
    expect(mismatches(years, next.isAtLeastYearsAfter, ref.isAtLeastYearsAfter)).toEqual([]);
    expect(mismatches(months, next.isAtLeastMonthsAfter, ref.isAtLeastMonthsAfter)).toEqual([]);
  });

  it('probationEnd and partyAgeStart, with and without an extension (R23, R28)', () => {
    const cases = withEach([0, 6]);
    expect(mismatches(cases, next.probationEnd, ref.probationEnd)).toEqual([]);
    expect(mismatches(cases, next.partyAgeStart, ref.partyAgeStart)).toEqual([]);
    expect(next.probationEnd('2024-02-29')).toBe('2025-02-27');
    expect(next.partyAgeStart('2024-02-29')).toBe('2025-02-28');
  });

  it('periodsAfter for the quarterly and half-yearly records (R07, R08)', () => {
    const cases = DAYS.flatMap((d): [string, number, string][] => {
      return [[d, 3, next.addMonths(d, 3)], [d, 6, next.addYears(d, 1)], [d, 6, d]];
    });
    expect(mismatches(cases, next.periodsAfter, ref.periodsAfter)).toEqual([]);
  });

  it('isWeekday and workingDaysInclusive', () => {
    expect(mismatches(DAYS.map((d) => [d] as [string]), next.isWeekday, ref.isWeekday)).toEqual([]);
    const cases = DAYS.flatMap((d, i) =>
      [-1, 4, 13].map((k): [string, string] => [d, DAYS[Math.min(DAYS.length - 1, Math.max(0, i + k))]!]),
    );
    expect(mismatches(cases, next.workingDaysInclusive, ref.workingDaysInclusive)).toEqual([]);
  });

  it('refuses an impossible date the same way', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-05']) {
      expect(() => next.addDays(bad, 1)).toThrow(`不是有效日期：${bad}`);
      expect(() => ref.addDays(bad, 1)).toThrow(`不是有效日期：${bad}`);
    }
  });
});
