import { describe, expect, it } from 'vitest';
import { admissionIndicators, ageBand } from '../../../core/members/indicators';
import type { MemberRecord, PersonFacts } from '../../../core/members/record';

/** Approved (P, 节点17) on `p`: the date the 党内统计 counts by. */
const admitted = (p: string, person: PersonFacts): MemberRecord => ({ person, steps: { 17: { date: p } } });
const YEAR = { from: '2024-01-01', to: '2024-12-31' };

describe('35岁及以下 share of newly admitted members', () => {
  it('counts age 35 at P and not 36', () => {
    const result = admissionIndicators(
      [
        admitted('2024-06-01', { birthDate: '1988-06-02' }), // 35 at P, a day short of 36
        admitted('2024-06-01', { birthDate: '1988-06-01' }), // 36 on P
      ],
      YEAR,
    );
    expect(result.youth).toMatchObject({ count: 1, share: 0.5, target: 0.8, met: false });
  });

  it('judges the target at 80% inclusive', () => {
    const young = (z: string) => admitted(z, { birthDate: '2000-01-01' });
    const records = [young('2024-02-01'), young('2024-03-01'), young('2024-04-01'), young('2024-05-01'), admitted('2024-06-01', { birthDate: '1970-01-01' })];
    expect(admissionIndicators(records, YEAR).youth).toMatchObject({ count: 4, share: 0.8, met: true });
    expect(admissionIndicators(records, YEAR, { youthTarget: 0.9 }).youth.met).toBe(false);
  });

  it('counts only P inside the period, both ends included', () => {
    const p = { birthDate: '2000-01-01' };
    const records = [admitted('2023-12-31', p), admitted('2024-01-01', p), admitted('2024-12-31', p), admitted('2025-01-01', p), { person: p, steps: {} }];
    expect(admissionIndicators(records, YEAR).total).toBe(2);
  });

  it('reports nothing as a share when nobody was admitted', () => {
    expect(admissionIndicators([], YEAR).youth).toMatchObject({ count: 0, share: null, met: null });
  });
});

describe('structure shares', () => {
  const records = [
    admitted('2024-03-01', { gender: '女', ethnicity: '04', education: '21', occupation: '农牧渔民', birthDate: '1999-01-01' }),
    admitted('2024-03-01', { gender: '男', ethnicity: '01', education: '31', occupation: '工人（工勤技能人员）', birthDate: '1990-01-01' }),
    admitted('2024-03-01', { gender: '男', ethnicity: '30', education: '41', occupation: '学生', birthDate: '2003-01-01', isLeagueMember: true, hasLeagueRecommendation: true }),
    admitted('2024-03-01', { gender: '女', education: '11', occupation: '企事业单位、社会组织管理人员', frontLine: true }),
  ];

  it('computes 女, 少数民族, 大专及以上, 农牧渔民, 生产工作一线 and 团员', () => {
    const r = admissionIndicators(records, YEAR);
    expect(r.total).toBe(4);
    expect(r.female).toEqual({ count: 2, share: 0.5 });
    expect(r.minority).toEqual({ count: 2, share: 0.5 }); // 藏族, 土族; a missing 民族 is not counted
    expect(r.collegeOrAbove).toEqual({ count: 3, share: 0.75 }); // 本科, 专科, 博士; 中专 is not
    expect(r.farmers).toEqual({ count: 1, share: 0.25 });
    expect(r.frontLine).toEqual({ count: 3, share: 0.75 }); // 农牧渔民, 工人, and the explicit flag
    expect(r.leagueMembers.count).toBe(1);
    expect(r.leagueRecommended.count).toBe(1);
  });

  it('takes the 一线 occupation list as a setting', () => {
    expect(admissionIndicators(records, YEAR, { frontLineOccupations: ['学生'] }).frontLine.count).toBe(2);
  });

  it('spreads ages over the report bands and counts unknown ages apart', () => {
    const r = admissionIndicators(records, YEAR);
    expect(r.ageBands).toEqual({ '25岁及以下': 2, '26至30岁': 0, '31至35岁': 1, '36至40岁': 0, '41至59岁': 0, '60岁及以上': 0 });
    expect(r.unknownAge).toBe(1);
  });
});

describe('age bands', () => {
  it('puts each boundary age in its band', () => {
    expect([25, 26, 30, 31, 35, 36, 40, 41, 59, 60].map(ageBand)).toEqual([
      '25岁及以下',
      '26至30岁',
      '26至30岁',
      '31至35岁',
      '31至35岁',
      '36至40岁',
      '36至40岁',
      '41至59岁',
      '41至59岁',
      '60岁及以上',
    ]);
  });
});

describe('counting date', () => {
  it('counts the approval (节点17), not the 支部大会 vote (节点15)', () => {
    const p = { birthDate: '2000-01-01' };
    const records: MemberRecord[] = [
      { person: p, steps: { 15: { date: '2023-12-20' }, 17: { date: '2024-01-05' } } }, // voted before, approved inside
      { person: p, steps: { 15: { date: '2024-12-20' }, 17: { date: '2025-01-05' } } }, // voted inside, approved after
      { person: p, steps: { 15: { date: '2024-06-01' } } }, // voted, not yet approved
    ];
    expect(admissionIndicators(records, YEAR).total).toBe(1);
  });

  it('takes the age at approval', () => {
    // 35 at the vote, 36 by the approval.
    const r = admissionIndicators([{ person: { birthDate: '1988-03-01' }, steps: { 15: { date: '2024-02-20' }, 17: { date: '2024-03-05' } } }], YEAR);
    expect(r.youth.count).toBe(0);
    expect(r.ageBands['36至40岁']).toBe(1);
  });
});
