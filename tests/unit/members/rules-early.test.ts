import { describe, expect, it } from 'vitest';
import { check, cleanRecord, of, recordUpTo, setStep, tableWith } from './helpers';

describe('R01 年满18岁 at application', () => {
  it('passes on the 18th birthday and fails the day before', () => {
    const r = recordUpTo(1);
    r.person.birthDate = '2003-03-01'; // A = 2021-03-01
    expect(of(r, 'R01')).toEqual([]);
    r.person.birthDate = '2003-03-02';
    const [v] = of(r, 'R01');
    expect(v).toMatchObject({ level: 'error', step: 1 });
    expect(v?.message).toContain('2021-03-01');
    expect(v?.message).toContain('2021-03-02 起');
  });

  it('handles a Feb 29 birthday and follows the age threshold', () => {
    const r = setStep(recordUpTo(1), 1, { date: '2018-02-28' });
    r.person.birthDate = '2000-02-29';
    expect(of(r, 'R01')).toEqual([]);
    r.person.birthDate = '2002-02-28'; // 16
    expect(of(r, 'R01')).toHaveLength(1);
    expect(of(r, 'R01', undefined, tableWith('R01', undefined, { age: 16 }))).toEqual([]);
  });

  it('says nothing without a birth date', () => {
    const r = recordUpTo(1);
    delete r.person.birthDate;
    expect(of(r, 'R01')).toEqual([]);
  });
});

describe('R02 谈话 within one month of the application', () => {
  it('words the violation with both dates and the last allowed day', () => {
    const r = setStep(setStep(recordUpTo(2), 1, { date: '2024-01-10' }), 2, { date: '2024-03-05' });
    expect(of(r, 'R02', '2024-04-01')).toEqual([
      expect.objectContaining({
        level: 'error',
        step: 2,
        message: '谈话日期 2024-03-05 晚于申请日期 2024-01-10 后一个月（最迟 2024-02-10）',
        dates: { A: '2024-01-10', T: '2024-03-05', limit: '2024-02-10' },
      }),
    ]);
  });

  it('clamps Jan 31 + 1 month to the end of February', () => {
    const r = setStep(recordUpTo(2), 1, { date: '2024-01-31' });
    setStep(r, 2, { date: '2024-02-29' });
    expect(of(r, 'R02', '2024-04-01')).toEqual([]);
    setStep(r, 2, { date: '2024-03-01' });
    expect(of(r, 'R02', '2024-04-01')[0]?.message).toContain('最迟 2024-02-29');
  });

  it('reports a missing 谈话 only once the month has passed, unless the person left before', () => {
    const r = recordUpTo(1); // A = 2021-03-01
    expect(of(r, 'R02', '2021-04-01')).toEqual([]);
    expect(of(r, 'R02', '2021-04-02')).toHaveLength(1);
    r.exits = { terminated: { date: '2021-03-20', reason: '本人撤回申请' } };
    expect(of(r, 'R02', '2021-04-02')).toEqual([]);
  });

  it('follows a changed threshold and yields nothing when off', () => {
    const r = setStep(recordUpTo(2), 2, { date: '2021-04-20' });
    expect(of(r, 'R02')).toHaveLength(1);
    expect(of(r, 'R02', undefined, tableWith('R02', undefined, { months: 2 }))).toEqual([]);
    expect(of(r, 'R02', undefined, tableWith('R02', 'off'))).toEqual([]);
  });
});

describe('R03 积极分子 备案', () => {
  it('requires step 4 once the 发展对象 stage has begun', () => {
    const r = recordUpTo(7);
    expect(of(r, 'R03')).toEqual([]);
    delete r.steps[4];
    expect(of(r, 'R03')).toEqual([expect.objectContaining({ level: 'error', step: 4 })]);
  });

  it('does not demand it while the person is still a 积极分子', () => {
    const r = recordUpTo(5);
    delete r.steps[4];
    expect(of(r, 'R03')).toEqual([]);
  });
});

describe('R05 团组织推优 under 28', () => {
  it('warns for a 27-year-old without 推优 and not for one who is 28 on the day', () => {
    const r = recordUpTo(3); // J = 2021-06-01
    r.person.hasLeagueRecommendation = false;
    r.person.birthDate = '1993-06-02';
    expect(of(r, 'R05')).toEqual([expect.objectContaining({ level: 'warning', step: 3 })]);
    r.person.birthDate = '1993-06-01';
    expect(of(r, 'R05')).toEqual([]);
  });

  it('is satisfied by a 推优 record', () => {
    const r = recordUpTo(3);
    r.person.hasLeagueRecommendation = true;
    expect(of(r, 'R05')).toEqual([]);
  });
});

