/** Reads 发展档案 from the database and assembles the plain MemberRecord the pure rules judge. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { branches, memberExits, memberPeriodic, memberRecords, memberReviews, memberSteps, orgUnits, people, reviewLetters } from '../../db/schema';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { LedgerContext } from '../context';
import { notFound } from '../errors';
import type { MemberRecord, StepEntries, StepPerson } from './record';
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

const IDS = sql.placeholder('ids');

/** The given ids as one bound JSON text: one statement for any number of ids, prepared once per database. */
const idIn = (column: SQLiteColumn) => inArray(column, sql`(SELECT value FROM json_each(${IDS}))`);

function prepareLoad(ctx: LedgerContext, filtered: boolean) {
  const where = (column: SQLiteColumn) => (filtered ? idIn(column) : undefined);
  const db = ctx.db;
  return {
    heads: db
      .select({ record: memberRecords, person: people, unitName: orgUnits.name, branchName: branches.name })
      .from(memberRecords)
      .innerJoin(people, eq(people.id, memberRecords.personId))
      .leftJoin(orgUnits, eq(orgUnits.id, people.unitId))
      .leftJoin(branches, eq(branches.id, memberRecords.branchId))
      .where(and(isNull(memberRecords.deletedAt), isNull(people.deletedAt), where(memberRecords.id)))
      .orderBy(asc(orgUnits.sortOrder), asc(memberRecords.id))
      .prepare(),
    steps: db.select().from(memberSteps).where(where(memberSteps.recordId)).orderBy(asc(memberSteps.stepNo)).prepare(),
    reviews: db.select().from(memberReviews).where(where(memberReviews.recordId)).prepare(),
    letters: db.select().from(reviewLetters).where(where(reviewLetters.recordId)).orderBy(asc(reviewLetters.date)).prepare(),
    periodic: db.select().from(memberPeriodic).where(and(where(memberPeriodic.recordId), isNull(memberPeriodic.deletedAt))).orderBy(asc(memberPeriodic.date)).prepare(),
    exits: db.select().from(memberExits).where(where(memberExits.recordId)).orderBy(asc(memberExits.date)).prepare(),
  };
}

type LoadStatements = ReturnType<typeof prepareLoad>;
// Building and preparing six queries cost more than running them for one file: every write loads its file.
const loadStatements = new WeakMap<object, { some: LoadStatements; all: LoadStatements }>();

function statementsOf(ctx: LedgerContext) {
  let s = loadStatements.get(ctx.sqlite);
  if (!s) loadStatements.set(ctx.sqlite, (s = { some: prepareLoad(ctx, true), all: prepareLoad(ctx, false) }));
  return s;
}

/**
 * Loads every live record (or the given ids) with a fixed number of queries, not one per record, so the list,
 * the 合规检查 and the reminders stay quick for a township's whole history.
 */
export function loadRecords(ctx: LedgerContext, ids?: number[]): LoadedRecord[] {
  const statements = statementsOf(ctx);
  const q = ids ? statements.some : statements.all;
  const params = ids ? { ids: JSON.stringify(ids) } : {};
  const heads = q.heads.all(params);
  if (heads.length === 0) return [];
  const steps = groupBy(q.steps.all(params));
  const reviews = new Map(q.reviews.all(params).map((r) => [r.recordId, r]));
  const letters = groupBy(q.letters.all(params));
  const periodic = groupBy(q.periodic.all(params));
  const exits = groupBy(q.exits.all(params));
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
