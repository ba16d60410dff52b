/**
 * The plain input a rule check needs. The service assembles it from the database; the form assembles it
 * from what is on screen. Nothing here is stored as such.
 */
import type { Gender } from '../people/codes';
import { isIsoDate } from './dates';
import { STEP_OF_KEY, type DateKey, type StepNo } from './steps';

export interface PersonFacts {
  birthDate?: string;
  gender?: Gender;
  /** GB/T 3304 code, '01' = 汉族. */
  ethnicity?: string;
  /** GB/T 4658 code. */
  education?: string;
  /** One of OCCUPATIONS in core/people/codes.ts. */
  occupation?: string;
  /** An explicit 生产工作一线 flag wins over the occupation list (see indicators.ts). */
  frontLine?: boolean;
  isLeagueMember?: boolean;
  /** 团组织推优 on record. */
  hasLeagueRecommendation?: boolean;
}

export interface StepPerson {
  name: string;
  /** undefined = not known; only an explicit false is reported. */
  isFullMember?: boolean;
}

export interface MeetingCounts {
  expected: number;
  present: number;
  for: number;
  against: number;
  abstain: number;
}

export interface DateRange {
  from: string;
  to: string;
}

export interface StepEntry {
  date?: string;
  people?: StepPerson[];
  meeting?: MeetingCounts;
  publicity?: DateRange;
  training?: { days?: number; hours?: number };
  /** 特殊情况说明: shown with any violation on this step; it does not silence the rule. */
  reason?: string;
}

export type StepEntries = Partial<Record<StepNo, StepEntry>>;

export interface PoliticalReview {
  talk?: { date?: string; talkers?: string[]; summary?: string };
  report?: { date?: string; materials?: string[] };
  examination?: { archiveCheckDate?: string; letters: { date: string; to?: string }[] };
  conclusion?: { result: '合格' | '不合格'; date: string; signer: string };
}

export interface Exits {
  /** 延长预备期. */
  extension?: { months: number; meetingDate?: string; approvalDate?: string };
  /** 取消预备党员资格. */
  cancelled?: { date: string; reason: string };
  /** 终止培养. */
  terminated?: { date: string; reason: string };
}

export interface MemberRecord {
  person: PersonFacts;
  steps: StepEntries;
  politicalReview?: PoliticalReview;
  /** 考察 dates (R07) and 思想汇报 dates (R08). */
  periodic?: { inspections: string[]; thoughtReports: string[] };
  exits?: Exits;
  /** R14: expected to leave the unit within 3 months. */
  leavingWithin3Months?: boolean;
  /** R14 with a known date, checked against the rule table's month limit. */
  leavingDate?: string;
}

function valid(d: string | undefined): string | undefined {
  return isIsoDate(d) ? d : undefined;
}

/**
 * The recorded date of a step. Step 10's date is the 政审 结论 date where one is recorded, because that
 * is the date the order rules mean. Malformed dates read as missing: format errors are the form's job.
 */
export function stepDate(record: MemberRecord, no: StepNo): string | undefined {
  if (no === 10) return valid(record.politicalReview?.conclusion?.date) ?? valid(record.steps[10]?.date);
  return valid(record.steps[no]?.date);
}

export function keyDate(record: MemberRecord, key: DateKey): string | undefined {
  return stepDate(record, STEP_OF_KEY[key]);
}

export function keyDates(record: MemberRecord): Partial<Record<DateKey, string>> {
  const out: Partial<Record<DateKey, string>> = {};
  for (const key of Object.keys(STEP_OF_KEY) as DateKey[]) {
    const d = keyDate(record, key);
    if (d) out[key] = d;
  }
  return out;
}

/** A step counts as recorded once it has a date, people or meeting counts. */
export function stepRecorded(record: MemberRecord, no: StepNo): boolean {
  const e = record.steps[no];
  return stepDate(record, no) !== undefined || (e?.people?.length ?? 0) > 0 || e?.meeting !== undefined;
}

/** The date a person left the process, if they did: later deadlines no longer apply. */
export function exitDate(record: MemberRecord): string | undefined {
  return valid(record.exits?.cancelled?.date) ?? valid(record.exits?.terminated?.date);
}

export function extensionMonths(record: MemberRecord): number {
  const m = record.exits?.extension?.months;
  return typeof m === 'number' && Number.isFinite(m) && m > 0 ? m : 0;
}

/** Clones deeply enough that a what-if edit (checkStepDate) never touches the caller's object. */
export function withStepDate(record: MemberRecord, no: StepNo, date: string): MemberRecord {
  const steps: StepEntries = { ...record.steps, [no]: { ...record.steps[no], date } };
  const conclusion = record.politicalReview?.conclusion;
  if (no === 10 && conclusion) {
    return { ...record, steps, politicalReview: { ...record.politicalReview, conclusion: { ...conclusion, date } } };
  }
  return { ...record, steps };
}

export function withoutStepDate(record: MemberRecord, no: StepNo): MemberRecord {
  const { date: _omit, ...rest } = record.steps[no] ?? {};
  const steps: StepEntries = { ...record.steps, [no]: rest };
  const conclusion = record.politicalReview?.conclusion;
  if (no === 10 && conclusion) {
    const { date: _d, ...undated } = conclusion;
    return { ...record, steps, politicalReview: { ...record.politicalReview, conclusion: undated as typeof conclusion } };
  }
  return { ...record, steps };
}
