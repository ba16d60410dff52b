import type { FormInstance } from 'antd';
import type { RuleObject } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import type { Gender, Occupation } from '../../../../core/people/codes';
import { checkIdNumber } from '../../../../core/people/idcard';

export interface PersonFormValues {
  name: string;
  idNumber: string;
  gender?: Gender | null;
  ethnicity: string;
  birthDate?: Dayjs | null;
  education?: string | null;
  occupation?: Occupation | null;
  jobPost?: string | null;
  unitId?: number | null;
  phone?: string | null;
  hukou?: string | null;
  note?: string | null;
}

/** The same GB 11643 check the service runs, so the clerk sees the problem before pressing 保存. */
export const idNumberRule: RuleObject = {
  validator: async (_, value: string | undefined) => {
    if (!value || !value.trim()) throw new Error('请填写公民身份号码');
    const check = checkIdNumber(value);
    if (!check.ok) throw new Error(check.message);
  },
};

/** A disagreement is only a warning: the clerk may be halfway through correcting one or the other. */
export function birthDateMatchesId(form: FormInstance<PersonFormValues>): RuleObject {
  return {
    warningOnly: true,
    validator: async (_, value: Dayjs | null | undefined) => {
      const check = checkIdNumber(form.getFieldValue('idNumber') ?? '');
      if (value && check.ok && value.format('YYYY-MM-DD') !== check.birthDate) {
        throw new Error(`身份证号显示为 ${check.birthDate}`);
      }
    },
  };
}

export function genderMatchesId(form: FormInstance<PersonFormValues>): RuleObject {
  return {
    warningOnly: true,
    validator: async (_, value: string | null | undefined) => {
      const check = checkIdNumber(form.getFieldValue('idNumber') ?? '');
      if (value && check.ok && value !== check.gender) throw new Error(`身份证号显示为${check.gender}性`);
    },
  };
}

export const phoneRule: RuleObject = { pattern: /^[\d\-+ ]*$/, message: '联系电话只能包含数字和“-”' };

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function toPersonInput(v: PersonFormValues) {
  return {
    name: v.name.trim(),
    idNumber: v.idNumber.trim(),
    gender: v.gender ?? null,
    ethnicity: v.ethnicity,
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
    education: v.education ?? null,
    occupation: v.occupation ?? null,
    jobPost: blank(v.jobPost),
    unitId: v.unitId ?? null,
    phone: blank(v.phone),
    hukou: blank(v.hukou),
    note: blank(v.note),
  };
}
