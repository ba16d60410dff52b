/**
 * `ledger check --recompute`: proves the stored judgement true. Every live file is judged again from its facts and
 * compared, as of today, with what the reads would show from the stored rows: its state, the findings in force and
 * its deadlines. A difference names the file and what differs.
 */
import { today as todayOf, type LedgerContext } from '../context';
import { activeOn } from './rules-context';
import { judgeForStore, type StoredState } from './judgement';
import { loadRecords } from './load';
import { rankOf, refreshProblemRanks } from './problem-rank';
import { ruleTableInForce } from './rule-service';
import { storedDeadlines, storedFindings } from './state-read';

export interface StateMismatch {
  recordId: number;
  personName: string;
  /** What differs, in the clerk's words. */
  problem: string;
}

export interface VerifyResult {
  files: number;
  mismatches: StateMismatch[];
}

const COMPARED: (keyof StoredState)[] = [
  'nameKey',
  'personName',
  'idNumber',
  'rulesVersion',
  'stage',
  'status',
  'statusGroup',
  'lastStep',
  'nextStep',
  'nextEarliest',
  'nextLatest',
  'probationEnd',
  'partyAgeStart',
  'activistOn',
  'approvedOn',
  'firstDate',
  'deadlineDue',
];

const CHUNK = 500;

export function verifyStoredState(ctx: LedgerContext): VerifyResult {
  const table = ruleTableInForce(ctx);
  const today = todayOf(ctx);
  const ids = ctx.sqlite.prepare('SELECT id FROM member_records WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
  const mismatches: StateMismatch[] = [];
  const stateOf = ctx.sqlite.prepare(
    `SELECT name_key AS nameKey, person_name AS personName, id_number AS idNumber, rules_version AS rulesVersion, judged_until AS judgedUntil, stage, status, status_group AS statusGroup, last_step AS lastStep,
       next_step AS nextStep, next_earliest AS nextEarliest, next_latest AS nextLatest, probation_end AS probationEnd,
       party_age_start AS partyAgeStart, activist_on AS activistOn, approved_on AS approvedOn, first_date AS firstDate,
       deadline_due AS deadlineDue, problem_rank AS problemRank
     FROM member_state WHERE record_id = ?`,
  );
  // The 问题 sort's rank as a read would see it today.
  refreshProblemRanks(ctx, today);
  let files = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const loaded = loadRecords(ctx, ids.slice(i, i + CHUNK));
    const chunkIds = loaded.map((l) => l.record.id);
    const findings = storedFindings(ctx, today, chunkIds);
    const deadlines = storedDeadlines(ctx, chunkIds);
    for (const l of loaded) {
      files++;
      const differ = (problem: string) => mismatches.push({ recordId: l.record.id, personName: l.person.name, problem });
      const expected = judgeForStore(l, table, today);
      const stored = stateOf.get(l.record.id) as (Partial<StoredState> & { judgedUntil: string; problemRank: number | null }) | undefined;
      if (!stored) {
        differ('没有保存的校验结果');
        continue;
      }
      if (stored.judgedUntil < today) differ(`保存的校验结果只算到 ${stored.judgedUntil}`);
      for (const key of COMPARED) {
        if ((stored[key] ?? null) !== (expected.state[key] ?? null)) differ(`${key}：保存为 ${String(stored[key] ?? '空')}，重新校验为 ${String(expected.state[key] ?? '空')}`);
      }
      const wanted = expected.findings.filter((f) => activeOn(f, today)).map((f) => `${f.ruleId}|${f.level}|${f.step ?? ''}|${f.message}|${f.explanation ?? ''}`);
      const have = (findings.get(l.record.id) ?? []).map((f) => `${f.ruleId}|${f.level}|${f.step ?? ''}|${f.message}|${f.explanation ?? ''}`);
      if (wanted.join('\n') !== have.join('\n')) differ(`问题清单不一致：保存 ${have.length} 条，重新校验 ${wanted.length} 条`);
      const due = (list: { kind: string; dueDate: string; finalDate?: string }[]) => list.map((d) => `${d.kind}|${d.dueDate}|${d.finalDate ?? ''}`).join('\n');
      if (due(expected.deadlines) !== due(deadlines.get(l.record.id) ?? [])) differ('到期事项不一致');
      const active = expected.findings.filter((f) => activeOn(f, today));
      const errors = active.filter((f) => f.level === 'error').length;
      const overdue = expected.deadlines.filter((d) => d.kind !== '培养期满' && d.dueDate < today).length;
      const rank = rankOf(errors, overdue, active.length - errors);
      if (stored.problemRank !== rank) differ(`问题排序值：保存为 ${String(stored.problemRank ?? '空')}，重新校验为 ${rank}`);
    }
  }
  return { files, mismatches };
}
