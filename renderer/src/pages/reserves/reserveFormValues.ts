/** The 后备人才 form's values and their conversion to and from the contract's shapes. */
import dayjs, { type Dayjs } from 'dayjs';
import type { MethodInput } from '../../../../core/api/contract';
import type { NOMINATION_METHODS, PoliticalStatus } from '../../../../core/reserves/codes';
import { iso } from './labels';
import type { ReserveDetail } from './types';

export interface ReserveFormValues {
  personId: number | null;
  unitId: number | null;
  postDirection: string | null;
  source: string | null;
  crossVillage: boolean;
  nominationMethod: (typeof NOMINATION_METHODS)[number] | null;
  nominatedBy?: string | null;
  nominatedOn: Dayjs | null;
  villageReviewOn: Dayjs | null;
  townReviewOn: Dayjs | null;
  filedOn: Dayjs | null;
  mentorName?: string | null;
  mentorPost?: string | null;
  politicalStatus: PoliticalStatus | null;
  underDiscipline: boolean;
  unqualifiedYear: number | null;
  note?: string | null;
}

/** Every field the server may name in an error. */
export const FORM_FIELDS = [
  'personId',
  'unitId',
  'postDirection',
  'source',
  'crossVillage',
  'nominationMethod',
  'nominatedBy',
  'nominatedOn',
  'villageReviewOn',
  'townReviewOn',
  'filedOn',
  'mentorName',
  'mentorPost',
  'politicalStatus',
  'underDiscipline',
  'unqualifiedYear',
  'note',
] as const satisfies readonly (keyof ReserveFormValues)[];

export const CHAIN_DATES = [
  ['nominatedOn', '推荐日期'],
  ['villageReviewOn', '村党组织考察初审日期'],
  ['townReviewOn', '乡镇党委复审（入库）日期'],
  ['filedOn', '区县组织部备案日期'],
] as const;

export function emptyValues(today: string): ReserveFormValues {
  return {
    personId: null,
    unitId: null,
    postDirection: null,
    source: null,
    crossVillage: false,
    nominationMethod: '组织推荐',
    nominatedOn: dayjs(today),
    villageReviewOn: null,
    townReviewOn: null,
    filedOn: null,
    politicalStatus: null,
    underDiscipline: false,
    unqualifiedYear: null,
  };
}

const day = (v: string | null | undefined) => (v ? dayjs(v) : null);

export function valuesOf(d: ReserveDetail): ReserveFormValues {
  const f = d.facts;
  return {
    personId: f.personId,
    unitId: f.unitId,
    postDirection: f.postDirection,
    source: f.source,
    crossVillage: f.crossVillage ?? false,
    nominationMethod: f.nominationMethod,
    nominatedBy: f.nominatedBy,
    nominatedOn: day(f.nominatedOn),
    villageReviewOn: day(f.villageReviewOn),
    townReviewOn: day(f.townReviewOn),
    filedOn: day(f.filedOn),
    mentorName: f.mentorName,
    mentorPost: f.mentorPost,
    politicalStatus: f.politicalStatus ?? null,
    underDiscipline: f.underDiscipline ?? false,
    unqualifiedYear: f.unqualifiedYear ?? null,
    note: f.note,
  };
}

const text = (v: string | null | undefined) => v?.trim() || null;

/** The fields both reserves.create and reserves.update take. */
export function toFacts(v: ReserveFormValues): Omit<MethodInput<'reserves.create'>, 'personId'> {
  return {
    unitId: v.unitId!,
    postDirection: v.postDirection!,
    source: v.source!,
    crossVillage: v.crossVillage,
    nominationMethod: v.nominationMethod!,
    nominatedBy: text(v.nominatedBy),
    nominatedOn: iso(v.nominatedOn)!,
    villageReviewOn: iso(v.villageReviewOn),
    townReviewOn: iso(v.townReviewOn),
    filedOn: iso(v.filedOn),
    mentorName: text(v.mentorName),
    mentorPost: text(v.mentorPost),
    politicalStatus: v.politicalStatus,
    underDiscipline: v.underDiscipline,
    unqualifiedYear: v.unqualifiedYear,
    note: text(v.note),
  };
}
