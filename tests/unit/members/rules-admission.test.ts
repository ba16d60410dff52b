import { describe, expect, it } from 'vitest';
import { cleanRecord, of, recordUpTo, setStep, tableWith } from './helpers';

const full = (name: string) => ({ name, isFullMember: true });

describe('R10 two 入党介绍人, both 正式党员', () => {
  it('accepts exactly two and rejects one or three', () => {
    const r = cleanRecord();
    expect(of(r, 'R10')).toEqual([]);
    setStep(r, 9, { people: [full('赵强')] });
    expect(of(r, 'R10')).toEqual([expect.objectContaining({ level: 'error', step: 9 })]);
    setStep(r, 9, { people: [full('赵强'), full('钱芳'), full('孙丽')] });
    expect(of(r, 'R10')).toHaveLength(1);
  });

  it('rejects a 预备党员 as 介绍人', () => {
    const r = setStep(cleanRecord(), 9, { people: [full('赵强'), { name: '钱芳', isFullMember: false }] });
    expect(of(r, 'R10')[0]?.message).toContain('钱芳不是正式党员');
  });

  it('is owed from the 接收 stage, not before', () => {
    const r = recordUpTo(12);
    delete r.steps[9];
    expect(of(r, 'R10')).toHaveLength(1);
    const earlier = recordUpTo(8);
    expect(of(earlier, 'R10')).toEqual([]);
  });
});

describe('R11 政审 合格 结论 before admission', () => {
  it('blocks a 支部大会 with no 结论 or a 不合格 one', () => {
    const r = cleanRecord();
    delete r.politicalReview!.conclusion;
    expect(of(r, 'R11')).toEqual([expect.objectContaining({ level: 'error', step: 15 })]);
    r.politicalReview!.conclusion = { result: '不合格', date: '2022-07-20', signer: '党委书记' };
    expect(of(r, 'R11')[0]?.message).toContain('不合格');
  });

  it('accepts a 结论 on the day of the 支部大会 but not after it', () => {
    const r = cleanRecord(); // Z = 2022-09-10
    r.politicalReview!.conclusion!.date = '2022-09-10';
    expect(of(r, 'R11')).toEqual([]);
    r.politicalReview!.conclusion!.date = '2022-09-11';
    expect(of(r, 'R11')).toEqual([expect.objectContaining({ dates: { E: '2022-09-11', Z: '2022-09-10' } })]);
  });

  it('requires the 结论 after every 函调 letter; the same day is not after', () => {
    const r = cleanRecord(); // 结论 2022-07-20
    r.politicalReview!.examination!.letters.push({ date: '2022-07-19' });
    expect(of(r, 'R11')).toEqual([]);
    r.politicalReview!.examination!.letters.push({ date: '2022-07-20' });
    expect(of(r, 'R11')[0]?.message).toContain('同日');
    r.politicalReview!.examination!.letters.push({ date: '2022-08-02' });
    expect(of(r, 'R11')).toEqual([expect.objectContaining({ step: 10, dates: { E: '2022-07-20', letter: '2022-08-02' } })]);
  });

  it('lets a township accept a same-day 结论 through the threshold', () => {
    const r = cleanRecord();
    r.politicalReview!.examination!.letters.push({ date: '2022-07-20' });
    expect(of(r, 'R11', undefined, tableWith('R11', undefined, { daysAfterLetters: 0 }))).toEqual([]);
  });

  it('does not demand a 结论 before any 接收 is recorded', () => {
    const r = recordUpTo(14);
    delete r.politicalReview;
    expect(of(r, 'R11')).toEqual([]);
  });
});

describe('R11b a 政审 is valid for one year', () => {
  it('warns once Z is more than a year after the 结论', () => {
    const r = cleanRecord(); // 结论 2022-07-20
    setStep(r, 15, { date: '2023-07-20' });
    expect(of(r, 'R11b')).toEqual([]);
    setStep(r, 15, { date: '2023-07-21' });
    expect(of(r, 'R11b')).toEqual([expect.objectContaining({ level: 'warning', step: 15 })]);
  });
});

describe('R12 集中培训 ≥ 3 days or ≥ 24 学时, between F and Z', () => {
  it('accepts 3 days or 24 hours and rejects less of both', () => {
    const r = cleanRecord();
    setStep(r, 11, { training: { days: 2, hours: 24 } });
    expect(of(r, 'R12')).toEqual([]);
    setStep(r, 11, { training: { days: 2, hours: 23 } });
    expect(of(r, 'R12')).toEqual([expect.objectContaining({ level: 'error', step: 11, field: 'training' })]);
    setStep(r, 11, { training: {} });
    expect(of(r, 'R12')[0]?.message).toContain('未记录集中培训天数或学时');
  });

  it('follows the table', () => {
    expect(of(cleanRecord(), 'R12', undefined, tableWith('R12', undefined, { days: 5 }))).toHaveLength(1);
  });

  it('accepts training on F or on Z, not outside', () => {
    const r = cleanRecord(); // F 2022-06-10, Z 2022-09-10
    setStep(r, 11, { date: '2022-06-10' });
    expect(of(r, 'R12')).toEqual([]);
    setStep(r, 11, { date: '2022-06-09' });
    expect(of(r, 'R12')).toHaveLength(1);
    setStep(r, 11, { date: '2022-09-10' });
    expect(of(r, 'R12')).toEqual([]);
    setStep(r, 11, { date: '2022-09-11' });
    expect(of(r, 'R12')).toHaveLength(1);
  });

  it('requires training before admission only', () => {
    const r = cleanRecord();
    delete r.steps[11];
    expect(of(r, 'R12')).toHaveLength(1);
    const earlier = recordUpTo(10);
    expect(of(earlier, 'R12')).toEqual([]);
  });
});

