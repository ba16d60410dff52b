/** Reads 发展档案 from the database and assembles the plain MemberRecord the pure rules judge. */
import type Database from 'better-sqlite3';
import { and, eq, isNull } from 'drizzle-orm';
import { memberExits, memberPeriodic, memberRecords, memberReviews, memberSteps, people, reviewLetters } from '../../db/schema';
import type { LedgerContext } from '../context';
import { notFound } from '../errors';
import type { MemberRecord, StepEntries, StepPerson } from './record';
import { rowShape, type RowShape } from './rows';
import type { StepNo } from './steps';

export type StepRow = typeof memberSteps.$inferSelect;
export type ReviewRow = typeof memberReviews.$inferSelect;
export type LetterRow = typeof reviewLetters.$inferSelect;
export type PeriodicRow = typeof memberPeriodic.$inferSelect;
export type ExitRow = typeof memberExits.$inferSelect;

export interface StoredPerson extends StepPerson {
  title?: string | null;
  phone?: string | null;
}

export interface LoadedRecord {
  record: typeof memberRecords.$inferSelect;
  person: typeof people.$inferSelect;
  unitName: string | null;
  branchName: string | null;
  steps: StepRow[];
  review: ReviewRow | null;
  letters: LetterRow[];
  periodic: PeriodicRow[];
  exits: ExitRow[];
}

function groupBy<T extends { recordId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.recordId);
    if (list) list.push(row);
    else map.set(row.recordId, [row]);
  }
  return map;
}

const RECORD = rowShape(memberRecords, 'r');
const PERSON = rowShape(people, 'p');
const STEP = rowShape(memberSteps, 't');
const REVIEW = rowShape(memberReviews, 't');
const LETTER = rowShape(reviewLetters, 't');
const PERIODIC = rowShape(memberPeriodic, 't');
const EXIT = rowShape(memberExits, 't');

function prepareLoad(sqlite: Database.Database, filtered: boolean) {
  // The ids come as one bound JSON text: one statement for any number of them, prepared once per database.
  const only = (column: string) => (filtered ? `AND ${column} IN (SELECT value FROM json_each(@ids))` : '');
  const rows = (shape: { sql: string }, table: string, extra: string, order: string) =>
    sqlite.prepare(`SELECT ${shape.sql} FROM ${table} t WHERE 1 ${extra} ${only('t.record_id')} ${order}`).raw();
  return {
    heads: sqlite
      .prepare(
        `SELECT ${RECORD.sql}, ${PERSON.sql}, u.name, b.name FROM member_records r
         JOIN people p ON p.id = r.person_id LEFT JOIN org_units u ON u.id = p.unit_id LEFT JOIN branches b ON b.id = r.branch_id
         WHERE r.deleted_at IS NULL AND p.deleted_at IS NULL ${only('r.id')} ORDER BY u.sort_order, r.id`,
      )
      .raw(),
    steps: rows(STEP, 'member_steps', '', 'ORDER BY t.step_no'),
    reviews: rows(REVIEW, 'member_reviews', '', ''),
    letters: rows(LETTER, 'review_letters', '', 'ORDER BY t.date'),
    periodic: rows(PERIODIC, 'member_periodic', 'AND t.deleted_at IS NULL', 'ORDER BY t.date'),
    exits: rows(EXIT, 'member_exits', '', 'ORDER BY t.date'),
  };
}

type LoadStatements = ReturnType<typeof prepareLoad>;
const loadStatements = new WeakMap<object, { some: LoadStatements; all: LoadStatements }>();

function statementsOf(ctx: LedgerContext) {
  let s = loadStatements.get(ctx.sqlite);
  if (!s) loadStatements.set(ctx.sqlite, (s = { some: prepareLoad(ctx.sqlite, true), all: prepareLoad(ctx.sqlite, false) }));
  return s;
}

const built = <T>(statement: Database.Statement, params: object, shape: RowShape<T>): T[] => (statement.all(params) as unknown[][]).map((row) => shape.build(row));

/**
 * Loads every live record (or the given ids) with a fixed number of queries, not one per record, so the list,
 * the 合规检查 and the reminders stay quick for a township's whole history.
 */
