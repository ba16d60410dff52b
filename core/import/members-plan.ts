/**
 * What a 发展党员台账 row would do to the ledger: the file it matches, the steps it adds or changes, and how the pure
 * rules judge the record it would produce (hard conditions and unexplained 细则 windows are 错误; facts the sheet
 * lacks are 未录入 notes).
 */
import { today, type LedgerContext } from '../context';
import { derived } from '../members/derived';
import { loadRecordsOfPerson, parseJson, toMemberRecord, type LoadedRecord, type StepRow, type StoredPerson } from '../members/load';
import { stepRecorded, type MeetingCounts, type MemberRecord, type StepEntries } from '../members/record';
import { ruleTableInForce } from '../members/rule-service';
import { checkRecord, type Violation } from '../members/rules';
import { stepTitle, type StepNo } from '../members/steps';
import { checkIdNumber } from '../people/idcard';
import { personInput, type PersonInput } from '../people/schemas';
import { personLookups } from '../people/service';
import type { FieldProblem, Matched } from './kind';
import { MEETING_STEPS, PEOPLE_COLUMNS, meetingField, stepField } from './members-fields';
import { branchKey, type MemberRow, type RowStep } from './members-read';

export interface StepState {
  row: StepRow | null;
  date: string | null;
  people: StoredPerson[] | null;
  meeting: MeetingCounts | null;
  trainingDays: number | null;
  trainingHours: number | null;
  overrideReason: string | null;
}

export interface Plan extends Matched {
  problems: FieldProblem[];
  notes: FieldProblem[];
  personId: number | null;
  newPerson: PersonInput | null;
  file: LoadedRecord | null;
  branchId: number | null;
  steps: Map<StepNo, StepState>;
  review: { result: '合格' | '不合格' | null; date: string | null } | null;
}

export const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

function fromRow(s: StepRow): StepState {
  return {
    row: s,
    date: s.date,
    people: parseJson<StoredPerson[]>(s.people),
    meeting: parseJson<MeetingCounts>(s.meeting),
    trainingDays: s.trainingDays,
    trainingHours: s.trainingHours,
    overrideReason: s.overrideReason,
  };
}

export const sameStep = (a: StepState, b: StepRow | null) =>
  !!b &&
  a.date === b.date &&
  json(a.people?.length ? a.people : null) === (b.people ?? null) &&
  json(a.meeting) === (b.meeting ?? null) &&
  a.trainingDays === b.trainingDays &&
  a.trainingHours === b.trainingHours &&
  (a.overrideReason ?? null) === (b.overrideReason ?? null);

export function entries(steps: Map<StepNo, StepState>, withUndated: boolean): StepEntries {
  const out: StepEntries = {};
  for (const [no, s] of steps) {
    if (!s.date && !withUndated) continue;
    out[no] = {
      ...(s.date ? { date: s.date } : {}),
      people: s.people?.map((p) => ({ name: p.name, isFullMember: p.isFullMember ?? undefined })),
      meeting: s.meeting ?? undefined,
      training: s.trainingDays !== null || s.trainingHours !== null ? { days: s.trainingDays ?? undefined, hours: s.trainingHours ?? undefined } : undefined,
      reason: s.overrideReason ?? undefined,
    };
  }
  return out;
}

/** Where a finding is shown: its own field's column where the sheet has one, else the step's date column. */
function columnOf(v: Violation, row: MemberRow): string | null {
  const f = v.field ?? 'date';
  const step = v.step;
  const wanted: string[] = [];
  if (f === 'person.birthDate') wanted.push('birthDate');
  if (f === 'person.occupation') wanted.push('occupation');
  if (f.startsWith('politicalReview.conclusion')) wanted.push(...(f.endsWith('.date') ? ['reviewDate', 'reviewResult'] : ['reviewResult', 'reviewDate']));
  if (f.startsWith('meeting') && step) {
    const m = MEETING_STEPS.find((x) => x.step === step);
    if (m) wanted.push(meetingField(m.prefix, f === 'meeting.for' ? 'For' : f === 'meeting.present' ? 'Present' : 'Expected'));
  }
  if (f === 'people' && step) {
    const p = PEOPLE_COLUMNS.find((x) => x.step === step);
    if (p) wanted.push(p.key);
  }
  if (f === 'training') wanted.push('trainingDays', 'trainingHours');
  if (step) wanted.push(stepField(step));
  if (step === 10) wanted.push('reviewDate');
  return wanted.find((k) => row.columns.includes(k)) ?? null;
}

