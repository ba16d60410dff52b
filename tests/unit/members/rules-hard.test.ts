/** Which findings no 特殊情况说明 can carry, and the wording of the order errors. */
import { describe, expect, it } from 'vitest';
import { HARD_RULES } from '../../../core/members/rule-table';
import { futureDateProblems } from '../../../core/members/rules-entry';
import { reasonMessage, reasonRules } from '../../../renderer/src/pages/members/stepValues';
import { check, cleanRecord, of, recordUpTo, setStep } from './helpers';

const full = (name: string) => ({ name, isFullMember: true });

describe('hard rules', () => {
  it('are the 党章 conditions and ORD, nothing else', () => {
    expect([...HARD_RULES].sort()).toEqual(['ORD', 'R01', 'R10', 'R11', 'R17', 'R18']);
  });

  it('mark R01, R10, R11, R17, R18 and an out-of-order date as hard', () => {
    const r = cleanRecord();
    r.person.birthDate = '2004-01-01'; // 17 at A 2021-03-01
    setStep(r, 9, { people: [full('赵强')] });
    setStep(r, 15, { meeting: { expected: 20, present: 10, for: 10, against: 0, abstain: 0 } });
    setStep(r, 4, { date: '2021-05-01' }); // 备案 before J 2021-06-01
    r.politicalReview!.conclusion!.result = '不合格';
    const hard = check(r).filter((v) => v.hard).map((v) => v.ruleId);
    expect(new Set(hard)).toEqual(new Set(['R01', 'R10', 'R11', 'R17', 'R18', 'ORD']));
  });

  it('leave the 细则 time windows with the reason path', () => {
    const r = setStep(cleanRecord(), 2, { date: '2021-04-15' }); // R02: more than a month after A
    setStep(r, 7, { date: '2022-05-01' }); // R09: less than a year after J
    const found = check(r).filter((v) => v.ruleId === 'R02' || v.ruleId === 'R09');
    expect(found.map((v) => v.ruleId).sort()).toEqual(['R02', 'R09']);
    expect(found.every((v) => !v.hard)).toBe(true);
  });

  it('keep a skipped step (an incomplete file, not two dates out of order) on the reason path', () => {
    const r = cleanRecord();
    delete r.steps[2];
    const skipped = of(r, 'ORD').find((v) => v.message.includes('缺少'));
    expect(skipped).toBeDefined();
    expect(skipped?.hard).toBeUndefined();
  });

  it('name both dates of an order error, each in brackets', () => {
    const r = recordUpTo(2);
    setStep(r, 1, { date: '2021-03-05' });
    setStep(r, 2, { date: '2021-03-01' });
    expect(of(r, 'ORD')).toEqual([
      expect.objectContaining({ step: 2, hard: true, message: '谈话日期（2021-03-01）早于递交入党申请书日期（2021-03-05）' }),
    ]);
    const pair = setStep(cleanRecord(), 4, { date: '2021-05-31' });
    expect(of(pair, 'ORD')[0]?.message).toBe('上级党委备案日期（2021-05-31）早于推荐和确定入党积极分子日期（2021-06-01）');
  });

  it('say a birth date after the application is a typing error, not an age', () => {
    const r = recordUpTo(1);
    r.person.birthDate = '2021-05-01';
    expect(of(r, 'R01')[0]?.message).toBe('申请日期 2021-03-01 早于出生日期 2021-05-01，请核对出生日期或申请日期');
  });
});

describe('the 特殊情况说明 box', () => {
  it('names the rule it answers for, never a generic date message', () => {
    const r = setStep(recordUpTo(5), 5, { people: [full('李明'), full('张华'), full('王五')] });
    const r06 = of(r, 'R06');
    expect(reasonRules(r06, 5)).toEqual(['R06']);
    const text = reasonMessage(reasonRules(r06, 5));
    expect(text).toContain('R06');
    expect(text).toContain('培养联系人');
    expect(text).not.toContain('日期不符合规定');
  });

  it('is never asked for a hard finding', () => {
    const r = recordUpTo(9);
    setStep(r, 9, { people: [full('赵强')] });
    expect(reasonRules(of(r, 'R10'), 9)).toEqual([]);
  });
});

describe('future dates', () => {
  it('are refused for events that have happened, each at its field', () => {
    const problems = futureDateProblems(
      [
        { field: 'date', label: '谈话日期', date: '2026-03-02' },
        { field: 'replyDate', label: '回函日期', date: '2026-03-01' },
        { field: 'other', label: '其他', date: null },
      ],
      '2026-03-01',
    );
    expect(problems).toEqual([{ field: 'date', message: '谈话日期（2026-03-02）晚于今天（2026-03-01），尚未发生的事项不能记录' }]);
  });
});
