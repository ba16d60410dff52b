/** Re-judges every live 发展档案 against the rule table in force, in chunks, as the job members.rejudge. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { memberRecords, people } from '../../db/schema';
import { today, type LedgerContext } from '../context';
import type { JobReporter } from '../jobs/registry';
import { loadRecords } from './load';
import { judge } from './query';
import { ruleTableInForce } from './rule-service';

const CHUNK = 500;

export async function rejudgeAll(ctx: LedgerContext, reporter: JobReporter): Promise<{ files: number }> {
  const ids = ctx.db
    .select({ id: memberRecords.id })
    .from(memberRecords)
    .innerJoin(people, eq(people.id, memberRecords.personId))
    .where(and(isNull(memberRecords.deletedAt), isNull(people.deletedAt)))
    .orderBy(asc(memberRecords.id))
    .all()
    .map((r) => r.id);
  const table = ruleTableInForce(ctx);
  const now = today(ctx);
  let files = 0;
  reporter.progress(0, ids.length, `正在校验发展档案：0 / ${ids.length}`);
  for (let start = 0; start < ids.length; start += CHUNK) {
    await reporter.checkpoint();
    for (const loaded of loadRecords(ctx, ids.slice(start, start + CHUNK))) {
      judge(loaded, table, now);
      files++;
    }
    const done = Math.min(start + CHUNK, ids.length);
    reporter.progress(done, ids.length, `正在校验发展档案：${done} / ${ids.length}`);
  }
  return { files };
}
