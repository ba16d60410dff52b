/**
 * Re-judges every live 发展档案 against the rule table in force, as the job members.rejudge: judged in slices so
 * status and 取消 answer in between, then stored in one transaction after the last checkpoint, so a cancelled job
 * leaves every stored judgement as it was.
 */
import { today, type LedgerContext } from '../context';
import type { JobReporter } from '../jobs/registry';
import { judgeForStore, type StoredJudgement } from './judgement';
import { loadRecords } from './load';
import { ruleTableInForce } from './rule-service';
import { storeJudgements } from './state-store';

const CHUNK = 250;

export async function rejudgeAll(ctx: LedgerContext, reporter: JobReporter): Promise<{ files: number }> {
  const ids = ctx.sqlite.prepare('SELECT id FROM member_records WHERE deleted_at IS NULL ORDER BY id').pluck().all() as number[];
  const table = ruleTableInForce(ctx);
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
  storeJudgements(ctx, judged);
  return { files: judged.length };
}
