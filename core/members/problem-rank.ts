/**
 * The 发展党员 list's 问题 sort (most errors first, then overdue deadlines, then warnings) as one stored, indexed
 * number per file. The counts depend on today, so each rank is stored with the span of days it holds: it changes
 * only on a day a finding comes into or goes out of force or a deadline passes. A write ranks its file for the day
 * it was judged; a 问题 sort first re-ranks the files whose span today has left (a few on a new day, an index look
 * when none), so the page is read from the rank index instead of aggregating every finding of every file.
 */
import type Database from 'better-sqlite3';
import type { LedgerContext } from '../context';
import { FINDING_ACTIVE } from './state-read';

/** Each count takes three decimal places of the rank; a file with 1,000 errors sorts as one with 999. */
const PLACE = 1000;
const NEVER = "'9999-12-31'";

const OVERDUE = "d.kind <> '培养期满' AND d.due_date < @today";

const RANK = `(SELECT coalesce(min(sum(f.level = 'error'), ${PLACE - 1}) * ${PLACE * PLACE} + min(sum(f.level = 'warning'), ${PLACE - 1}), 0)
     FROM member_findings f WHERE f.record_id = member_state.record_id AND ${FINDING_ACTIVE})
  + (SELECT min(count(*), ${PLACE - 1}) * ${PLACE} FROM member_deadlines d WHERE d.record_id = member_state.record_id AND ${OVERDUE})`;

/** The first day after @today on which one of the counts can change. */
const UNTIL = `min(
    coalesce((SELECT min(f.active_from) FROM member_findings f WHERE f.record_id = member_state.record_id AND f.active_from > @today), ${NEVER}),
    coalesce((SELECT date(min(f.active_until), '+1 day') FROM member_findings f WHERE f.record_id = member_state.record_id AND f.active_until >= @today), ${NEVER}),
    coalesce((SELECT date(min(d.due_date), '+1 day') FROM member_deadlines d WHERE d.record_id = member_state.record_id AND d.kind <> '培养期满' AND d.due_date >= @today), ${NEVER}))`;

const SET = `SET problem_rank = ${RANK}, problem_rank_on = @today, problem_rank_until = ${UNTIL}`;

const statements = new WeakMap<Database.Database, { one: Database.Statement; stale: Database.Statement }>();

function statementsOf(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {
      one: sqlite.prepare(`UPDATE member_state ${SET} WHERE record_id = @id`),
      // Three index ranges: never ranked (just re-judged), ranked for a span that has ended, ranked on a later day.
      stale: sqlite.prepare(
        `UPDATE member_state ${SET} WHERE record_id IN (
           SELECT record_id FROM member_state WHERE problem_rank_until IS NULL
           UNION ALL SELECT record_id FROM member_state WHERE problem_rank_until <= @today
           UNION ALL SELECT record_id FROM member_state WHERE problem_rank_on > @today)`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

/** Ranks one file for the day it was judged; called right after its judgement is stored. */
export function rankProblems(sqlite: Database.Database, recordId: number, today: string): void {
  statementsOf(sqlite).one.run({ id: recordId, today });
}

/** Before a 问题 sort: every live file's rank made true for today. Returns how many were re-ranked. */
export function refreshProblemRanks(ctx: LedgerContext, today: string): number {
  return statementsOf(ctx.sqlite).stale.run({ today }).changes;
}

/** A condition on a rank: the file has an error or a warning in force (an overdue deadline alone is not a finding). */
export function hasFindings(rank: string): string {
  return `(${rank} >= ${PLACE * PLACE} OR ${rank} % ${PLACE} > 0)`;
}

/** The rank the SQL above stores, worked out from a fresh judgement: what `ledger check --recompute` compares. */
export function rankOf(errors: number, overdue: number, warnings: number): number {
  const cap = (n: number) => Math.min(n, PLACE - 1);
  return cap(errors) * PLACE * PLACE + cap(overdue) * PLACE + cap(warnings);
}
