import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_TABLE, mergeTable } from '../../../core/members/rule-table';
import { check, cleanRecord, of, recordUpTo, setStep, tableWith } from './helpers';

const meeting = (expected: number, present: number, votesFor: number, against = 0, abstain = present - votesFor - against) => ({
  expected,
  present,
  for: votesFor,
  against,
  abstain,
});

describe('R17 quorum: present > half of those entitled to vote', () => {
  it('fails at exactly half and passes at half + 1', () => {
    const r = setStep(cleanRecord(), 15, { meeting: meeting(10, 5, 5) });
    expect(of(r, 'R17')).toEqual([expect.objectContaining({ level: 'error', step: 15, field: 'meeting.present' })]);
    setStep(r, 15, { meeting: meeting(10, 6, 6) });
    expect(of(r, 'R17')).toEqual([]);
    setStep(r, 15, { meeting: meeting(9, 5, 5) });
    expect(of(r, 'R17')).toEqual([]);
  });

  it('applies to the 支委会 too, and follows the fraction in the table', () => {
    const r = setStep(cleanRecord(), 3, { meeting: meeting(9, 6, 6) });
    expect(of(r, 'R17')).toEqual([]);
    const twoThirds = tableWith('R17', undefined, { fraction: 2 / 3 });
    expect(of(r, 'R17', undefined, twoThirds)).toEqual([expect.objectContaining({ step: 3 })]);
    setStep(r, 3, { meeting: meeting(9, 7, 7) });
    expect(of(r, 'R17', undefined, twoThirds)).toEqual([]);
  });

  it('requires the counts for a 支部大会, not for a 支委会', () => {
    const r = cleanRecord();
    delete r.steps[15]!.meeting;
    delete r.steps[3]!.meeting;
    expect(of(r, 'R17')).toEqual([expect.objectContaining({ step: 15, field: 'meeting' })]);
  });
});

describe('R18 赞成 > half of those entitled to vote', () => {
  it('fails at exactly half and passes at half + 1', () => {
    const r = setStep(cleanRecord(), 23, { meeting: meeting(20, 18, 10, 5) });
    expect(of(r, 'R18')).toEqual([expect.objectContaining({ step: 23, field: 'meeting.for' })]);
    setStep(r, 23, { meeting: meeting(20, 18, 11, 5) });
    expect(of(r, 'R18')).toEqual([]);
  });
});

describe('R19 one vote per person', () => {
  it('rejects more votes than people present, or more present than entitled', () => {
    const r = setStep(cleanRecord(), 15, { meeting: { expected: 20, present: 18, for: 18, against: 1, abstain: 0 } });
    expect(of(r, 'R19')).toEqual([expect.objectContaining({ level: 'error', step: 15 })]);
    setStep(r, 15, { meeting: { expected: 20, present: 21, for: 21, against: 0, abstain: 0 } });
    expect(of(r, 'R19')[0]?.message).toContain('多于应到');
  });

  it('warns when some people present have no vote recorded, and passes when all do', () => {
    const r = setStep(cleanRecord(), 15, { meeting: { expected: 20, present: 18, for: 16, against: 0, abstain: 0 } });
    expect(of(r, 'R19')).toEqual([expect.objectContaining({ level: 'warning' })]);
    setStep(r, 15, { meeting: { expected: 20, present: 18, for: 16, against: 1, abstain: 1 } });
    expect(of(r, 'R19')).toEqual([]);
  });

  it('rejects negative or fractional counts', () => {
    const r = setStep(cleanRecord(), 15, { meeting: { expected: 20, present: 18.5, for: 18, against: 0, abstain: 0 } });
    expect(of(r, 'R19')[0]?.message).toContain('非负整数');
  });
});

describe('R24 宣誓 after approval', () => {
  it('accepts the oath on the day of approval, not before', () => {
    const r = setStep(cleanRecord(), 20, { date: '2022-10-15' });
    expect(of(r, 'R24')).toEqual([]);
    setStep(r, 20, { date: '2022-10-14' });
    expect(of(r, 'R24')).toEqual([expect.objectContaining({ level: 'error', step: 20, dates: { P: '2022-10-15', S: '2022-10-14' } })]);
  });
});

