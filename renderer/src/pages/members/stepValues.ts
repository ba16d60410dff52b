/**
 * The step form's values, and what they mean to the rules. The form previews every part of the step (date,
 * people, counts, training), not only the date: a second 入党介绍人 missing is as much a fault as a date.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { MethodInput } from '../../../../core/api/contract';
import type { MemberRecord, StepEntry } from '../../../../core/members/record';
import { RULE_DEFS, type RuleId, type RuleTable } from '../../../../core/members/rule-table';
import { futureDateText } from '../../../../core/members/rules-entry';
import { checkRecord, type Violation } from '../../../../core/members/rules';
import { stepDef, type StepNo } from '../../../../core/members/steps';
import type { StepView } from './types';

export interface PersonValues {
  name?: string;
  title?: string | null;
  phone?: string | null;
  isFullMember?: boolean;
}

export interface MeetingValues {
  expected?: number | null;
  present?: number | null;
  for?: number | null;
  against?: number | null;
  abstain?: number | null;
}

export interface StepValues {
  date?: Dayjs | null;
  people?: PersonValues[];
  meeting?: MeetingValues;
  publicity?: [Dayjs | null, Dayjs | null] | null;
  trainingDays?: number | null;
  trainingHours?: number | null;
  note?: string | null;
  overrideReason?: string | null;
}

const iso = (d: Dayjs | null | undefined) => (d && d.isValid() ? d.format('YYYY-MM-DD') : undefined);
const num = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : undefined);

export function initialValues(no: StepNo, step: StepView | undefined): StepValues {
  const def = stepDef(no);
  const blankPeople = Array.from({ length: def.people?.min ?? 0 }, () => ({ isFullMember: true }));
  if (!step?.date) return { date: null, people: blankPeople, meeting: {}, publicity: null };
  return {
    date: dayjs(step.date),
    people: step.people.length
      ? step.people.map((p) => ({ name: p.name, title: p.title ?? null, phone: p.phone ?? null, isFullMember: p.isFullMember ?? true }))
      : blankPeople,
    meeting: step.meeting ?? {},
    publicity: step.publicity ? [dayjs(step.publicity.from), dayjs(step.publicity.to)] : null,
    trainingDays: step.training?.days ?? null,
    trainingHours: step.training?.hours ?? null,
    note: step.note,
    overrideReason: step.overrideReason,
  };
}

/** Counts count only once all five are typed; a half-filled row is not yet a meeting. */
export function meetingOf(m: MeetingValues | undefined) {
  const v = [num(m?.expected), num(m?.present), num(m?.for), num(m?.against), num(m?.abstain)];
  if (v.some((n) => n === undefined)) return undefined;
  const [expected, present, forVotes, against, abstain] = v as number[];
  return { expected: expected!, present: present!, for: forVotes!, against: against!, abstain: abstain! };
}

function peopleOf(list: PersonValues[] | undefined) {
  return (list ?? []).filter((p) => p.name?.trim());
}

export function toEntry(v: StepValues): StepEntry {
  const [from, to] = v.publicity ?? [];
  const meeting = meetingOf(v.meeting);
  const days = num(v.trainingDays);
  const hours = num(v.trainingHours);
  return {
    date: iso(v.date),
    people: peopleOf(v.people).map((p) => ({ name: p.name!.trim(), isFullMember: p.isFullMember !== false })),
    ...(meeting ? { meeting } : {}),
    ...(iso(from) && iso(to) ? { publicity: { from: iso(from)!, to: iso(to)! } } : {}),
    ...(days !== undefined || hours !== undefined ? { training: { days, hours } } : {}),
    reason: v.overrideReason?.trim() || undefined,
  };
}

export function toInput(recordId: number, no: StepNo, v: StepValues): MethodInput<'members.recordStep'> {
  const [from, to] = v.publicity ?? [];
  const days = num(v.trainingDays);
  const hours = num(v.trainingHours);
  const people = peopleOf(v.people);
  return {
    recordId,
    stepNo: no,
    date: iso(v.date)!,
    people: people.length ? people.map((p) => ({ name: p.name!.trim(), title: p.title?.trim() || null, phone: p.phone?.trim() || null, isFullMember: p.isFullMember !== false })) : null,
    meeting: meetingOf(v.meeting) ?? null,
    publicity: iso(from) && iso(to) ? { from: iso(from)!, to: iso(to)! } : null,
    training: days !== undefined || hours !== undefined ? { days: days ?? null, hours: hours ?? null } : null,
    note: v.note?.trim() || null,
    overrideReason: v.overrideReason?.trim() || null,
  };
}

function key(v: Violation): string {
  return `${v.ruleId}|${v.step ?? ''}|${v.field ?? ''}|${v.message}`;
}

/**
 * What saving these values would add: the same before/after comparison the service makes (core/members/service.ts
 * assertAllowed), so the form warns about exactly what the save would be refused for.
 */
export function previewViolations(record: MemberRecord, no: StepNo, entry: StepEntry, table: RuleTable, today: string): Violation[] {
  if (!entry.date) return [];
  const without: MemberRecord = { ...record, steps: { ...record.steps, [no]: undefined } };
  const before = new Set(checkRecord(without, table, today).map(key));
  const after: MemberRecord = { ...record, steps: { ...record.steps, [no]: entry } };
  return checkRecord(after, table, today).filter((v) => !before.has(key(v)));
}

export type FieldGroup = 'date' | 'people' | 'meeting' | 'training' | 'publicity' | 'general';

/** Where under the form a violation belongs; anything not tied to one field goes to the top of the form. */
export function fieldGroup(v: { field?: string; step?: number }, no: number): FieldGroup {
  if (v.step !== undefined && v.step !== no) return 'general';
  const f = v.field ?? 'date';
  if (f === 'date') return 'date';
  if (f === 'people') return 'people';
  if (f.startsWith('meeting')) return 'meeting';
  if (f === 'training') return 'training';
  if (f === 'publicity') return 'publicity';
  return 'general';
}

interface Judged {
  level: string;
  ruleId: string;
  step?: number;
  hard?: boolean;
}

/** What this form answers for: findings on its own step, and hard ones wherever the typed values put them. */
export function concerns(v: Judged, no: number): boolean {
  return v.step === undefined || v.step === no || v.hard === true;
}

/** Errors a 特殊情况说明 can carry: 细则 time windows on this step. Hard rules (党章, ORD) never. */
export function reasonRules(list: readonly Judged[], no: number): string[] {
  const ids = list.filter((v) => v.level === 'error' && !v.hard && (v.step === undefined || v.step === no)).map((v) => v.ruleId);
  return [...new Set(ids)];
}

export function needsReason(list: readonly Judged[], no: number): boolean {
  return reasonRules(list, no).length > 0;
}

/** The 特殊情况说明 box's own message names the rules it answers for, never a generic "日期不符合规定". */
export function reasonMessage(ids: readonly string[]): string {
  if (ids.length === 0) return '请写明特殊情况后再保存';
  const named = ids.map((id) => `${id}（${RULE_DEFS[id as RuleId]?.description ?? ''}）`).join('；');
  return `不符合${named}，请写明特殊情况后再保存`;
}

/** A form rule refusing dates after the ledger's today: what has not happened yet cannot be recorded. */
export function notFuture(label: string, today: string) {
  return {
    validator: (_: unknown, value: Dayjs | null | undefined) => {
      const d = iso(value);
      return d && d > today ? Promise.reject(new Error(futureDateText(label, d, today))) : Promise.resolve();
    },
  };
}
