/**
 * Re-judging every live 发展档案 as a job (core/jobs): judged in slices so status and 取消 answer in between, then
 * stored in one transaction after the last checkpoint, so a cancelled job leaves every stored judgement as it was.
 * members.rejudge judges by the table in force; members.updateRules judges by the new version first and saves the
 * version and the judgements together, so no read ever sees files judged by a table that is not in force.
 */
import { inTransaction, today, type LedgerContext } from '../context';
import type { JobReporter } from '../jobs/registry';
import { judgeForStore, type StoredJudgement } from './judgement';
import { loadRecords } from './load';
import type { RuleTable, RuleTableOverrides } from './rule-table';
import { planRuleTable, ruleTableInForce, saveRuleTable } from './rule-service';
import { storeJudgements } from './state-store';

const CHUNK = 250;

async function judgeAll(ctx: LedgerContext, table: RuleTable, reporter: JobReporter): Promise<StoredJudgement[]> {
  const ids = ctx.sqlite.prepare('SELECT id FROM member_records WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
  const now = today(ctx);
  const judged: StoredJudgement[] = [];
  reporter.progress(0, ids.length, `正在校验发展档案：0 / ${ids.length}`);
  for (let start = 0; start < ids.length; start += CHUNK) {
    await reporter.checkpoint();
    for (const loaded of loadRecords(ctx, ids.slice(start, start + CHUNK))) judged.push(judgeForStore(loaded, table, now));
    const done = Math.min(start + CHUNK, ids.length);
    reporter.progress(done, ids.length, `正在校验发展档案：${done} / ${ids.length}`);
  }
  await reporter.checkpoint();
  reporter.progress(ids.length, ids.length, `正在保存校验结果：${judged.length} 份`);
  return judged;
}

export async function rejudgeAll(ctx: LedgerContext, reporter: JobReporter): Promise<{ files: number }> {
  const judged = await judgeAll(ctx, ruleTableInForce(ctx), reporter);
  storeJudgements(ctx, judged);
  return { files: judged.length };
}

/**
 * A rule-table edit: a version that is in force today re-judges every file first. One with a later 施行日期 is
 * only saved; the first read on that day finds the files judged by another version and re-judges them.
 */
export async function changeRules(ctx: LedgerContext, overrides: RuleTableOverrides, reporter: JobReporter): Promise<{ version: number; files: number }> {
  const plan = planRuleTable(ctx, overrides);
  const judged = plan.inForceNow ? await judgeAll(ctx, plan.next, reporter) : [];
  inTransaction(ctx, () => {
    saveRuleTable(ctx, plan);
    storeJudgements(ctx, judged);
  });
  return { version: plan.next.version, files: judged.length };
}
