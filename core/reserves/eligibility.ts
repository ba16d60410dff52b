/** The local 入库 criteria as warnings: they never refuse a record, they tell the clerk what the 党委 should weigh. */
import { educationGroup } from '../people/codes';
import type { ReserveConfig } from './config-schema';
import { meetsEducation } from './targets';

export interface EligibilityFacts {
  birthDate: string;
  education: string | null;
  underDiscipline: boolean;
  unqualifiedYear: number | null;
}

/** Whole years of age on a day ("2026-12-04"), as 组织部 counts them: the birthday must have passed. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function eligibilityWarnings(f: EligibilityFacts, rules: ReserveConfig['eligibility'], on: string): string[] {
  const out: string[] = [];
  const age = ageOn(f.birthDate, on);
  if (age > rules.maxAge) out.push(`年龄 ${age} 岁，超过 ${rules.maxAge} 岁的入库年龄上限`);
  if (!meetsEducation(educationGroup(f.education), rules.minEducationGroup)) {
    out.push(f.education ? `学历低于${rules.minEducationGroup}` : `未填学历（要求${rules.minEducationGroup}及以上）`);
  }
  if (f.underDiscipline) out.push('不得入库：正在接受纪律审查或处分影响期内');
  const year = Number(on.slice(0, 4));
  if (f.unqualifiedYear !== null && year - f.unqualifiedYear < rules.unqualifiedYears) {
    out.push(`不得入库：${f.unqualifiedYear} 年被评为不合格党员（近 ${rules.unqualifiedYears} 年内）`);
  }
  return out;
}