describe('R13 预审 before the 志愿书, 志愿书 before Z', () => {
  it('checks Y ≤ V ≤ Z with both ends inclusive', () => {
    const r = cleanRecord(); // Y 2022-08-20, Z 2022-09-10
    setStep(r, 14, { date: '2022-08-20' });
    expect(of(r, 'R13')).toEqual([]);
    setStep(r, 14, { date: '2022-08-19' });
    expect(of(r, 'R13')).toEqual([expect.objectContaining({ step: 14, dates: { Y: '2022-08-20', V: '2022-08-19' } })]);
    setStep(r, 14, { date: '2022-09-10' });
    expect(of(r, 'R13')).toEqual([]);
    setStep(r, 14, { date: '2022-09-11' });
    expect(of(r, 'R13')).toHaveLength(1);
  });
});

describe('R14 leaving within 3 months', () => {
  it('warns a 发展对象 who will leave soon', () => {
    const r = cleanRecord();
    r.leavingWithin3Months = true;
    expect(of(r, 'R14')).toEqual([expect.objectContaining({ level: 'warning', step: 15 })]);
    const activist = recordUpTo(5);
    activist.leavingWithin3Months = true;
    expect(of(activist, 'R14')).toEqual([]);
  });

  it('measures a known leaving date against Z + 3 months', () => {
    const r = cleanRecord(); // Z 2022-09-10
    r.leavingDate = '2022-12-10';
    expect(of(r, 'R14')).toHaveLength(1);
    r.leavingDate = '2022-12-11';
    expect(of(r, 'R14')).toEqual([]);
  });
});

describe('R16 支部大会 within a month of 预审', () => {
  it('warns from Y + 1 month + 1 day', () => {
    const r = cleanRecord(); // Y 2022-08-20
    setStep(r, 15, { date: '2022-09-20' });
    expect(of(r, 'R16')).toEqual([]);
    setStep(r, 15, { date: '2022-09-21' });
    expect(of(r, 'R16')).toEqual([expect.objectContaining({ level: 'warning', dates: expect.objectContaining({ limit: '2022-09-20' }) })]);
    expect(of(r, 'R16', undefined, tableWith('R16', 'off'))).toEqual([]);
  });
});

describe('R20 上级党委 talk between Z and P', () => {
  it('accepts the talk on Z or on P, not outside', () => {
    const r = cleanRecord(); // Z 2022-09-10, P 2022-10-15
    for (const ok of ['2022-09-10', '2022-10-15']) {
      setStep(r, 16, { date: ok });
      expect(of(r, 'R20')).toEqual([]);
    }
    setStep(r, 16, { date: '2022-09-09' });
    expect(of(r, 'R20')).toEqual([expect.objectContaining({ step: 16 })]);
    setStep(r, 16, { date: '2022-10-16' });
    expect(of(r, 'R20')).toHaveLength(1);
  });

  it('requires the talk before approval', () => {
    const r = cleanRecord();
    delete r.steps[16];
    expect(of(r, 'R20')[0]?.message).toContain('未记录派人谈话');
  });
});

describe('R21 approval within 3 months, never past 6', () => {
  it('passes at exactly 3 months, warns from the next day, errors past 6 months', () => {
    const r = cleanRecord(); // Z 2022-09-10
    setStep(r, 17, { date: '2022-12-10' });
    expect(of(r, 'R21')).toEqual([]);
    setStep(r, 17, { date: '2022-12-11' });
    expect(of(r, 'R21')).toEqual([expect.objectContaining({ level: 'warning', step: 17 })]);
    setStep(r, 17, { date: '2023-03-10' });
    expect(of(r, 'R21')).toEqual([expect.objectContaining({ level: 'warning' })]);
    setStep(r, 17, { date: '2023-03-11' });
    expect(of(r, 'R21')).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  it('reports a pending approval as it ages', () => {
    const r = recordUpTo(16);
    expect(of(r, 'R21', '2022-12-10')).toEqual([]);
    expect(of(r, 'R21', '2022-12-11')).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(of(r, 'R21', '2023-03-11')).toEqual([expect.objectContaining({ level: 'error' })]);
  });

  it('never raises past the level in the table, and follows its months', () => {
    const r = setStep(cleanRecord(), 17, { date: '2023-04-01' });
    expect(of(r, 'R21', undefined, tableWith('R21', 'warning'))).toEqual([expect.objectContaining({ level: 'warning' })]);
    setStep(r, 17, { date: '2022-11-15' });
    expect(of(r, 'R21', undefined, tableWith('R21', undefined, { warnMonths: 2 }))).toHaveLength(1);
  });
});