/**
 * A finding that stands only because the sheet lacks a fact: no counts, no people, no 结论, no 考察, no 培训 hours, a
 * missing date in the chain, or a deadline on a step nothing records yet. It is a reminder to complete, never a refusal.
 */
function forLackOfFact(v: Violation, record: MemberRecord): boolean {
  const f = v.field ?? 'date';
  const step = v.step;
  const entry = step ? record.steps[step] : undefined;
  if (f === 'politicalReview.conclusion') return true;
  if (f === 'politicalReview.conclusion.result') return false;
  if (f === 'meeting' && !entry?.meeting) return true;
  if (f === 'people' && (entry?.people?.length ?? 0) === 0) return true;
  if (f.startsWith('periodic.')) return true;
  if (f === 'training' && !entry?.training) return true;
  if (f === 'publicity' && !entry?.publicity) return true;
  if (v.ruleId === 'ORD' && !v.hard) return true;
  if (v.activeFrom !== undefined) return true;
  return step !== undefined && !stepRecorded(record, step);
}

const tagged = (v: Violation) => `【${v.ruleId}】${v.message}`;

/** Findings of one rule on one step said once, however many half-years they span. */
function grouped(list: Violation[], suffix: string, row: MemberRow): FieldProblem[] {
  const groups = new Map<string, Violation[]>();
  for (const v of list) {
    const k = `${v.ruleId}|${v.step ?? ''}`;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  return [...groups.values()].map((g) => ({ key: columnOf(g[0]!, row), message: `${tagged(g[0]!)}${g.length > 1 ? `等${g.length}处` : ''}${suffix}` }));
}

const ENDED = new Set(['已终止培养', '已取消预备党员资格']);

function branchOf(ctx: LedgerContext, name: string, unitId: number | null): { id?: number; problem?: string } {
  const all = ctx.sqlite.prepare('SELECT id, unit_id AS unitId, name FROM branches WHERE retired_at IS NULL').all() as { id: number; unitId: number; name: string }[];
  const key = branchKey(name);
  const hits = all.filter((b) => branchKey(b.name) === key);
  const own = unitId === null ? hits : hits.filter((b) => b.unitId === unitId);
  const pick = own.length ? own : hits;
  if (pick.length === 1) return { id: pick[0]!.id };
  if (pick.length === 0) return { problem: `党支部“${name}”不在本乡镇的党支部中，请先在组织设置中新增，或改为已有的名称` };
  return { problem: `本乡镇有${pick.length}个名为“${name}”的党支部，请同时填写所在村（社区）以区分` };
}

/** Everything a row would do, judged against the ledger: match() shows it, write() does it. */
export function plan(ctx: LedgerContext, v: MemberRow): Plan {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const out: Plan = { status: '新增', problems, notes, personId: null, newPerson: null, file: null, branchId: null, steps: new Map(), review: null };
  const now = today(ctx);
  const found = personLookups(ctx).byIdNumber(v.idNumber);
  if (found?.deletedAt) {
    problems.push({ key: 'idNumber', message: `该身份证号已登记为“${found.name}”（已从人员库删除），请先在人员库“已删除”中恢复该人员` });
    return out;
  }
  let facts: MemberRecord['person'];
  let unitId = v.unitId;
  if (found) {
    out.personId = found.id;
    if (found.name !== v.name) notes.push({ key: 'name', message: `人员库中该身份证号登记为“${found.name}”，按人员库中的人员导入` });
    const p = ctx.sqlite.prepare('SELECT birth_date AS birthDate, gender, ethnicity, education, occupation, unit_id AS unitId FROM people WHERE id = ?').get(found.id) as { birthDate: string; gender: '男' | '女'; ethnicity: string; education: string | null; occupation: string | null; unitId: number | null };
    facts = { birthDate: p.birthDate, gender: p.gender, ethnicity: p.ethnicity, education: p.education ?? undefined, occupation: p.occupation ?? undefined };
    unitId ??= p.unitId;
  } else {
    if (!v.ethnicity) problems.push({ key: 'ethnicity', message: '人员库中没有此人，新建人员须填写民族' });
    const input: PersonInput = { name: v.name, idNumber: v.idNumber, gender: v.gender, birthDate: v.birthDate, ethnicity: v.ethnicity ?? '', education: v.education, occupation: v.occupation as PersonInput['occupation'], unitId: v.unitId };
    const parsed = personInput.safeParse(input);
    if (v.ethnicity && !parsed.success) for (const issue of parsed.error.issues) problems.push({ key: String(issue.path[0] ?? ''), message: issue.message });
    const check = checkIdNumber(v.idNumber, now);
    out.newPerson = input;
    facts = { birthDate: v.birthDate ?? (check.ok ? check.birthDate : undefined), gender: v.gender ?? (check.ok ? check.gender : undefined), ethnicity: v.ethnicity ?? undefined, education: v.education ?? undefined, occupation: v.occupation ?? undefined };
  }
  if (v.branch) {
    const b = branchOf(ctx, v.branch, unitId);
    if (b.problem) problems.push({ key: 'branch', message: b.problem });
    out.branchId = b.id ?? null;
  }

  // The file: the one with this application date, else the one in progress; none means a new file.
  const files = out.personId ? loadRecordsOfPerson(ctx, out.personId) : [];
  const a = v.steps[1]?.date;
  const file =
    files.find((l) => l.steps.find((s) => s.stepNo === 1)?.date === a) ??
    files.find((l) => {
      const s = derived(toMemberRecord(l)).status;
      return !ENDED.has(s) && s !== '正式党员';
    }) ??
    null;
  out.file = file;
  if (file && !v.branch) out.branchId = file.record.branchId;
  for (const s of file?.steps ?? []) out.steps.set(s.stepNo as StepNo, fromRow(s));

  // The row over what the file has: a blank cell keeps what the ledger has.
  for (const [k, rs] of Object.entries(v.steps) as [string, RowStep][]) {
    const no = Number(k) as StepNo;
    const cur = out.steps.get(no) ?? { row: null, date: null, people: null, meeting: null, trainingDays: null, trainingHours: null, overrideReason: null };
    const next = { ...cur };
    if (rs.date) next.date = rs.date;
    if (rs.people) {
      const old = new Map((cur.people ?? []).map((p) => [p.name, p]));
      next.people = rs.people.map((name) => old.get(name) ?? { name });
    }
    if (rs.meeting) next.meeting = rs.meeting;
    out.steps.set(no, next);
  }
  if (v.training) {
    const cur = out.steps.get(11) ?? { row: null, date: null, people: null, meeting: null, trainingDays: null, trainingHours: null, overrideReason: null };
    out.steps.set(11, { ...cur, trainingDays: v.training.days ?? cur.trainingDays, trainingHours: v.training.hours ?? cur.trainingHours });
  }
  for (const [k, text] of Object.entries(v.reasons ?? {}) as [string, string][]) {
    const s = out.steps.get(Number(k) as StepNo);
    if (s) s.overrideReason = text;
  }
  const storedReview = file?.review ?? null;
  out.review = v.review ? { result: v.review.result ?? (storedReview?.conclusionResult as '合格' | '不合格' | null) ?? null, date: v.review.date ?? storedReview?.conclusionDate ?? null } : null;

  const unchanged =
    file !== null &&
    [...out.steps.values()].every((s) => !s.date || sameStep(s, s.row)) &&
    (out.branchId ?? null) === (file.record.branchId ?? null) &&
    (!out.review || (out.review.result === (storedReview?.conclusionResult ?? null) && out.review.date === (storedReview?.conclusionDate ?? null)));
  const undated = [...out.steps.entries()].filter(([, s]) => !s.date);
  const status = file ? derived(toMemberRecord(file)).status : null;
  if (unchanged && (undated.length === 0 || (status && ENDED.has(status)))) return { ...out, status: '跳过', existingId: file.record.id };

  if (file && status && ENDED.has(status)) {
    problems.push({ key: null, message: `${v.name}的发展档案已${status.slice(1)}，不能再记录流程节点` });
    return out;
  }
  for (const [no, s] of undated) {
    const what = [s.people?.length ? (PEOPLE_COLUMNS.find((p) => p.step === no)?.label ?? '人员') : null, s.meeting ? '表决人数' : null, s.trainingDays !== null || s.trainingHours !== null ? '培训天数、学时' : null].filter(Boolean).join('、');
    const key = PEOPLE_COLUMNS.find((p) => p.step === no && s.people?.length)?.key ?? (s.meeting ? MEETING_STEPS.find((m) => m.step === no)?.prefix + 'Expected' : no === 11 ? 'trainingDays' : stepField(no));
    notes.push({ key: v.columns.includes(key) ? key : null, message: `已填写${what}，但没有${stepTitle(no)}的日期，${what}未导入，请补全日期` });
  }

  // The rules, on the record the row would produce; for a file already kept, only what the row adds is its doing.
  const table = ruleTableInForce(ctx);
  const base: MemberRecord = file ? toMemberRecord(file) : { person: facts, steps: {}, periodic: { inspections: [], thoughtReports: [] } };
  const conclusion = out.review?.result && out.review.date ? { result: out.review.result, date: out.review.date, signer: storedReview?.conclusionSigner ?? '' } : base.politicalReview?.conclusion;
  const after: MemberRecord = { ...base, person: file ? base.person : facts, steps: entries(out.steps, true), politicalReview: { ...base.politicalReview, conclusion } };
  const key = (x: Violation) => `${x.ruleId}|${x.step ?? ''}|${x.field ?? ''}|${x.message}`;
  const had = new Set(file ? checkRecord(base, table, now).map(key) : []);
  const added = checkRecord(after, table, now).filter((x) => !had.has(key(x)));
  const lacking: Violation[] = [];
  const warnings: Violation[] = [];
  const explained: Violation[] = [];
  for (const x of added) {
    if (x.level === 'warning') warnings.push(x);
    else if (forLackOfFact(x, after)) lacking.push(x);
    else if (x.hard) problems.push({ key: columnOf(x, v), message: `${tagged(x)}。此项不能以特殊情况说明导入，请核对后修改` });
    else {
      const reason = x.step !== undefined && v.reasons ? v.reasons[x.step] : v.reason;
      if (!reason) {
        problems.push({ key: columnOf(x, v), message: `${tagged(x)}。如确属特殊情况，请在“特殊情况说明”列填写原因后再导入` });
        continue;
      }
      explained.push(x);
      const s = x.step !== undefined ? out.steps.get(x.step) : undefined;
      if (s?.date) s.overrideReason = reason;
    }
  }
  notes.push(...grouped(explained, '（已按特殊情况说明导入）', v));
  notes.push(...grouped(lacking, '（台账中未录入，导入后请在档案中补全）', v));
  notes.push(...grouped(warnings, '（提醒）', v));
  if (v.reason && !v.reasons && explained.length === 0) notes.push({ key: 'reason', message: '本行没有需要说明的违规，特殊情况说明未导入' });
  for (const k of Object.keys(v.reasons ?? {})) {
    if (!out.steps.get(Number(k) as StepNo)?.date) notes.push({ key: 'reason', message: `特殊情况说明中的第${k}节点没有日期，该条说明未导入` });
  }
  if (file) {
    const changed = [...out.steps.values()].some((s) => s.date && !sameStep(s, s.row));
    const other = (out.branchId ?? null) !== (file.record.branchId ?? null) || (out.review !== null && (out.review.result !== (storedReview?.conclusionResult ?? null) || out.review.date !== (storedReview?.conclusionDate ?? null)));
    return { ...out, status: changed || other ? '更新' : '跳过', existingId: file.record.id };
  }
  return out;
}
