/**
 * DAT: values that are possible but implausible, so probably mistyped. They warn on the record and in 合规检查 and
 * never refuse a write: a 离退休人员 who applies at 45 exists, but usually the occupation or the birth date is wrong.
 */
import { ageAt } from './dates';
import { valid, type Finding, type RuleCheck } from './rules-context';

export const DAT: RuleCheck = (ctx, th) => {
  const { A } = ctx.d;
  const { person } = ctx.record;
  const birth = valid(person.birthDate);
  if (!A || !birth) return [];
  const out: Finding[] = [];
  if (birth > A) {
    out.push({
      step: 1,
      field: 'person.birthDate',
      message: `出生日期 ${birth} 晚于递交入党申请书日期 ${A}，请核对人员库中的出生日期或申请日期`,
      dates: { A, birthDate: birth },
    });
    return out;
  }
  const minAge = th('retiredAge');
  const age = ageAt(birth, A);
  if (person.occupation === '离退休人员' && age < minAge) {
    out.push({
      step: 1,
      field: 'person.occupation',
      message: `职业为“离退休人员”，但申请时仅${age}周岁（不满${minAge}周岁），请核对职业或出生日期`,
      dates: { A, birthDate: birth },
    });
  }
  return out;
};
