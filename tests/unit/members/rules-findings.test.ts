/** Findings that are not refusals: implausible values (DAT), a 转正 not decided in time (R29), and leap-day anniversaries. */
import { describe, expect, it } from 'vitest';
import { derived } from '../../../core/members/derived';
import { cleanRecord, of, recordUpTo, setStep } from './helpers';

describe('DAT implausible values', () => {
  it('warns about a 离退休人员 under 50 at application', () => {
    const r = recordUpTo(2);
    r.person.occupation = '离退休人员';
    r.person.birthDate = '1975-03-02'; // 45 at A 2021-03-01
    expect(of(r, 'DAT')).toEqual([expect.objectContaining({ level: 'warning', step: 1, field: 'person.occupation', message: expect.stringContaining('45周岁') })]);
    r.person.birthDate = '1971-03-01'; // 50 that day
    expect(of(r, 'DAT')).toEqual([]);
  });

  it('warns about a birth date after the application', () => {
    const r = recordUpTo(2);
    r.person.birthDate = '2021-06-01';
    expect(of(r, 'DAT')).toEqual([
      expect.objectContaining({ level: 'warning', field: 'person.birthDate', message: '出生日期 2021-06-01 晚于递交入党申请书日期 2021-03-01，请核对人员库中的出生日期或申请日期' }),
    ]);
  });
});

describe('R29 a 转正 decided in time', () => {
  // recordUpTo(20): Z 2022-09-10, so the 预备期 ends 2023-09-09 and the decision is due by 2023-12-09.
  it('is a finding once the 预备期 ended more than three months ago with neither 转正 nor 延长', () => {
    expect(of(recordUpTo(20), 'R29', '2023-12-09')).toEqual([]);
    expect(of(recordUpTo(20), 'R29', '2023-12-10')).toEqual([
      expect.objectContaining({
        level: 'error',
        step: 23,
        message: '预备期已于 2023-09-09 期满，逾期三个月（2023-12-09）仍未讨论转正，也未决定延长预备期',
      }),
    ]);
  });

  it('is answered by a 转正 meeting, an extension (until it runs out) or a cancellation', () => {
    expect(of(cleanRecord(), 'R29', '2024-06-01')).toEqual([]);
    const extended = recordUpTo(20);
    extended.exits = { extension: { months: 6 } };
    expect(of(extended, 'R29', '2024-01-01')).toEqual([]);
    expect(of(extended, 'R29', '2024-06-10')[0]?.message).toContain('预备期已于 2024-03-09 期满（含延长6个月）');
    const cancelled = recordUpTo(20);
    cancelled.exits = { cancelled: { date: '2023-10-01', reason: '违反党的纪律' } };
    expect(of(cancelled, 'R29', '2024-06-01')).toEqual([]);
  });
});

/**
 * Feb 29 + 1 year = Feb 28 in a common year (dayjs clamps to the month end, as 民法典 第二百零二条 does for a period
 * whose end month has no corresponding day); docs/decisions.md says why and what is not verified.
 */
describe('leap-day anniversaries', () => {
  it('R09: a year of 培养 from 2024-02-29 is complete on 2025-02-28', () => {
    const r = recordUpTo(7);
    setStep(r, 3, { date: '2024-02-29' });
    setStep(r, 4, { date: '2024-03-01' });
    setStep(r, 5, { date: '2024-03-01' });
    setStep(r, 7, { date: '2025-02-27' });
    expect(of(r, 'R09', '2025-03-01')).toEqual([expect.objectContaining({ dates: expect.objectContaining({ earliest: '2025-02-28' }) })]);
    setStep(r, 7, { date: '2025-02-28' });
    expect(of(r, 'R09', '2025-03-01')).toEqual([]);
  });

  it('R23: a 预备期 from 2024-02-29 ends 2025-02-27, and 党龄 (R28) starts 2025-02-28', () => {
    const r = recordUpTo(20);
    setStep(r, 15, { date: '2024-02-29' });
    expect(derived(r)).toMatchObject({ probationEnd: '2025-02-27', partyAgeStart: '2025-02-28' });
  });

  it('R26: the 转正 meeting for a 2024-02-29 admission may be held from 2025-02-28', () => {
    const r = cleanRecord();
    setStep(r, 15, { date: '2024-02-29' });
    setStep(r, 23, { date: '2025-02-27' });
    expect(of(r, 'R26', '2025-06-01')).toEqual([
      expect.objectContaining({ message: '转正支部大会日期 2025-02-27 早于预备期满（预备期至 2025-02-27，最早 2025-02-28）' }),
    ]);
    setStep(r, 23, { date: '2025-02-28' });
    expect(of(r, 'R26', '2025-06-01')).toEqual([]);
  });
});
