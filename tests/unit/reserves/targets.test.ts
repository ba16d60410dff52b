import { describe, expect, it } from 'vitest';
import { bottomShareCount } from '../../../core/reserves/assessments';
import { DEFAULT_RESERVE_CONFIG } from '../../../core/reserves/config-schema';
import { ageOn, eligibilityWarnings } from '../../../core/reserves/eligibility';
import { ageBandBounds } from '../../../core/reserves/sql';
import { percentOf, townshipGap, villageGap } from '../../../core/reserves/targets';

const plan = DEFAULT_RESERVE_CONFIG.plan;
const village = (over: Partial<Parameters<typeof villageGap>[0]>) => ({ unitId: 1, unitName: '小寨村', pool: 3, secretaries: 1, women: 1, young: 2, educated: 3, ...over });

describe('plan targets', () => {
  it('meets the default "at least 3, at least 1 书记后备, a woman, half 35 or under"', () => {
    expect(villageGap(village({}), plan)).toMatchObject({ target: 3, actual: 3, gap: 0, secretaryGap: 0, shortfalls: [] });
  });

  it('names each shortfall with its numbers', () => {
    const g = villageGap(village({ pool: 2, secretaries: 0, women: 0, young: 0, educated: 1 }), plan);
    expect(g.gap).toBe(1);
    expect(g.shortfalls).toEqual(['在库 2 人，少于 3 人（差 1 人）', '无书记后备人选', '无女性后备人才', '35岁及以下占 0%，低于 50%', '1 人学历低于高中中技']);
  });

  it('never rounds a share up to the target: 5 of 11 is 45%, below 50%', () => {
    expect(percentOf(5, 11)).toBe(45);
    expect(villageGap(village({ pool: 11, young: 5, educated: 11 }), plan).shortfalls).toEqual(['35岁及以下占 45%，低于 50%']);
  });

  it('the township gap is the sum of village gaps, not target minus actual (a surplus in one village fills no other)', () => {
    const gaps = [villageGap(village({ pool: 7 }), plan), villageGap(village({ unitId: 2, pool: 1 }), plan)];
    expect(townshipGap(gaps)).toMatchObject({ target: 6, actual: 8, gap: 2 });
  });

  it('the bottom 10% of a ranking is at least one person and rounds up', () => {
    expect(bottomShareCount(0, 10)).toBe(0);
    expect(bottomShareCount(9, 10)).toBe(1);
    expect(bottomShareCount(10, 10)).toBe(1);
    expect(bottomShareCount(21, 10)).toBe(3);
  });
});

describe('eligibility warnings', () => {
  it('counts age in whole years, the birthday passed', () => {
    expect(ageOn('1986-03-01', '2026-02-28')).toBe(39);
    expect(ageOn('1986-03-01', '2026-03-01')).toBe(40);
  });

  it('warns over the age ceiling, below 高中, under discipline and for a recent 不合格党员 rating', () => {
    const w = eligibilityWarnings({ birthDate: '1980-01-01', education: '71', underDiscipline: true, unqualifiedYear: 2023 }, DEFAULT_RESERVE_CONFIG.eligibility, '2026-06-01');
    expect(w).toEqual(['年龄 46 岁，超过 40 岁的入库年龄上限', '学历低于高中中技', '不得入库：正在接受纪律审查或处分影响期内', '不得入库：2023 年被评为不合格党员（近 5 年内）']);
    expect(eligibilityWarnings({ birthDate: '1990-01-01', education: '61', underDiscipline: false, unqualifiedYear: 2020 }, DEFAULT_RESERVE_CONFIG.eligibility, '2026-06-01')).toEqual([]);
  });

  it('takes the 45 option', () => {
    const rules = { ...DEFAULT_RESERVE_CONFIG.eligibility, maxAge: 45 as const };
    expect(eligibilityWarnings({ birthDate: '1983-01-01', education: '21', underDiscipline: false, unqualifiedYear: null }, rules, '2026-06-01')).toEqual([]);
  });
});

describe('age bands as birth-date bounds', () => {
  it('puts a 35-year-old in 35岁及以下 and a 36-year-old in 36—40岁 on the period end', () => {
    // On 2026-12-31: born 1991-01-01 is 35, born 1990-12-31 is 36.
    expect(ageBandBounds('age35', '2026-12-31')).toEqual({ after: '1990-12-31', upTo: null });
    expect(ageBandBounds('age40', '2026-12-31')).toEqual({ after: '1985-12-31', upTo: '1990-12-31' });
    expect(ageBandBounds('age46', '2026-12-31')).toEqual({ after: null, upTo: '1980-12-31' });
  });
});