export function loadRecords(ctx: LedgerContext, ids?: number[]): LoadedRecord[] {
  const statements = statementsOf(ctx);
  const q = ids ? statements.some : statements.all;
  const params = ids ? { ids: JSON.stringify(ids) } : {};
  const heads = (q.heads.all(params) as unknown[][]).map((row) => ({
    record: RECORD.build(row),
    person: PERSON.build(row, RECORD.width),
    unitName: row[RECORD.width + PERSON.width] as string | null,
    branchName: row[RECORD.width + PERSON.width + 1] as string | null,
  }));
  if (heads.length === 0) return [];
  const steps = groupBy(built(q.steps, params, STEP));
  const reviews = new Map(built(q.reviews, params, REVIEW).map((r) => [r.recordId, r]));
  const letters = groupBy(built(q.letters, params, LETTER));
  const periodic = groupBy(built(q.periodic, params, PERIODIC));
  const exits = groupBy(built(q.exits, params, EXIT));
  return heads.map((h) => ({
    ...h,
    steps: steps.get(h.record.id) ?? [],
    review: reviews.get(h.record.id) ?? null,
    letters: letters.get(h.record.id) ?? [],
    periodic: periodic.get(h.record.id) ?? [],
    exits: exits.get(h.record.id) ?? [],
  }));
}

/** The live files of one person: what a create or restore checks for a file already in progress. */
export function loadRecordsOfPerson(ctx: LedgerContext, personId: number): LoadedRecord[] {
  const ids = ctx.db
    .select({ id: memberRecords.id })
    .from(memberRecords)
    .where(and(eq(memberRecords.personId, personId), isNull(memberRecords.deletedAt)))
    .all()
    .map((r) => r.id);
  return ids.length ? loadRecords(ctx, ids) : [];
}

export function loadRecord(ctx: LedgerContext, id: number): LoadedRecord {
  const [loaded] = loadRecords(ctx, [id]);
  if (!loaded) throw notFound('该发展档案');
  return loaded;
}

export function parseJson<T>(text: string | null): T | null {
  return text ? (JSON.parse(text) as T) : null;
}

export function toMemberRecord(l: LoadedRecord): MemberRecord {
  const steps: StepEntries = {};
  for (const s of l.steps) {
    steps[s.stepNo as StepNo] = {
      date: s.date,
      people: parseJson<StoredPerson[]>(s.people)?.map((p) => ({ name: p.name, isFullMember: p.isFullMember ?? undefined })),
      meeting: parseJson(s.meeting) ?? undefined,
      publicity: s.publicityFrom && s.publicityTo ? { from: s.publicityFrom, to: s.publicityTo } : undefined,
      training: s.trainingDays !== null || s.trainingHours !== null ? { days: s.trainingDays ?? undefined, hours: s.trainingHours ?? undefined } : undefined,
      reason: s.overrideReason ?? undefined,
    };
  }
  const r = l.review;
  const extension = l.exits.filter((e) => e.kind === '延长预备期').at(-1);
  const cancelled = l.exits.find((e) => e.kind === '取消预备党员资格');
  const terminated = l.exits.find((e) => e.kind === '终止培养');
  return {
    person: {
      birthDate: l.person.birthDate,
      gender: l.person.gender as '男' | '女',
      ethnicity: l.person.ethnicity,
      education: l.person.education ?? undefined,
      occupation: l.person.occupation ?? undefined,
      isLeagueMember: l.record.leagueMember,
      hasLeagueRecommendation: !!l.record.leagueRecommendDate,
    },
    steps,
    politicalReview: r
      ? {
          talk: { date: r.talkDate ?? undefined, talkers: r.talkBy ? [r.talkBy] : undefined, summary: r.talkSummary ?? undefined },
          report: { date: r.reportDate ?? undefined },
          examination: { archiveCheckDate: r.examDate ?? undefined, letters: l.letters.map((x) => ({ date: x.date, to: x.target })) },
          conclusion:
            r.conclusionResult && r.conclusionDate
              ? { result: r.conclusionResult as '合格' | '不合格', date: r.conclusionDate, signer: r.conclusionSigner ?? '' }
              : undefined,
        }
      : l.letters.length
        ? { examination: { letters: l.letters.map((x) => ({ date: x.date, to: x.target })) } }
        : undefined,
    periodic: {
      inspections: l.periodic.filter((p) => p.kind === '考察').map((p) => p.date),
      thoughtReports: l.periodic.filter((p) => p.kind === '思想汇报').map((p) => p.date),
    },
    exits: {
      extension: extension ? { months: extension.months ?? 0, meetingDate: extension.meetingDate ?? undefined, approvalDate: extension.approvalDate ?? undefined } : undefined,
      cancelled: cancelled ? { date: cancelled.date, reason: cancelled.reason ?? '' } : undefined,
      terminated: terminated ? { date: terminated.date, reason: terminated.reason ?? '' } : undefined,
    },
    leavingWithin3Months: l.record.leavingSoon,
  };
}
