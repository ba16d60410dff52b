import { describe, expect, it } from 'vitest';
import { ETHNICITIES, educationGroup, ethnicityName } from '../../core/people/codes';

describe('code lists', () => {
  it('has all 56 民族 of GB/T 3304 with unique codes', () => {
    const standard = ETHNICITIES.filter((e) => Number(e.code) <= 56);
    expect(standard).toHaveLength(56);
    expect(new Set(ETHNICITIES.map((e) => e.code)).size).toBe(ETHNICITIES.length);
    expect(ethnicityName('30')).toBe('土族');
    expect(ethnicityName('35')).toBe('撒拉族');
  });

  it('maps GB/T 4658 education codes onto the six 党内统计 groups', () => {
    expect(educationGroup('11')).toBe('研究生');
    expect(educationGroup('28')).toBe('大学本科');
    expect(educationGroup('31')).toBe('大学专科');
    expect(educationGroup('43')).toBe('中专');
    expect(educationGroup('44')).toBe('高中中技');
    expect(educationGroup('61')).toBe('高中中技');
    expect(educationGroup('71')).toBe('初中及以下');
    expect(educationGroup('90')).toBe('初中及以下');
    expect(educationGroup('40')).toBeNull();
    expect(educationGroup(null)).toBeNull();
  });
});
