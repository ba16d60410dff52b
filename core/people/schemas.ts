import { z } from 'zod';
import { cleanText, id, isoDate, optionalText, pageOf, pageQuery, requiredText } from '../schema/common';
import { ETHNICITIES, EDUCATIONS, GENDERS, OCCUPATIONS } from './codes';

const ethnicityCodes = ETHNICITIES.map((e) => e.code) as [string, ...string[]];
const educationCodes = EDUCATIONS.map((e) => e.code) as [string, ...string[]];

export const personInput = z.object({
  name: requiredText('姓名', 30),
  /** Omitted gender and birth date are derived from the 公民身份号码. */
  gender: z.enum(GENDERS).nullish(),
  birthDate: isoDate.nullish(),
  idNumber: cleanText().min(1, '请填写公民身份号码').max(40),
  ethnicity: z.enum(ethnicityCodes, '请选择民族'),
  education: z.enum(educationCodes).nullish(),
  occupation: z.enum(OCCUPATIONS).nullish(),
  jobPost: optionalText(30),
  unitId: id.nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^[\d\-+ ]*$/, '联系电话只能包含数字和“-”')
    .max(30)
    .nullish(),
  hukou: optionalText(100),
  note: optionalText(500),
});
export type PersonInput = z.input<typeof personInput>;

export const person = z.object({
  id,
  name: z.string(),
  gender: z.string(),
  ethnicity: z.string(),
  birthDate: z.string(),
  idNumber: z.string(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  jobPost: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  phone: z.string().nullable(),
  hukou: z.string().nullable(),
  note: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Entered values that disagree with the 公民身份号码. */
  idMismatch: z.array(z.enum(['birthDate', 'gender'])),
});
export type Person = z.infer<typeof person>;

export const personUpdate = personInput.extend({ id });

export const peopleSortFields = ['name', 'birthDate', 'unitName', 'createdAt', 'updatedAt'] as const;

export const peopleQuery = z.object({
  q: cleanText().max(40).nullish(),
  unitId: id.nullish(),
  gender: z.enum(GENDERS).nullish(),
  ethnicity: z.string().nullish(),
  education: z.string().nullish(),
  occupation: z.string().nullish(),
  deleted: z.boolean().default(false),
  sortField: z.enum(peopleSortFields).nullish(),
  ...pageQuery,
});

/** List rows carry the masked number only: the full one is fetched per person when needed. */
export const personRow = person.omit({ idNumber: true }).extend({ idNumberMasked: z.string() });
export const peoplePage = pageOf(personRow);
