/** A fully compliant record to start from: each test changes one thing and looks at one rule. */
import type { MemberRecord, StepEntry } from '../../../core/members/record';
import { DEFAULT_RULE_TABLE, mergeTable, type RuleId, type RuleLevel, type RuleTable } from '../../../core/members/rule-table';
import { checkRecord, type Violation } from '../../../core/members/rules';
import type { StepNo } from '../../../core/members/steps';

export const TODAY = '2024-01-01';

const full = (name: string) => ({ name, isFullMember: true });
const committee = { expected: 5, present: 5, for: 5, against: 0, abstain: 0 };

export function cleanRecord(): MemberRecord {
  return {
    person: {
      birthDate: '1998-05-20',
      gender: '女',
      ethnicity: '04',
      education: '21',
      occupation: '农牧渔民',
      isLeagueMember: true,
      hasLeagueRecommendation: true,
    },
    steps: {
      1: { date: '2021-03-01' },
      2: { date: '2021-03-15', people: [full('王书记')] },
      3: { date: '2021-06-01', meeting: { ...committee } },
      4: { date: '2021-06-05' },
      5: { date: '2021-06-05', people: [full('李明'), full('张华')] },
      7: { date: '2022-06-10', meeting: { ...committee }, publicity: { from: '2022-06-11', to: '2022-06-17' } },
      8: { date: '2022-06-15' },
      9: { date: '2022-06-15', people: [full('赵强'), full('钱芳')] },
      10: { date: '2022-06-20' },
      11: { date: '2022-07-05', training: { days: 3 } },
      12: { date: '2022-08-01', meeting: { ...committee } },
      13: { date: '2022-08-20' },
      14: { date: '2022-08-25' },
      15: {
        date: '2022-09-10',
        meeting: { expected: 20, present: 18, for: 18, against: 0, abstain: 0 },
        publicity: { from: '2022-09-01', to: '2022-09-07' },
      },
      16: { date: '2022-09-20', people: [full('孙委员')] },
      17: { date: '2022-10-15' },
      18: { date: '2022-10-20' },
      19: { date: '2022-10-20' },
      20: { date: '2022-11-01' },
      22: { date: '2023-08-20' },
      23: {
        date: '2023-09-10',
        meeting: { expected: 20, present: 19, for: 19, against: 0, abstain: 0 },
        publicity: { from: '2023-08-25', to: '2023-08-31' },
      },
      24: { date: '2023-10-10' },
      25: { date: '2023-10-20' },
    },
    politicalReview: {
      talk: { date: '2022-06-21', talkers: ['王书记'] },
      report: { date: '2022-06-25' },
      examination: { letters: [{ date: '2022-07-01', to: '某县公安局' }] },
      conclusion: { result: '合格', date: '2022-07-20', signer: '党委书记' },
    },
    periodic: {
      inspections: ['2021-11-20', '2022-05-20'],
      thoughtReports: ['2021-08-15', '2021-11-15', '2022-02-15', '2022-05-15', '2022-08-15'],
    },
  };
}

/** The clean record with every step after `last` removed: a person still in the process. */
export function recordUpTo(last: StepNo): MemberRecord {
  const r = cleanRecord();
  for (const key of Object.keys(r.steps)) {
    if (Number(key) > last) delete r.steps[Number(key) as StepNo];
  }
  if (last < 10) delete r.politicalReview;
  return r;
}

export function setStep(r: MemberRecord, no: StepNo, patch: StepEntry): MemberRecord {
  r.steps[no] = { ...r.steps[no], ...patch };
  return r;
}

export function tableWith(id: RuleId, level?: RuleLevel, thresholds?: Record<string, number>): RuleTable {
  return mergeTable(DEFAULT_RULE_TABLE, { rules: { [id]: { ...(level ? { level } : {}), ...(thresholds ? { thresholds } : {}) } } });
}

export function check(r: MemberRecord, today = TODAY, table = DEFAULT_RULE_TABLE): Violation[] {
  return checkRecord(r, table, today);
}

export function of(r: MemberRecord, id: RuleId, today = TODAY, table = DEFAULT_RULE_TABLE): Violation[] {
  return check(r, today, table).filter((v) => v.ruleId === id);
}
