import { describe, expect, it } from 'vitest';
import { derived } from '../../../core/members/derived';
import { DEFAULT_RULE_TABLE } from '../../../core/members/rule-table';
import { checkStepDate } from '../../../core/members/rules';
import { STAGES, STEPS, STEP_OF_KEY } from '../../../core/members/steps';
import { cleanRecord, recordUpTo, setStep } from './helpers';

describe('steps as data', () => {
  it('has 25 steps in 5 stages, each step in the stage that lists it', () => {
    expect(STEPS.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(STAGES.flatMap((st) => st.steps)).toEqual(STEPS.map((s) => s.no));
    for (const st of STAGES) for (const no of st.steps) expect(STEPS[no - 1]?.stage).toBe(st.no);
  });

  it('places the rule dates, people and meetings on the right steps', () => {
    expect(STEP_OF_KEY).toMatchObject({ A: 1, T: 2, J: 3, F: 7, E: 10, C: 11, Y: 13, V: 14, Z: 15, U: 16, P: 17, S: 20, Q: 23, R: 24 });
    expect(STEPS[4]?.people).toMatchObject({ role: '培养联系人', min: 1, max: 2 });
    expect(STEPS[8]?.people).toMatchObject({ role: '入党介绍人', min: 2, max: 2 });
    expect(STEPS.filter((s) => s.meeting?.body === '支部大会').map((s) => s.no)).toEqual([15, 23]);
    expect(STEPS.filter((s) => s.meeting?.body === '支部委员会').map((s) => s.no)).toEqual([3, 7, 12]);
  });
});

describe('derived values', () => {
  it('computes the 预备期 end and the 党龄 start from Z (R23, R28)', () => {
    expect(derived(cleanRecord())).toMatchObject({ probationEnd: '2023-09-09', partyAgeStart: '2023-09-10' });
    const extended = cleanRecord();
    extended.exits = { extension: { months: 6 } };
    expect(derived(extended)).toMatchObject({ probationEnd: '2024-03-09', partyAgeStart: '2024-03-10' });
    expect(derived(recordUpTo(14)).probationEnd).toBeUndefined();
  });

  it('derives the stage and status from what is recorded', () => {
    expect(derived({ person: {}, steps: {} })).toMatchObject({ currentStage: null, status: '未开始', nextStep: { no: 1 } });
    expect(derived(recordUpTo(1))).toMatchObject({ currentStage: 1, status: '入党申请人' });
    expect(derived(recordUpTo(5))).toMatchObject({ currentStage: 2, status: '入党积极分子', nextStep: { no: 7, name: '确定发展对象' } });
    expect(derived(recordUpTo(11))).toMatchObject({ currentStage: 3, status: '发展对象' });
    expect(derived(recordUpTo(15))).toMatchObject({ currentStage: 4, status: '发展对象' });
    expect(derived(recordUpTo(17))).toMatchObject({ currentStage: 4, status: '预备党员' });
    expect(derived(cleanRecord())).toMatchObject({ currentStage: 5, status: '正式党员', nextStep: null, missingSteps: [] });
  });

  it('hints the next step with its time window', () => {
    expect(derived(recordUpTo(1)).nextStep).toEqual({ no: 2, name: '党组织派人谈话', latest: '2021-04-01' });
    expect(derived(recordUpTo(6)).nextStep).toMatchObject({ no: 7, earliest: '2022-06-01' });
    expect(derived(recordUpTo(16)).nextStep).toMatchObject({ no: 17, latest: '2022-12-10' });
    expect(derived(recordUpTo(20)).nextStep).toMatchObject({ no: 22 });
    expect(derived(recordUpTo(22)).nextStep).toMatchObject({ no: 23, earliest: '2023-09-10' });
  });

  it('lists skipped steps and stops hinting once the person has left', () => {
    const r = recordUpTo(9);
    delete r.steps[4];
    expect(derived(r).missingSteps).toEqual([4]);
    r.exits = { terminated: { date: '2022-07-01', reason: '本人要求' } };
    expect(derived(r)).toMatchObject({ status: '已终止培养', nextStep: null });
  });
});

describe('checkStepDate: the violations one typed date would cause', () => {
  it('reports a late 谈话 as the clerk types it', () => {
    const r = setStep(recordUpTo(1), 1, { date: '2024-01-10' });
    expect(checkStepDate(r, 2, '2024-03-05', DEFAULT_RULE_TABLE)).toEqual([
      expect.objectContaining({ ruleId: 'R02', message: '谈话日期 2024-03-05 晚于申请日期 2024-01-10 后一个月（最迟 2024-02-10）' }),
    ]);
    expect(checkStepDate(r, 2, '2024-02-10', DEFAULT_RULE_TABLE)).toEqual([]);
  });

  it('does not blame the typed date for problems the record has anyway', () => {
    const r = setStep(recordUpTo(1), 1, { date: '2024-01-10' });
    r.person.birthDate = '2010-01-01'; // R01 fails regardless of the 谈话 date
    expect(checkStepDate(r, 2, '2024-01-20', DEFAULT_RULE_TABLE)).toEqual([]);
  });

  it('checks a 政审 结论 date against the 函调 letters', () => {
    const r = cleanRecord(); // letter 2022-07-01
    expect(checkStepDate(r, 10, '2022-06-30', DEFAULT_RULE_TABLE).map((v) => v.ruleId)).toContain('R11');
    expect(r.politicalReview?.conclusion?.date).toBe('2022-07-20');
  });

  it('ignores a half-typed date and leaves the record untouched', () => {
    const r = recordUpTo(1);
    const before = structuredClone(r);
    expect(checkStepDate(r, 2, '2024-03', DEFAULT_RULE_TABLE)).toEqual([]);
    checkStepDate(r, 2, '2024-03-05', DEFAULT_RULE_TABLE);
    expect(r).toEqual(before);
  });
});
