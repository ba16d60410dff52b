/** Reading one 发展党员台账 row (the ledger's 花名册 or a clerk's own 台账) into the facts it gives. */
import type { PlainValue } from '../excel/read';
import type { MeetingCounts } from '../members/record';
import { futureDateText } from '../members/rules-entry';
import { stepDef, type StepNo } from '../members/steps';
import { NO_UNIT } from '../members/reports/common';
import { maskIdNumber } from '../people/idcard';
import { take, type FieldProblem, type ReadContext, type ReadRow } from './kind';
import { MEETING_PARTS, MEETING_STEPS, PEOPLE_COLUMNS, STEP_FIELDS, meetingField } from './members-fields';
import { cellText, halfWidth, readDate, readEducation, readEthnicity, readGender, readIdNumber, readNumber, readOccupation, type Read } from './values';

export interface RowStep {
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
function perStepReasons(text: string): Partial<Record<StepNo, string>> | null {
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
