/**
 * Importing a 发展党员台账: one wide row per person, as the ledger's own 花名册 writes it or as a clerk keeps it. The
 * person is matched by 公民身份号码 (created from the row when not yet in the 人员库), the file by the person, and the
 * record the row would produce is judged by the same pure rules as the form:
 * - a 党章 condition or an order error (hard) whose facts the row gives, and which the row's dates break → 错误;
 * - a 细则 window broken → 错误 naming the rule, unless the row has a 特殊情况说明 (then stored as the step's reason);
 * - a finding only because the sheet lacks a fact (no vote counts, no 介绍人, no 考察 records, a later step not yet
 *   recorded) → a note "未录入", never a refusal; warnings are notes too.
 * New files go in through insertFilesBatch (judged in the same transaction); changed files have their step rows
 * written and are re-judged; the undo deletes what was inserted and puts the step rows back exactly.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { memberRecords, memberReviews, memberSteps } from '../../db/schema';
import { timestamp, today, type LedgerContext } from '../context';
import { LedgerError, invalid } from '../errors';
import type { PlainValue } from '../excel/read';
import { insertFilesBatch, type BulkFile } from '../members/bulk';
import { derived } from '../members/derived';
import { loadRecordsOfPerson, parseJson, toMemberRecord, type LoadedRecord, type ReviewRow, type StepRow, type StoredPerson } from '../members/load';
import { stepRecorded, type MeetingCounts, type MemberRecord, type StepEntries } from '../members/record';
import { ruleTableInForce } from '../members/rule-service';
import { checkRecord, type Violation } from '../members/rules';
import { futureDateText } from '../members/rules-entry';
import { rejudge } from '../members/state-store';
import { stepDef, stepTitle, type StepNo } from '../members/steps';
import { insertPeopleBatch } from '../people/bulk';
import { checkIdNumber, maskIdNumber } from '../people/idcard';
import { personInput, type PersonInput } from '../people/schemas';
import { personLookups } from '../people/service';
import { take, type FieldProblem, type ImportKind, type Matched, type ReadContext, type ReadRow, type WrittenItem } from './kind';
import { MEETING_PARTS, MEETING_STEPS, MEMBER_FIELDS, PEOPLE_COLUMNS, STEP_FIELDS, meetingField, stepField } from './members-fields';
import { peopleImport } from './people';
import { cellText, halfWidth, readDate, readEducation, readEthnicity, readGender, readIdNumber, readNumber, readOccupation, type Read } from './values';

/** What the 花名册 writes in 村（社区） for a person without one. */
const NO_UNIT = '（未指定村/社区）';

interface RowStep {
  date: string | null;
  people?: string[];
  meeting?: MeetingCounts;
}

export interface MemberRow {
  name: string;
  idNumber: string;
  gender: '男' | '女' | null;
  ethnicity: string | null;
  birthDate: string | null;
  education: string | null;
  occupation: string | null;
  unitId: number | null;
  branch: string | null;
  steps: Partial<Record<StepNo, RowStep>>;
  training: { days: number | null; hours: number | null } | null;
  review: { result: '合格' | '不合格' | null; date: string | null } | null;
  /** The 特殊情况说明 as one text, or per step where it is written as the 花名册 writes it ("第7节点：…；第9节点：…"). */
  reason: string | null;
  reasons: Partial<Record<StepNo, string>> | null;
  /** The field keys the sheet has a column for, so a finding is shown at a column that exists. */
  columns: string[];
}


const NAME_SPLIT = /[、，,；;／/\s]+/;

/** "第7节点：…；第12节点：…" as the 花名册 writes it; null when the text is not (wholly) in that form. */
export function perStepReasons(text: string): Partial<Record<StepNo, string>> | null {
  const parts = text.split(/[；;]\s*(?=第\d+(?:个)?(?:流程)?节点[：:])/);
  const out: Partial<Record<StepNo, string>> = {};
  for (const part of parts) {
    const m = /^第(\d+)(?:个)?(?:流程)?节点[：:]\s*([\s\S]*)$/.exec(part.trim());
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 25 || !m[2]!.trim()) return null;
    out[Number(m[1]) as StepNo] = m[2]!.trim();
  }
  return Object.keys(out).length ? out : null;
}

