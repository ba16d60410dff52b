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
    const cases = withEach([-366, -31, -1, 0, 1, 6, 7, 30, 31, 365, 366]);
    expect(mismatches(cases, next.addDays, ref.addDays)).toEqual([]);
  });

  it('addMonths, clamped to the month end', () => {
    const cases = withEach([-24, -13, -12, -6, -1, 0, 1, 2, 3, 6, 11, 12, 13, 18, 24, 36]);
    expect(mismatches(cases, next.addMonths, ref.addMonths)).toEqual([]);
  });

  it('addYears, Feb 29 + 1 year = Feb 28', () => {
    const cases = withEach([-18, -1, 0, 1, 2, 3, 4, 5, 8, 18, 35]);
    expect(mismatches(cases, next.addYears, ref.addYears)).toEqual([]);
    expect(next.addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('diffDays and calendarDaysInclusive', () => {
    const cases = DAYS.flatMap((d, i): [string, string][] => [
      [d, '1990-01-01'],
      [d, '2024-02-29'],
      ['2035-12-31', d],
      [d, DAYS[(i * 7919) % DAYS.length]!],
      [d, DAYS[Math.max(0, i - 1)]!],
    ]);
    expect(mismatches(cases, next.diffDays, ref.diffDays)).toEqual([]);
    expect(mismatches(cases, next.calendarDaysInclusive, ref.calendarDaysInclusive)).toEqual([]);
  });

  it('ageAt around every birthday (18th, 1st, 35th)', () => {
    const cases = DAYS.flatMap((birth): [string, string][] => {
      const events: string[] = [birth];
      for (const years of [1, 18, 35]) {
        const anniversary = ref.addYears(birth, years);
        events.push(ref.addDays(anniversary, -1), anniversary, ref.addDays(anniversary, 1));
      }
      return events.map((e): [string, string] => [birth, e]);
    });
    expect(mismatches(cases, next.ageAt, ref.ageAt)).toEqual([]);
  });

  it('isAtLeastYearsAfter and isAtLeastMonthsAfter on the boundary day and the day before', () => {
    const years = DAYS.flatMap((d): [string, string, number][] => {
      const a = ref.addYears(d, 1);
      return [[a, d, 1], [ref.addDays(a, -1), d, 1], [ref.addYears(d, 3), d, 3]];
    });
    const months = DAYS.flatMap((d): [string, string, number][] => {
      const a = ref.addMonths(d, 3);
      return [[a, d, 3], [ref.addDays(a, -1), d, 3], [ref.addMonths(d, 1), d, 1]];
    });
    expect(mismatches(years, next.isAtLeastYearsAfter, ref.isAtLeastYearsAfter)).toEqual([]);
    expect(mismatches(months, next.isAtLeastMonthsAfter, ref.isAtLeastMonthsAfter)).toEqual([]);
  });

  it('probationEnd and partyAgeStart, with and without an extension (R23, R28)', () => {
    const cases = withEach([0, 6, 7, 12]);
    expect(mismatches(cases, next.probationEnd, ref.probationEnd)).toEqual([]);
    expect(mismatches(cases, next.partyAgeStart, ref.partyAgeStart)).toEqual([]);
    expect(next.probationEnd('2024-02-29')).toBe('2025-02-27');
    expect(next.partyAgeStart('2024-02-29')).toBe('2025-02-28');
  });

  it('periodsAfter for the quarterly and half-yearly records (R07, R08)', () => {
    const cases = DAYS.flatMap((d): [string, number, string][] => {
      const until = ref.addYears(d, 1);
      return [[d, 3, until], [d, 6, until], [d, 6, d], [d, 0, until]];
    });
    expect(mismatches(cases, next.periodsAfter, ref.periodsAfter)).toEqual([]);
  });

  it('isWeekday and workingDaysInclusive', () => {
    expect(mismatches(DAYS.map((d) => [d] as [string]), next.isWeekday, ref.isWeekday)).toEqual([]);
    const cases = DAYS.flatMap((d, i) =>
      [-1, 0, 1, 4, 5, 6, 7, 13, 29].map((k): [string, string] => [d, DAYS[Math.min(DAYS.length - 1, Math.max(0, i + k))]!]),
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