describe('R06 培养联系人 1–2 正式党员', () => {
  it('accepts one or two and rejects none or three', () => {
    const r = recordUpTo(5);
    setStep(r, 5, { people: [{ name: '李明', isFullMember: true }] });
    expect(of(r, 'R06')).toEqual([]);
    setStep(r, 5, { people: [] });
    expect(of(r, 'R06')).toEqual([expect.objectContaining({ level: 'error', step: 5, field: 'people' })]);
    setStep(r, 5, { people: ['甲', '乙', '丙'].map((name) => ({ name, isFullMember: true })) });
    expect(of(r, 'R06')[0]?.message).toContain('现记录3名');
    expect(of(r, 'R06', undefined, tableWith('R06', undefined, { max: 3 }))).toEqual([]);
  });

  it('names a contact who is not a 正式党员', () => {
    const r = setStep(recordUpTo(5), 5, { people: [{ name: '李明', isFullMember: false }] });
    expect(of(r, 'R06')[0]?.message).toContain('李明不是正式党员');
  });

  it('requires contacts once the person is a 发展对象', () => {
    const r = recordUpTo(7);
    delete r.steps[5];
    expect(of(r, 'R06')).toHaveLength(1);
  });
});

describe('R07 考察 every half year after J', () => {
  const activist = () => {
    const r = recordUpTo(5); // J = 2021-06-01, first period 2021-06-02 … 2021-12-01
    r.periodic = { inspections: [], thoughtReports: [] };
    return r;
  };

  it('judges a period only after its last day', () => {
    expect(of(activist(), 'R07', '2021-12-01')).toEqual([]);
    const [v] = of(activist(), 'R07', '2021-12-02');
    expect(v).toMatchObject({ level: 'error', step: 6, dates: { from: '2021-06-02', to: '2021-12-01' } });
  });

  it('counts a 考察 on the period end but not the day after', () => {
    const r = activist();
    r.periodic!.inspections = ['2021-12-01'];
    expect(of(r, 'R07', '2021-12-02')).toEqual([]);
    r.periodic!.inspections = ['2021-12-02'];
    expect(of(r, 'R07', '2021-12-03')).toHaveLength(1);
  });

  it('stops at F: later half-years are not owed', () => {
    const r = cleanRecord();
    expect(of(r, 'R07', '2030-01-01')).toEqual([]);
    r.periodic!.inspections = ['2021-11-20'];
    expect(of(r, 'R07')).toEqual([expect.objectContaining({ dates: expect.objectContaining({ to: '2022-06-01' }) })]);
  });

  it('follows the period length in the table', () => {
    const r = activist();
    r.periodic!.inspections = ['2022-05-20'];
    expect(of(r, 'R07', '2022-06-02')).toHaveLength(1);
    expect(of(r, 'R07', '2022-06-02', tableWith('R07', undefined, { months: 12 }))).toEqual([]);
  });
});

describe('R08 思想汇报 each quarter', () => {
  it('warns for a quarter without a report, once it is over', () => {
    const r = recordUpTo(3);
    r.periodic = { inspections: [], thoughtReports: [] };
    expect(of(r, 'R08', '2021-09-01')).toEqual([]);
    expect(of(r, 'R08', '2021-09-02')).toEqual([expect.objectContaining({ level: 'warning' })]);
  });

  it('passes with one report per quarter up to Z', () => {
    const r = cleanRecord();
    expect(of(r, 'R08')).toEqual([]);
    r.periodic!.thoughtReports = r.periodic!.thoughtReports.filter((d) => d !== '2022-02-15');
    expect(of(r, 'R08')).toEqual([expect.objectContaining({ dates: expect.objectContaining({ from: '2021-12-02', to: '2022-03-01' }) })]);
  });
});

describe('R09 one year of 培养 before 发展对象, and its 备案', () => {
  it('passes on J + 1 year and fails the day before', () => {
    const r = setStep(recordUpTo(7), 7, { date: '2022-06-01' }); // J = 2021-06-01
    expect(of(r, 'R09')).toEqual([]);
    setStep(r, 7, { date: '2022-05-31' });
    const [v] = of(r, 'R09');
    expect(v).toMatchObject({ level: 'error', step: 7, dates: { J: '2021-06-01', F: '2022-05-31', earliest: '2022-06-01' } });
    expect(v?.message).toContain('不满一年');
  });

  it('lets a Feb 29 J reach its year on Feb 28', () => {
    const r = setStep(setStep(recordUpTo(7), 3, { date: '2024-02-29' }), 7, { date: '2025-02-28' });
    expect(of(r, 'R09', '2025-03-01')).toEqual([]);
    setStep(r, 7, { date: '2025-02-27' });
    expect(of(r, 'R09', '2025-03-01')).toHaveLength(1);
  });

  it('follows the number of years in the table', () => {
    expect(of(cleanRecord(), 'R09', undefined, tableWith('R09', undefined, { years: 2 }))).toHaveLength(1);
  });

  it('requires the 发展对象 备案 (step 8) once the 接收 stage has begun', () => {
    const r = recordUpTo(12);
    delete r.steps[8];
    expect(of(r, 'R09')).toEqual([expect.objectContaining({ step: 8 })]);
    const earlier = recordUpTo(11);
    delete earlier.steps[8];
    expect(of(earlier, 'R09')).toEqual([]);
  });
});

describe('the clean fixture', () => {
  it('breaks no rule, so every failure in these tests comes from the one change made', () => {
    expect(check(cleanRecord())).toEqual([]);
  });
});