function readResult(v: PlainValue): Read<'合格' | '不合格' | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return { ok: true, value: null };
  if (/^(政审)?(不合格|未通过|不通过)$/.test(text)) return { ok: true, value: '不合格' };
  if (/^(政审)?(合格|通过|审查合格)$/.test(text)) return { ok: true, value: '合格' };
  return { ok: false, message: `政审结论“${text}”应为合格或不合格` };
}

export function readMemberRow(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<MemberRow> {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const has = (key: string) => key in cells;
  const name = cellText(cells.name ?? null).replace(/\s+/g, '');
  if (!name) problems.push({ key: 'name', message: '缺少姓名' });
  const idNumber = take(problems, notes, 'idNumber', readIdNumber(cells.idNumber ?? null, rc.today));
  const unitName = cellText(cells.unit ?? null);
  const unit = unitName && unitName !== NO_UNIT ? rc.unitByName(unitName) : undefined;
  if (unitName && unitName !== NO_UNIT && !unit) problems.push({ key: 'unit', message: `村（社区）“${unitName}”不在本乡镇的村（社区）中，请先在组织设置中新增，或改为已有的名称` });
  const birthDate = take(problems, notes, 'birthDate', readDate(cells.birthDate ?? null));

  const steps: Partial<Record<StepNo, RowStep>> = {};
  for (const f of STEP_FIELDS) {
    if (!has(f.key)) continue;
    const no = Number(f.key.slice(4)) as StepNo;
    const date = take(problems, notes, f.key, readDate(cells[f.key] ?? null));
    if (date && date > rc.today) problems.push({ key: f.key, message: futureDateText(`${stepDef(no).name}日期`, date, rc.today) });
    if (date) steps[no] = { date };
  }
  if (!steps[1]?.date && !problems.some((p) => p.key === 'step1')) problems.push({ key: 'step1', message: '缺少递交入党申请书日期' });
  for (const p of PEOPLE_COLUMNS) {
    const names = cellText(cells[p.key] ?? null).split(NAME_SPLIT).filter(Boolean);
    if (names.length === 0) continue;
    if (names.some((n) => n.length > 30)) problems.push({ key: p.key, message: `${p.label}姓名过长，多人请用顿号分隔` });
    steps[p.step] = { date: null, ...steps[p.step], people: names };
  }
  for (const m of MEETING_STEPS) {
    const counts: Partial<Record<(typeof MEETING_PARTS)[number][1], number>> = {};
    for (const [part, prop] of MEETING_PARTS) {
      const key = meetingField(m.prefix, part);
      const n = take(problems, notes, key, readNumber(cells[key] ?? null, `${m.title}${prop === 'expected' ? '应到' : prop === 'present' ? '实到' : prop === 'for' ? '赞成' : prop === 'against' ? '反对' : '弃权'}人数`));
      if (n === null) continue;
      if (!Number.isInteger(n) || n < 0) problems.push({ key, message: `人数“${n}”应为非负整数` });
      else counts[prop] = n;
    }
    if (Object.keys(counts).length === 0) continue;
    const missing = (['expected', 'present', 'for'] as const).filter((k) => counts[k] === undefined);
    if (missing.length) {
      const part = missing[0] === 'expected' ? 'Expected' : missing[0] === 'present' ? 'Present' : 'For';
      problems.push({ key: meetingField(m.prefix, part), message: `${m.title}表决人数不全：请同时填写应到、实到、赞成人数（反对、弃权空着按0计）` });
      continue;
    }
    const meeting: MeetingCounts = { expected: counts.expected!, present: counts.present!, for: counts.for!, against: counts.against ?? 0, abstain: counts.abstain ?? 0 };
    // As the form's own input check says it (zod's meetingCounts), before any rule.
    if (meeting.present > meeting.expected) problems.push({ key: meetingField(m.prefix, 'Present'), message: '实到人数不能多于应到人数' });
    else if (meeting.for + meeting.against + meeting.abstain > meeting.present) problems.push({ key: meetingField(m.prefix, 'For'), message: '赞成、反对、弃权之和不能多于实到人数' });
    steps[m.step] = { date: null, ...steps[m.step], meeting };
  }
  const days = take(problems, notes, 'trainingDays', readNumber(cells.trainingDays ?? null, '集中培训天数'));
  const hours = take(problems, notes, 'trainingHours', readNumber(cells.trainingHours ?? null, '集中培训学时'));
  const result = take(problems, notes, 'reviewResult', readResult(cells.reviewResult ?? null));
  const reviewDate = take(problems, notes, 'reviewDate', readDate(cells.reviewDate ?? null));
  if (reviewDate && reviewDate > rc.today) problems.push({ key: 'reviewDate', message: futureDateText('政审结论日期', reviewDate, rc.today) });
  // Without its own date the 结论 is dated by the 政审 step, as clerks who keep one 政审 column mean it.
  const conclusionDate = reviewDate ?? (result ? (steps[10]?.date ?? null) : null);
  if (result && !conclusionDate) notes.push({ key: 'reviewResult', message: '政审结论没有日期，规则按未录入政审结论对待，导入后请在档案中补全结论日期' });
  // The reason as the clerk wrote it (full-width punctuation kept): it is printed back in the 花名册.
  const rawReason = cells.reason ?? null;
  const reason = (typeof rawReason === 'string' ? rawReason.trim() : cellText(rawReason)) || null;
  if (reason && reason.length > 500) problems.push({ key: 'reason', message: '特殊情况说明过长（最多500字）' });

  const value: MemberRow = {
    name,
    idNumber: idNumber ?? '',
    gender: take(problems, notes, 'gender', readGender(cells.gender ?? null)),
    ethnicity: take(problems, notes, 'ethnicity', readEthnicity(cells.ethnicity ?? null)),
    birthDate,
    education: take(problems, notes, 'education', readEducation(cells.education ?? null)),
    occupation: take(problems, notes, 'occupation', readOccupation(cells.occupation ?? null)),
    unitId: unit?.id ?? null,
    branch: cellText(cells.branch ?? null).replace(/\s+/g, '') || null,
    steps,
    training: days !== null || hours !== null ? { days, hours } : null,
    review: result || reviewDate ? { result, date: conclusionDate } : null,
    reason,
    reasons: reason ? perStepReasons(reason) : null,
    columns: Object.keys(cells),
  };
  return { value: problems.length ? null : value, problems, notes, label: `${name}${idNumber ? `（${maskIdNumber(idNumber)}）` : ''}`, key: idNumber };
}

/** 多巴一村党支部 = 中共多巴一村支部委员会 = 多巴一村支部. */
export function branchKey(name: string): string {
  return halfWidth(name)
    .replace(/\s+/g, '')
    .replace(/^(中共|中国共产党)/, '')
    .replace(/(支部委员会|党支部)$/, '支部')
    .replace(/(总支部委员会|党总支)$/, '总支');
}

/** A step as it will be stored. */
interface StepState {
  row: StepRow | null;
  date: string | null;
  people: StoredPerson[] | null;
  meeting: MeetingCounts | null;
  trainingDays: number | null;
  trainingHours: number | null;
  overrideReason: string | null;
}

interface Plan extends Matched {
  problems: FieldProblem[];
  notes: FieldProblem[];
  personId: number | null;
  newPerson: PersonInput | null;
  file: LoadedRecord | null;
  branchId: number | null;
  steps: Map<StepNo, StepState>;
  review: { result: '合格' | '不合格' | null; date: string | null } | null;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

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

const sameStep = (a: StepState, b: StepRow | null) =>
  !!b &&
  a.date === b.date &&
  json(a.people?.length ? a.people : null) === (b.people ?? null) &&
  json(a.meeting) === (b.meeting ?? null) &&
  a.trainingDays === b.trainingDays &&
  a.trainingHours === b.trainingHours &&
  (a.overrideReason ?? null) === (b.overrideReason ?? null);

function entries(steps: Map<StepNo, StepState>, withUndated: boolean): StepEntries {
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
const MEMBER_ENTITIES = ['member_record', 'member_step', 'member_review', 'review_letter', 'member_periodic', 'member_exit'];

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
function plan(ctx: LedgerContext, v: MemberRow): Plan {
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

interface InsertBefore {
  since: number;
  /** The person the import created for this file, removed with it. */
  createdPerson: number | null;
}

interface UpdateBefore {
  since: number;
  record: typeof memberRecords.$inferSelect;
  steps: StepRow[];
  review: ReviewRow | null;
}

function stepValues(recordId: number, no: StepNo, s: StepState, at: string) {
  return {
    recordId,
    stepNo: no,
    date: s.date!,
    people: json(s.people?.length ? s.people : null),
    meeting: json(s.meeting),
    trainingDays: s.trainingDays,
    trainingHours: s.trainingHours,
    overrideReason: s.overrideReason,
    updatedAt: at,
  };
}

function writeReview(ctx: LedgerContext, recordId: number, review: NonNullable<Plan['review']>, stored: ReviewRow | null): void {
  const values = { conclusionResult: review.result, conclusionDate: review.date };
  if (stored) ctx.db.update(memberReviews).set(values).where(eq(memberReviews.recordId, recordId)).run();
  else ctx.db.insert(memberReviews).values({ recordId, ...values }).run();
}

/** Refuses to undo a file that was written to since the import: anything but the batch's own audit entries. */
function assertUntouched(ctx: LedgerContext, recordId: number, since: number): void {
  const hit = ctx.sqlite
    .prepare(`SELECT summary FROM audit_log WHERE entity IN (${MEMBER_ENTITIES.map(() => '?').join(',')}) AND entity_id = ? AND id > ? ORDER BY id LIMIT 1`)
    .pluck()
    .get(...MEMBER_ENTITIES, recordId, since) as string | undefined;
  if (hit) throw new LedgerError('CONFLICT', '导入之后该发展档案又被修改过，撤销会覆盖这些修改，已取消撤销。', { hint: `例如：${hit}。如需撤销，请先把这些修改改回，或直接修改相应档案。` });
}

function clearFile(ctx: LedgerContext, recordId: number): void {
  for (const table of ['member_steps', 'member_reviews', 'review_letters', 'member_periodic', 'member_exits', 'member_findings', 'member_deadlines', 'member_state']) {
    ctx.sqlite.prepare(`DELETE FROM ${table} WHERE record_id = ?`).run(recordId);
  }
}

export const membersImport: ImportKind<MemberRow> = {
  id: 'members',
  label: '发展党员台账',
  entity: 'member_record',
  fields: MEMBER_FIELDS,
  read: readMemberRow,
  match(ctx, value) {
    const p = plan(ctx, value);
    return { status: p.status, existingId: p.existingId, problems: p.problems, notes: p.notes };
  },
  write(ctx, rows) {
    const since = ctx.sqlite.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
    const plans = rows.map((r) => plan(ctx, r.value));
    const bad = plans.findIndex((p) => p.problems.length > 0);
    if (bad >= 0) throw invalid(`${rows[bad]!.value.name}：${plans[bad]!.problems[0]!.message}（台账在检查之后有变动，请重新检查后导入）`);
    const items: WrittenItem[] = [];
    // New people first, so their files can name them; a file's item remembers the person it brought in.
    const fresh = plans.filter((p) => p.newPerson && p.status === '新增');
    const personIds = insertPeopleBatch(ctx, fresh.map((p) => p.newPerson!));
    fresh.forEach((p, i) => (p.personId = personIds[i]!));

    const newFiles = plans.filter((p) => !p.file && p.status === '新增');
    const files: BulkFile[] = newFiles.map((p) => ({
      personId: p.personId!,
      branchId: p.branchId,
      steps: [...p.steps.entries()]
        .filter(([, s]) => s.date)
        .sort((x, y) => x[0] - y[0])
        .map(([no, s]) => ({ stepNo: no, date: s.date!, people: s.people?.length ? s.people : null, meeting: s.meeting, trainingDays: s.trainingDays, trainingHours: s.trainingHours, overrideReason: s.overrideReason })),
      review: p.review ? { conclusionResult: p.review.result, conclusionDate: p.review.date } : null,
    }));
    insertFilesBatch(ctx, files).forEach((id, i) => {
      const before: InsertBefore = { since, createdPerson: newFiles[i]!.newPerson ? newFiles[i]!.personId : null };
      items.push({ entity: 'member_record', entityId: id, action: 'insert', before });
    });

    const at = timestamp(ctx);
    const updated: number[] = [];
    for (const p of plans.filter((x) => x.file && x.status === '更新')) {
      const file = p.file!;
      const id = file.record.id;
      const before: UpdateBefore = { since, record: file.record, steps: file.steps, review: file.review };
      for (const [no, s] of p.steps) {
        if (!s.date || sameStep(s, s.row)) continue;
        const values = stepValues(id, no, s, at);
        if (s.row) ctx.db.update(memberSteps).set(values).where(eq(memberSteps.id, s.row.id)).run();
        else ctx.db.insert(memberSteps).values(values).run();
      }
      if ((p.branchId ?? null) !== (file.record.branchId ?? null)) ctx.db.update(memberRecords).set({ branchId: p.branchId, updatedAt: at }).where(eq(memberRecords.id, id)).run();
      if (p.review) writeReview(ctx, id, p.review, file.review);
      items.push({ entity: 'member_record', entityId: id, action: 'update', before });
      updated.push(id);
    }
    rejudge(ctx, updated);
    return items;
  },
  undo(ctx, item) {
    const id = item.entityId;
    if (item.action === 'insert') {
      const before = item.before as InsertBefore;
      assertUntouched(ctx, id, before.since);
      clearFile(ctx, id);
      ctx.db.delete(memberRecords).where(eq(memberRecords.id, id)).run();
      if (before.createdPerson !== null) {
        const edited = ctx.sqlite.prepare("SELECT summary FROM audit_log WHERE entity = 'person' AND entity_id = ? AND id > ? ORDER BY id LIMIT 1").pluck().get(before.createdPerson, before.since) as string | undefined;
        if (edited) throw new LedgerError('CONFLICT', '导入时新建的人员之后又被修改过，撤销会覆盖这些修改，已取消撤销。', { hint: `例如：${edited}。如需撤销，请先把这些修改改回。` });
        // The person's other uses (a 后备人才 record since) refuse it, as the 人员 import's undo does.
        peopleImport.undo(ctx, { entity: 'person', entityId: before.createdPerson, action: 'insert' });
      }
      return;
    }
    const before = item.before as UpdateBefore;
    assertUntouched(ctx, id, before.since);
    const keep = new Set(before.steps.map((s) => s.id));
    const now = ctx.db.select().from(memberSteps).where(eq(memberSteps.recordId, id)).all();
    const added = now.filter((s) => !keep.has(s.id)).map((s) => s.id);
    if (added.length) ctx.db.delete(memberSteps).where(and(eq(memberSteps.recordId, id), inArray(memberSteps.id, added))).run();
    const present = new Set(now.map((s) => s.id));
    for (const s of before.steps) {
      if (present.has(s.id)) ctx.db.update(memberSteps).set(s).where(eq(memberSteps.id, s.id)).run();
      else ctx.db.insert(memberSteps).values(s).run();
    }
    ctx.db.update(memberRecords).set(before.record).where(and(eq(memberRecords.id, id), isNull(memberRecords.deletedAt))).run();
    if (before.review) ctx.db.insert(memberReviews).values(before.review).onConflictDoUpdate({ target: memberReviews.recordId, set: before.review }).run();
    else ctx.db.delete(memberReviews).where(eq(memberReviews.recordId, id)).run();
    rejudge(ctx, [id]);
  },
};