describe('R25 延长预备期 6‥12 months', () => {
  it('accepts 6 and 12 whole months, nothing outside', () => {
    const r = cleanRecord();
    for (const months of [6, 12]) {
      r.exits = { extension: { months } };
      expect(of(r, 'R25')).toEqual([]);
    }
    for (const months of [5, 13, 6.5]) {
      r.exits = { extension: { months } };
      expect(of(r, 'R25')).toEqual([expect.objectContaining({ level: 'error', field: 'exits.extension.months' })]);
    }
    r.exits = { extension: { months: 13 } };
    expect(of(r, 'R25', undefined, tableWith('R25', undefined, { maxMonths: 18 }))).toEqual([]);
  });
});

describe('R26 转正 meeting not before the 预备期 ends', () => {
  it('passes on Z + 1 year and fails the day before', () => {
    const r = cleanRecord(); // Z 2022-09-10, Q 2023-09-10
    expect(of(r, 'R26')).toEqual([]);
    setStep(r, 23, { date: '2023-09-09' });
    const [v] = of(r, 'R26');
    expect(v).toMatchObject({ level: 'error', step: 23, dates: { earliest: '2023-09-10' } });
    expect(v?.message).toContain('预备期至 2023-09-09');
  });

  it('moves with an extension', () => {
    const r = cleanRecord();
    r.exits = { extension: { months: 6, meetingDate: '2023-09-10' } };
    setStep(r, 23, { date: '2024-03-09' });
    setStep(r, 24, { date: '2024-03-20' });
    expect(of(r, 'R26', '2024-04-01')).toHaveLength(1);
    setStep(r, 23, { date: '2024-03-10' });
    expect(of(r, 'R26', '2024-04-01')).toEqual([]);
  });

  it('takes Feb 28 as the anniversary of a Feb 29 支部大会', () => {
    const r = setStep(recordUpTo(23), 15, { date: '2024-02-29' });
    setStep(r, 23, { date: '2025-02-28' });
    expect(of(r, 'R26', '2025-03-01')).toEqual([]);
    setStep(r, 23, { date: '2025-02-27' });
    expect(of(r, 'R26', '2025-03-01')).toHaveLength(1);
  });
});

describe('R27 转正 approved within 3 months', () => {
  it('passes at Q + 3 months and fails a day later', () => {
    const r = setStep(cleanRecord(), 24, { date: '2023-12-10' }); // Q 2023-09-10
    expect(of(r, 'R27')).toEqual([]);
    setStep(r, 24, { date: '2023-12-11' });
    expect(of(r, 'R27')).toEqual([expect.objectContaining({ level: 'error', step: 24 })]);
  });

  it('reports a pending approval after the window', () => {
    const r = recordUpTo(23);
    expect(of(r, 'R27', '2023-12-10')).toEqual([]);
    expect(of(r, 'R27', '2023-12-11')).toHaveLength(1);
  });
});

describe('R30 公示 length', () => {
  const on = tableWith('R30', 'warning');

  it('is off by default', () => {
    const r = setStep(cleanRecord(), 15, { publicity: { from: '2022-09-01', to: '2022-09-02' } });
    expect(of(r, 'R30')).toEqual([]);
    expect(of(r, 'R30', undefined, on)).toEqual([expect.objectContaining({ level: 'warning', step: 15 })]);
  });

  it('accepts 7 calendar days, or 5 working days Mon–Fri, and nothing shorter', () => {
    const r = setStep(cleanRecord(), 15, { publicity: { from: '2024-03-04', to: '2024-03-08' } }); // Mon–Fri
    expect(of(r, 'R30', undefined, on)).toEqual([]);
    setStep(r, 15, { publicity: { from: '2024-03-06', to: '2024-03-11' } }); // Wed–Mon: 6 days, 4 working
    expect(of(r, 'R30', undefined, on)[0]?.message).toContain('共6天（4个工作日）');
    setStep(r, 15, { publicity: { from: '2024-03-06', to: '2024-03-12' } });
    expect(of(r, 'R30', undefined, on)).toEqual([]);
  });

  it('expects a 公示 only on the configured steps, and follows the lengths in the table', () => {
    const r = cleanRecord();
    delete r.steps[15]!.publicity;
    expect(of(r, 'R30', undefined, on)[0]?.message).toContain('未记录公示期');
    expect(of(r, 'R30', undefined, mergeTable(on, { publicitySteps: [7, 23] }))).toEqual([]);
    const longer = mergeTable(DEFAULT_RULE_TABLE, { rules: { R30: { level: 'warning', thresholds: { calendarDays: 10, workingDays: 8 } } } });
    expect(of(cleanRecord(), 'R30', undefined, longer)).toHaveLength(3);
  });
});

