import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addYears,
  ageAt,
  calendarDaysInclusive,
  diffDays,
  isAtLeastYearsAfter,
  isIsoDate,
  partyAgeStart,
  periodsAfter,
  probationEnd,
  workingDaysInclusive,
} from '../../../core/members/dates';

describe('member dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-05')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('clamps month arithmetic to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
  });

  it('maps Feb 29 to Feb 28 a year later, and back to Feb 29 four years later', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('treats "at least one year" as the same calendar date a year later or later', () => {
    expect(isAtLeastYearsAfter('2024-06-01', '2023-06-01', 1)).toBe(true);
    expect(isAtLeastYearsAfter('2024-05-31', '2023-06-01', 1)).toBe(false);
    expect(isAtLeastYearsAfter('2025-02-28', '2024-02-29', 1)).toBe(true);
    expect(isAtLeastYearsAfter('2025-02-27', '2024-02-29', 1)).toBe(false);
  });

  it('counts age in whole years, a year older on the birthday itself', () => {
    expect(ageAt('2006-03-15', '2024-03-15')).toBe(18);
    expect(ageAt('2006-03-15', '2024-03-14')).toBe(17);
    expect(ageAt('1990-12-31', '1991-01-01')).toBe(0);
  });

  it('ages a Feb 29 birthday on Feb 28 in common years', () => {
    expect(ageAt('2000-02-29', '2018-02-28')).toBe(18);
    expect(ageAt('2000-02-29', '2018-02-27')).toBe(17);
    expect(ageAt('2000-02-29', '2020-02-28')).toBe(19);
    expect(ageAt('2000-02-29', '2020-02-29')).toBe(20);
  });

  it('ends the 预备期 on Z + 1 year − 1 day and starts 党龄 the next day (R23, R28)', () => {
    expect(probationEnd('2023-09-10')).toBe('2024-09-09');
    expect(partyAgeStart('2023-09-10')).toBe('2024-09-10');
    expect(probationEnd('2024-02-29')).toBe('2025-02-27');
    expect(partyAgeStart('2024-02-29')).toBe('2025-02-28');
    expect(probationEnd('2024-03-01')).toBe('2025-02-28');
  });

  it('lengthens the 预备期 by an extension', () => {
    expect(probationEnd('2023-09-10', 6)).toBe('2025-03-09');
    expect(partyAgeStart('2023-09-10', 12)).toBe('2025-09-10');
  });

  it('splits the time after J into periods counted from J, without month-end drift', () => {
    expect(periodsAfter('2023-08-31', 6, '2024-09-01')).toEqual([
      { index: 0, from: '2023-09-01', to: '2024-02-29' },
      { index: 1, from: '2024-03-01', to: '2024-08-31' },
      { index: 2, from: '2024-09-01', to: '2025-02-28' },
    ]);
    expect(periodsAfter('2024-01-10', 3, '2024-01-10')).toEqual([]);
  });

  it('counts calendar days inclusively and working days Mon–Fri without holidays', () => {
    expect(calendarDaysInclusive('2024-03-01', '2024-03-07')).toBe(7);
    expect(diffDays('2024-03-01', '2024-02-28')).toBe(2);
    expect(workingDaysInclusive('2024-03-04', '2024-03-08')).toBe(5); // Mon–Fri
    expect(workingDaysInclusive('2024-03-09', '2024-03-10')).toBe(0); // Sat–Sun
    expect(workingDaysInclusive('2024-03-06', '2024-03-12')).toBe(5); // any 7 days
    expect(workingDaysInclusive('2024-03-04', '2024-03-17')).toBe(10);
    expect(workingDaysInclusive('2024-10-01', '2024-10-07')).toBe(5); // 国庆: no holiday calendar
    expect(workingDaysInclusive('2024-03-08', '2024-03-04')).toBe(0);
  });
});
