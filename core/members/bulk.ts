/**
 * Many 发展档案 at once, with their whole history (demo data, the district benchmark, later an import): every row
 * goes in through prepared statements in one transaction, and the files are judged in that same transaction, so
 * what is stored reads back exactly as files typed one by one would (architecture.md, "Bulk writes").
 * Nothing here checks the rules: the judgement that follows records whatever the history breaks.
 */
import type Database from 'better-sqlite3';
import { inTransaction, type LedgerContext } from '../context';
import type { MeetingCounts } from './record';
import type { StoredPerson } from './load';
import { rejudge } from './state-store';
import type { StepNo } from './steps';

export interface BulkStep {
  stepNo: StepNo;
  date: string;
  people?: StoredPerson[] | null;
  meeting?: MeetingCounts | null;
  publicityFrom?: string | null;
  publicityTo?: string | null;
  trainingDays?: number | null;
  trainingHours?: number | null;
  overrideReason?: string | null;
  note?: string | null;
}

export interface BulkReview {
  talkDate?: string | null;
  talkBy?: string | null;
  talkSummary?: string | null;
  reportDate?: string | null;
  reportMaterials?: string | null;
  examDate?: string | null;
  conclusionResult?: '合格' | '不合格' | null;
  conclusionDate?: string | null;
  conclusionSigner?: string | null;
}

export interface BulkFile {
  personId: number;
  branchId: number | null;
  leagueMember?: boolean;
  leagueRecommendDate?: string | null;
  leavingSoon?: boolean;
  note?: string | null;
  steps: BulkStep[];
  /** 考察 and 思想汇报. */
  periodic?: { kind: '考察' | '思想汇报'; date: string; summary?: string | null }[];
  review?: BulkReview | null;
  letters?: { date: string; target: string; replyDate?: string | null }[];
  exits?: { kind: string; date: string; months?: number | null; meetingDate?: string | null; approvalDate?: string | null; reason?: string | null }[];
}

function prepare(sqlite: Database.Database) {
  return {
    record: sqlite.prepare('INSERT INTO member_records (person_id, branch_id, league_member, league_recommend_date, leaving_soon, note) VALUES (?, ?, ?, ?, ?, ?)'),
    step: sqlite.prepare(
      `INSERT INTO member_steps (record_id, step_no, date, people, meeting, publicity_from, publicity_to, training_days, training_hours, override_reason, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    periodic: sqlite.prepare('INSERT INTO member_periodic (record_id, kind, date, summary) VALUES (?, ?, ?, ?)'),
    review: sqlite.prepare(
      `INSERT INTO member_reviews (record_id, talk_date, talk_by, talk_summary, report_date, report_materials, exam_date, conclusion_result, conclusion_date, conclusion_signer)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    letter: sqlite.prepare('INSERT INTO review_letters (record_id, date, target, reply_date) VALUES (?, ?, ?, ?)'),
    exit: sqlite.prepare('INSERT INTO member_exits (record_id, kind, date, months, meeting_date, approval_date, reason) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
}

const json = (value: unknown) => (value ? JSON.stringify(value) : null);

/** Inserts every file or none and returns their ids in the files' order, each judged and its judgement stored. */
export function insertFilesBatch(ctx: LedgerContext, files: readonly BulkFile[]): number[] {
  if (files.length === 0) return [];
  return inTransaction(ctx, () => {
    const s = prepare(ctx.sqlite);
    const ids = files.map((f) => {
      const id = Number(s.record.run(f.personId, f.branchId, f.leagueMember ? 1 : 0, f.leagueRecommendDate ?? null, f.leavingSoon ? 1 : 0, f.note ?? null).lastInsertRowid);
      for (const st of f.steps) {
        s.step.run(
          id,
          st.stepNo,
          st.date,
          json(st.people),
          json(st.meeting),
          st.publicityFrom ?? null,
          st.publicityTo ?? null,
          st.trainingDays ?? null,
          st.trainingHours ?? null,
          st.overrideReason ?? null,
          st.note ?? null,
        );
      }
      for (const p of f.periodic ?? []) s.periodic.run(id, p.kind, p.date, p.summary ?? null);
      for (const l of f.letters ?? []) s.letter.run(id, l.date, l.target, l.replyDate ?? null);
      const r = f.review;
      if (r) {
        s.review.run(id, r.talkDate ?? null, r.talkBy ?? null, r.talkSummary ?? null, r.reportDate ?? null, r.reportMaterials ?? null, r.examDate ?? null, r.conclusionResult ?? null, r.conclusionDate ?? null, r.conclusionSigner ?? null);
      }
      for (const e of f.exits ?? []) s.exit.run(id, e.kind, e.date, e.months ?? null, e.meetingDate ?? null, e.approvalDate ?? null, e.reason ?? null);
      return id;
    });
    // Through the same judge every service write uses, before the transaction ends: no read sees them unjudged.
    rejudge(ctx, ids);
    return ids;
  });
}