describe('ORD dates in logical order', () => {
  it('reports a date earlier than its predecessor once', () => {
    const r = setStep(cleanRecord(), 2, { date: '2021-02-28' }); // before A 2021-03-01
    expect(of(r, 'ORD')).toEqual([
      expect.objectContaining({ level: 'error', step: 2, message: '谈话日期（2021-02-28）早于递交入党申请书日期（2021-03-01）', hard: true }),
    ]);
  });

  it('accepts equal dates and lets 政审 and 培训 run in parallel', () => {
    const r = setStep(cleanRecord(), 11, { date: '2022-07-25' }); // after the 结论 2022-07-20
    setStep(r, 13, { date: '2022-08-25' });
    setStep(r, 14, { date: '2022-08-25' });
    expect(of(r, 'ORD')).toEqual([]);
  });

  it('compares 预审 with the 政审 结论 date', () => {
    const r = cleanRecord();
    r.politicalReview!.conclusion!.date = '2022-08-21'; // after Y 2022-08-20
    expect(of(r, 'ORD')[0]?.message).toBe('上级党委预审日期（2022-08-20）早于政审结论日期（2022-08-21）');
  });

  it('leaves a pair to the rule that already words it, unless that rule is off', () => {
    const r = setStep(cleanRecord(), 7, { date: '2021-05-01' }); // F before J
    expect(check(r).filter((v) => v.ruleId === 'R09' || v.ruleId === 'ORD').map((v) => v.ruleId)).toEqual(['R09']);
    expect(of(r, 'ORD', undefined, tableWith('R09', 'off'))).toEqual([
      expect.objectContaining({ message: '确定发展对象日期（2021-05-01）早于确定入党积极分子日期（2021-06-01）' }),
    ]);
  });

  it('lists the key dates skipped before the latest one', () => {
    const r = cleanRecord();
    delete r.steps[13];
    delete r.steps[2];
    const skipped = of(r, 'ORD').find((v) => v.message.includes('缺少'));
    expect(skipped?.message).toBe('已记录转正审批日期 2023-10-10，但缺少：谈话日期、上级党委预审日期');
  });

  it('orders the steps without a rule date of their own, and Q before R', () => {
    const r = setStep(cleanRecord(), 8, { date: '2022-06-09' }); // 备案 before F 2022-06-10
    setStep(r, 24, { date: '2023-09-09' }); // R before Q
    const steps = of(r, 'ORD').map((v) => v.step);
    expect(steps).toEqual(expect.arrayContaining([8, 24]));
  });
});

describe('levels from the table', () => {
  it('yields nothing for a rule set to off, however broken the record', () => {
    const r = setStep(cleanRecord(), 2, { date: '2021-02-28' });
    setStep(r, 15, { meeting: meeting(10, 2, 1) });
    expect(check(r).length).toBeGreaterThan(0);
    const allOff = mergeTable(DEFAULT_RULE_TABLE, {
      rules: Object.fromEntries(Object.keys(DEFAULT_RULE_TABLE.rules).map((id) => [id, { level: 'off' as const }])),
    });
    expect(check(r, undefined, allOff)).toEqual([]);
  });

  it('turns errors into warnings when the table says so', () => {
    const r = setStep(cleanRecord(), 20, { date: '2022-10-14' });
    expect(of(r, 'R24', undefined, tableWith('R24', 'warning'))).toEqual([expect.objectContaining({ level: 'warning' })]);
  });

  it('carries the step\'s 特殊情况说明 with the violation', () => {
    const r = setStep(cleanRecord(), 20, { date: '2022-10-14', reason: '审批当日因故提前宣誓，经党委同意' });
    expect(of(r, 'R24')[0]?.explanation).toBe('审批当日因故提前宣誓，经党委同意');
  });
});
