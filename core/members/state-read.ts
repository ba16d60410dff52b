/**
 * Reads of the stored judgement (state-store.ts): what a list row, a report or 首页 needs, straight from SQL.
 * `today` is only ever compared with stored dates here; nothing is judged.
 */
import type { LedgerContext } from '../context';
import { maskIdNumber } from '../people/idcard';
import { cachedStatement } from '../schema/statements';
import type { Deadline } from './deadlines';
import { pressingDeadline } from './judgement';
import { toMemberRecord, type LoadedRecord } from './load';
import { reminderOn, sortReminders } from './reminders';
import type { Violation } from './rules';
import type { Judged } from './query';
import type { RecordSummary } from './schemas';
import { STAGES, stepDef, type StepNo } from './steps';

/**
 * The live files with the names a list shows. member_state holds a row for every live file and for nothing else
 * (a deleted file, or one of a deleted person, loses its row), so counts and filters read `member_state s` alone.
 */
export const NAMED_FILES = `member_state s
  JOIN member_records r ON r.id = s.record_id
  JOIN people p ON p.id = s.person_id
  LEFT JOIN org_units u ON u.id = s.unit_id
  LEFT JOIN branches b ON b.id = s.branch_id`;

/** A stored finding in force on @today. */
export const FINDING_ACTIVE = '(f.active_from IS NULL OR f.active_from <= @today) AND (f.active_until IS NULL OR @today <= f.active_until)';

export interface StoredHead {
  id: number;
  personId: number;
  personName: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  unitId: number | null;
  unitName: string | null;
  branchId: number | null;
  branchName: string | null;
  stage: number;
  status: string;
  lastStep: number;
  nextStep: number | null;
  probationEnd: string | null;
}

interface DeadlineRow {
  recordId: number;
  kind: Deadline['kind'];
  ruleId: Deadline['ruleId'];
  step: number;
  dueDate: string;
  finalDate: string | null;
  overdueLevel: 'error' | 'warning';
  facts: string;
}

interface FindingRow {
  recordId: number;
  ruleId: Violation['ruleId'];
  level: 'error' | 'warning';
  hard: number;
  step: number | null;
  field: string | null;
  message: string;
  dates: string;
  explanation: string | null;
  activeFrom: string | null;
  activeUntil: string | null;
}

const idsJson = (ids: readonly number[]) => JSON.stringify(ids);

function groupByRecord<T extends { recordId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.recordId);
    if (list) list.push(row);
    else map.set(row.recordId, [row]);
  }
  return map;
}

export function toDeadline(row: DeadlineRow): Deadline {
  return {
    kind: row.kind,
    ruleId: row.ruleId,
    step: row.step as StepNo,
    dueDate: row.dueDate,
    ...(row.finalDate ? { finalDate: row.finalDate } : {}),
    overdueLevel: row.overdueLevel,
    facts: JSON.parse(row.facts) as Record<string, string>,
  };
}

export function toViolation(row: FindingRow): Violation {
  return {
    ruleId: row.ruleId,
    level: row.level,
    ...(row.hard ? { hard: true } : {}),
    ...(row.step !== null ? { step: row.step as StepNo } : {}),
    ...(row.field !== null ? { field: row.field } : {}),
    message: row.message,
    dates: JSON.parse(row.dates) as Record<string, string>,
    ...(row.explanation !== null ? { explanation: row.explanation } : {}),
    ...(row.activeFrom !== null ? { activeFrom: row.activeFrom } : {}),
    ...(row.activeUntil !== null ? { activeUntil: row.activeUntil } : {}),
  };
}

const DEADLINE_COLUMNS = `d.record_id AS recordId, d.kind, d.rule_id AS ruleId, d.step, d.due_date AS dueDate, d.final_date AS finalDate,
  d.overdue_level AS overdueLevel, d.facts`;

/** Stored deadlines of the given files (or of every live file), by file. */
export function storedDeadlines(ctx: LedgerContext, ids?: readonly number[]): Map<number, Deadline[]> {
  const rows = ids
    ? (cachedStatement(ctx.sqlite, `SELECT ${DEADLINE_COLUMNS} FROM member_deadlines d WHERE d.record_id IN (SELECT value FROM json_each(?)) ORDER BY d.id`).all(idsJson(ids)) as DeadlineRow[])
    : (ctx.sqlite.prepare(`SELECT ${DEADLINE_COLUMNS} FROM member_deadlines d ORDER BY d.id`).all() as DeadlineRow[]);
  return new Map([...groupByRecord(rows)].map(([id, list]) => [id, list.map(toDeadline)]));
}

const FINDING_COLUMNS = `f.record_id AS recordId, f.rule_id AS ruleId, f.level, f.hard, f.step, f.field, f.message, f.dates, f.explanation,
  f.active_from AS activeFrom, f.active_until AS activeUntil`;

/** Stored findings in force today, in the order judged, of the given files (or of every file), by file. */
export function storedFindings(ctx: LedgerContext, today: string, ids?: readonly number[]): Map<number, Violation[]> {
  const where = ids ? 'f.record_id IN (SELECT value FROM json_each(@ids)) AND' : '';
  const rows = ctx.sqlite
    .prepare(`SELECT ${FINDING_COLUMNS} FROM member_findings f WHERE ${where} ${FINDING_ACTIVE} ORDER BY f.record_id, f.seq`)
    .all({ today, ...(ids ? { ids: idsJson(ids) } : {}) }) as FindingRow[];
  return new Map([...groupByRecord(rows)].map(([id, list]) => [id, list.map(toViolation)]));
}

