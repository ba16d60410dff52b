/**
 * Writes the stored judgement of 发展档案 (judgement.ts) and keeps it current. Every service that changes a
 * file's facts calls `rejudge` inside its own transaction; reads call `ensureJudged` first, which re-judges only
 * what a new day or a new rule-table version has made stale (an indexed look, not a scan).
 */
import type Database from 'better-sqlite3';
import { inTransaction, today, type LedgerContext } from '../context';
import { judgeForStore, type StoredJudgement } from './judgement';
import { loadRecords } from './load';
import { rankProblems } from './problem-rank';
import type { RuleTable } from './rule-table';
import { ruleTableInForce } from './rule-service';

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  return {
    clearFindings: sqlite.prepare('DELETE FROM member_findings WHERE record_id = ?'),
    clearDeadlines: sqlite.prepare('DELETE FROM member_deadlines WHERE record_id = ?'),
    clearState: sqlite.prepare('DELETE FROM member_state WHERE record_id = ?'),
    state: sqlite.prepare(
      `INSERT OR REPLACE INTO member_state (record_id, person_id, unit_id, branch_id, name_key, person_name, id_number, rules_version, judged_on, judged_until, stage, status, status_group,
         last_step, next_step, next_earliest, next_latest, probation_end, party_age_start, activist_on, approved_on,
         first_date, deadline_due)
       VALUES (@recordId, @personId, @unitId, @branchId, @nameKey, @personName, @idNumber, @rulesVersion, @judgedOn, @judgedUntil, @stage, @status, @statusGroup, @lastStep, @nextStep,
         @nextEarliest, @nextLatest, @probationEnd, @partyAgeStart, @activistOn, @approvedOn, @firstDate, @deadlineDue)`,
    ),
    finding: sqlite.prepare(
      `INSERT INTO member_findings (record_id, seq, rule_id, level, hard, step, field, message, dates, explanation, active_from, active_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    deadline: sqlite.prepare(
      `INSERT INTO member_deadlines (record_id, kind, rule_id, step, due_date, final_date, overdue_level, facts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

function statementsOf(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) statements.set(sqlite, (s = prepare(sqlite)));
  return s;
}

function write(sqlite: Database.Database, j: StoredJudgement): void {
  const s = statementsOf(sqlite);
  const id = j.state.recordId;
  s.clearFindings.run(id);
  s.clearDeadlines.run(id);
  s.state.run(j.state);
  j.findings.forEach((f, seq) =>
    s.finding.run(id, seq, f.ruleId, f.level, f.hard ? 1 : 0, f.step ?? null, f.field ?? null, f.message, JSON.stringify(f.dates), f.explanation ?? null, f.activeFrom ?? null, f.activeUntil ?? null),
  );
  for (const d of j.deadlines) s.deadline.run(id, d.kind, d.ruleId, d.step, d.dueDate, d.finalDate ?? null, d.overdueLevel, JSON.stringify(d.facts));
  rankProblems(sqlite, id, j.state.judgedOn);
}

/** Stores judgements already made (the re-judge job judges in slices, then writes everything at once). */
export function storeJudgements(ctx: LedgerContext, judgements: readonly StoredJudgement[]): void {
  inTransaction(ctx, () => {
    for (const j of judgements) write(ctx.sqlite, j);
  });
}

/** Judges the given files from their facts and stores the result; a file no longer live loses its stored state. */
export function rejudge(ctx: LedgerContext, recordIds: readonly number[], table: RuleTable = ruleTableInForce(ctx), now: string = today(ctx)): number {
  if (recordIds.length === 0) return 0;
  return inTransaction(ctx, () => {
    const loaded = loadRecords(ctx, [...recordIds]);
    const live = new Set(loaded.map((l) => l.record.id));
    const s = statementsOf(ctx.sqlite);
    for (const id of recordIds) {
      if (live.has(id)) continue;
      s.clearFindings.run(id);
      s.clearDeadlines.run(id);
      s.clearState.run(id);
    }
    for (const l of loaded) write(ctx.sqlite, judgeForStore(l, table, now));
    return loaded.length;
  });
}

/** Every file of the people given: a person's birth date, education or occupation feed the rules. */
export function rejudgePeople(ctx: LedgerContext, personIds: readonly number[]): number {
  if (personIds.length === 0) return 0;
  const ids = ctx.sqlite
    .prepare(`SELECT id FROM member_records WHERE person_id IN (${personIds.map(() => '?').join(',')})`)
    .pluck()
    .all(...personIds) as number[];
  return rejudge(ctx, ids);
}

/**
 * Live files whose stored judgement is missing, made by another rule-table version, or past its look-ahead; and
 * files no longer live that still have one (re-judging a file that is not live removes its row).
 */
export function staleRecordIds(ctx: LedgerContext, table: RuleTable, now: string): number[] {
  return ctx.sqlite
    .prepare(
      `SELECT r.id FROM member_records r JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL
       LEFT JOIN member_state s ON s.record_id = r.id
       WHERE r.deleted_at IS NULL AND (s.record_id IS NULL OR s.rules_version <> ? OR s.judged_until < ?)
       UNION
       SELECT s.record_id FROM member_state s JOIN member_records r ON r.id = s.record_id JOIN people p ON p.id = r.person_id
       WHERE r.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL
       ORDER BY 1`,
    )
    .pluck()
    .all(table.version, now) as number[];
}

const CHUNK = 500;

/** Re-judges the given files in chunks, reporting progress; all in the caller's transaction if there is one. */
export function rejudgeInChunks(ctx: LedgerContext, ids: readonly number[], onChunk?: (done: number, total: number) => void): number {
  const table = ruleTableInForce(ctx);
  const now = today(ctx);
  let done = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    done += rejudge(ctx, ids.slice(i, i + CHUNK), table, now);
    onChunk?.(Math.min(i + CHUNK, ids.length), ids.length);
  }
  return done;
}

/**
 * Before a read: are all stored judgements made by the table in force, within their look-ahead, and present for
 * every file (the newest at least: `repairJudgements` at open finds any other gap)? Index look-ups answer it; only when one says no are the stale files found and judged.
 */
export function ensureJudged(ctx: LedgerContext): { table: RuleTable; today: string } {
  const table = ruleTableInForce(ctx);
  const now = today(ctx);
  if (!judgementsFresh(ctx, table, now)) inTransaction(ctx, () => rejudgeInChunks(ctx, staleRecordIds(ctx, table, now)));
  return { table, today: now };
}

function judgementsFresh(ctx: LedgerContext, table: RuleTable, now: string): boolean {
  const probe = ctx.sqlite
    .prepare(
      `SELECT (SELECT min(rules_version) FROM member_state) AS minVersion, (SELECT max(rules_version) FROM member_state) AS maxVersion,
              (SELECT min(judged_until) FROM member_state) AS until, (SELECT max(record_id) FROM member_state) AS lastJudged,
              (SELECT max(r.id) FROM member_records r JOIN people p ON p.id = r.person_id AND p.deleted_at IS NULL WHERE r.deleted_at IS NULL) AS lastRecord`,
    )
    .get() as { minVersion: number | null; maxVersion: number | null; until: string | null; lastJudged: number | null; lastRecord: number | null };
  return (
    probe.lastRecord === null ||
    (probe.minVersion === table.version && probe.maxVersion === table.version && probe.until !== null && probe.until >= now && probe.lastJudged !== null && probe.lastJudged >= probe.lastRecord)
  );
}

/**
 * At open: judges any live file that has no stored judgement or a stale one (a database from before it was
 * stored, or one an older build wrote to). The index probe of ensureJudged and a count of live files against
 * stored rows answer "nothing to do" in a few milliseconds; only when they disagree is every file compared.
 */
export function repairJudgements(ctx: LedgerContext): number {
  const table = ruleTableInForce(ctx);
  const now = today(ctx);
  if (judgementsFresh(ctx, table, now)) {
    const counts = ctx.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM member_state) AS stored,
                -- Files not deleted, less those of deleted people: two index looks instead of a join over every file.
                (SELECT count(*) FROM member_records WHERE deleted_at IS NULL)
                  - (SELECT count(*) FROM member_records r WHERE r.deleted_at IS NULL AND r.person_id IN (SELECT id FROM people WHERE deleted_at IS NOT NULL)) AS live`,
      )
      .get() as { stored: number; live: number };
    if (counts.stored === counts.live) return 0;
  }
  const ids = staleRecordIds(ctx, table, now);
  return ids.length ? inTransaction(ctx, () => rejudgeInChunks(ctx, ids)) : 0;
}