const HEAD_COLUMNS = `r.id, r.person_id AS personId, p.name AS personName, p.gender, p.birth_date AS birthDate, p.id_number AS idNumber,
  p.unit_id AS unitId, u.name AS unitName, r.branch_id AS branchId, b.name AS branchName, s.stage, s.status, s.last_step AS lastStep,
  s.next_step AS nextStep, s.probation_end AS probationEnd`;

const STEP_DATES = 'SELECT record_id, json_group_object(step_no, date) FROM member_steps WHERE record_id IN (SELECT value FROM json_each(?)) GROUP BY record_id';
const FINDING_COUNTS = `SELECT f.record_id AS recordId, f.level, count(*) AS n FROM member_findings f
  WHERE f.record_id IN (SELECT value FROM json_each(@ids)) AND ${FINDING_ACTIVE} GROUP BY f.record_id, f.level`;

/** The list rows of the given files, in the order given: a page's worth, read with five indexed queries. */
export function summariesOf(ctx: LedgerContext, ids: readonly number[], today: string): RecordSummary[] {
  if (ids.length === 0) return [];
  const json = idsJson(ids);
  const heads = new Map(
    (cachedStatement(ctx.sqlite, `SELECT ${HEAD_COLUMNS} FROM ${NAMED_FILES} WHERE s.record_id IN (SELECT value FROM json_each(?))`).all(json) as StoredHead[]).map((h) => [h.id, h]),
  );
  // Each file's step dates as one JSON object made by SQLite: a 500-row page has some 5,000 step rows, and one
  // JSON.parse per file is quicker than building the objects row by row. Keys are step numbers, which keep their
  // numeric order in any object.
  const dates = new Map(
    (cachedStatement(ctx.sqlite, STEP_DATES, 'raw').all(json) as [number, string][]).map(([recordId, text]) => [recordId, JSON.parse(text) as Record<string, string>]),
  );
  const counts = groupByRecord(
    cachedStatement(ctx.sqlite, FINDING_COUNTS).all({ ids: json, today }) as { recordId: number; level: string; n: number }[],
  );
  const deadlines = storedDeadlines(ctx, ids);
  return ids.flatMap((id) => {
    const head = heads.get(id);
    if (!head) return [];
    const n = (level: string) => counts.get(id)?.find((c) => c.level === level)?.n ?? 0;
    return [summaryOf(head, dates.get(id) ?? {}, n('error'), n('warning'), deadlines.get(id) ?? [], today)];
  });
}

export function summaryOf(
  head: StoredHead,
  /** Step number → date. */
  dates: Record<string, string>,
  errors: number,
  warnings: number,
  deadlines: readonly Deadline[],
  today: string,
): RecordSummary {
  const pressing = pressingDeadline(deadlines);
  const reminder = pressing ? reminderOn(pressing, today) : undefined;
  return {
    id: head.id,
    personId: head.personId,
    personName: head.personName,
    gender: head.gender,
    birthDate: head.birthDate,
    idNumberMasked: maskIdNumber(head.idNumber),
    unitName: head.unitName,
    branchId: head.branchId,
    branchName: head.branchName,
    stage: head.stage,
    stageName: STAGES[head.stage - 1]!.name,
    status: head.status,
    lastStep: head.lastStep,
    nextStep: head.nextStep,
    nextStepName: head.nextStep ? stepDef(head.nextStep as StepNo).name : null,
    dates,
    errors,
    warnings,
    overdue: deadlines.filter((d) => d.kind !== '培养期满' && d.dueDate < today).length,
    probationEnd: head.probationEnd,
    deadline: reminder ? { dueDate: reminder.dueDate, status: reminder.status, daysLeft: reminder.daysLeft, title: reminder.title } : null,
  };
}

/** The stored judgement of loaded files, in their order: for reports, which need every fact of every file anyway. */
export function withStoredJudgement(ctx: LedgerContext, loaded: readonly LoadedRecord[], today: string): Judged[] {
  if (loaded.length === 0) return [];
  const ids = loaded.map((l) => l.record.id);
  const all = loaded.length > 2000;
  // Past a few thousand files one scan of each table is quicker than a long IN list.
  const deadlines = storedDeadlines(ctx, all ? undefined : ids);
  const findings = storedFindings(ctx, today, all ? undefined : ids);
  const states = new Map(
    (ctx.sqlite.prepare('SELECT record_id AS id, stage, status, last_step AS lastStep, next_step AS nextStep, probation_end AS probationEnd FROM member_state').all() as Pick<
      StoredHead,
      'id' | 'stage' | 'status' | 'lastStep' | 'nextStep' | 'probationEnd'
    >[]).map((s) => [s.id, s]),
  );
  return loaded.flatMap((l) => {
    const state = states.get(l.record.id);
    if (!state) return [];
    const violations = findings.get(l.record.id) ?? [];
    const own = deadlines.get(l.record.id) ?? [];
    const head: StoredHead = {
      ...state,
      personId: l.person.id,
      personName: l.person.name,
      gender: l.person.gender,
      birthDate: l.person.birthDate,
      idNumber: l.person.idNumber,
      unitId: l.person.unitId,
      unitName: l.unitName,
      branchId: l.record.branchId,
      branchName: l.branchName,
    };
    const errors = violations.filter((v) => v.level === 'error').length;
    return [
      {
        loaded: l,
        record: toMemberRecord(l),
        summary: summaryOf(head, Object.fromEntries(l.steps.map((s) => [String(s.stepNo), s.date])), errors, violations.length - errors, own, today),
        violations,
        reminders: sortReminders(own.map((d) => reminderOn(d, today))),
      },
    ];
  });
}
