/**
 * The benchmark's reserve register at district scale (issue 8: 10,000 reserves, 30,000 training rows), loaded by
 * SQL into the ledger's own schema and then given its derived columns by the service's own refresh, so lists and
 * reports read exactly what a clerk's writes would have left.
 */
import dayjs from 'dayjs';
import { performance } from 'node:perf_hooks';
import { inTransaction, today } from '../../core/context';
import { seededRandom } from '../../core/demo/generate';
import { LedgerHost } from '../../core/host';
import { DEFAULT_RESERVE_CONFIG } from '../../core/reserves/config-schema';
import { splitFen } from '../../core/reserves/money';
import { refreshReserves } from '../../core/reserves/state';

export interface ReserveLoad {
  reserves: number;
  enrolments: number;
  ms: number;
}

export async function generateReserves(dataDir: string, size: { reserves: number; enrolments: number; seed?: number }): Promise<ReserveLoad> {
  const host = new LedgerHost({ dataDir });
  await host.start();
  const ctx = host.context;
  try {
    const start = performance.now();
    const rand = seededRandom(size.seed ?? 20261204);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const now = dayjs(today(ctx));
    const config = DEFAULT_RESERVE_CONFIG;
    const candidates = ctx.sqlite
      .prepare('SELECT id, unit_id AS unitId FROM people WHERE deleted_at IS NULL AND birth_date BETWEEN ? AND ? ORDER BY id')
      .all(now.subtract(45, 'year').format('YYYY-MM-DD'), now.subtract(22, 'year').format('YYYY-MM-DD')) as { id: number; unitId: number }[];
    if (candidates.length < size.reserves) throw new Error(`适龄人员只有 ${candidates.length} 人，不够 ${size.reserves} 名后备人才`);
    const stride = candidates.length / size.reserves;
    const ids: number[] = [];
    inTransaction(ctx, () => {
      const insert = ctx.sqlite.prepare(
        `INSERT INTO reserves (person_id, unit_id, post_direction, source, nomination_method, nominated_on, village_review_on, town_review_on, status, status_on)
         VALUES (?, ?, ?, ?, '组织推荐', ?, ?, ?, '推荐', ?)`,
      );
      const event = ctx.sqlite.prepare('INSERT INTO reserve_events (reserve_id, kind, date, reason, post, chain) VALUES (?, ?, ?, ?, ?, ?)');
      for (let i = 0; i < size.reserves; i++) {
        const c = candidates[Math.floor(i * stride)]!;
        const nominated = now.subtract(100 + Math.floor(rand() * 1500), 'day');
        const [n, v, t] = [nominated, nominated.add(20, 'day'), nominated.add(45, 'day')].map((d) => d.format('YYYY-MM-DD')) as [string, string, string];
        const id = Number(insert.run(c.id, c.unitId, i % 4 === 0 ? '书记后备' : '两委委员后备', pick(config.sources), n, v, t, n).lastInsertRowid);
        event.run(id, '推荐', n, '组织推荐', null, 1);
        event.run(id, '考察', v, '村党组织考察初审', null, 1);
        event.run(id, '入库', t, '乡镇党委复审通过', null, 1);
        const roll = rand();
        if (roll < 0.08) event.run(id, '任用', nominated.add(90, 'day').format('YYYY-MM-DD'), null, '村委会委员', 0);
        else if (roll < 0.14) event.run(id, '出库', nominated.add(90, 'day').format('YYYY-MM-DD'), '本人申请退出', null, 0);
        ids.push(id);
      }
      // Half the rows are 集中培训 classes of 50, the rest single placements, spread over the last three years.
      const training = ctx.sqlite.prepare(
        `INSERT INTO reserve_trainings (type, title, host, start_on, end_on, hours, cost_fen, funding_source, cost_item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const enrol = ctx.sqlite.prepare('INSERT INTO reserve_enrolments (training_id, reserve_id, seq, cost_fen) VALUES (?, ?, ?, ?)');
      let rows = 0;
      while (rows < size.enrolments) {
        const start = now.subtract(Math.floor(rand() * 1000), 'day');
        const isClass = rows < size.enrolments / 2;
        const count = Math.min(isClass ? 50 : 1, size.enrolments - rows);
        const type = isClass ? '集中培训' : pick(config.trainingTypes.filter((x) => x !== '集中培训'));
        const cost = isClass ? 1_000_000 + Math.floor(rand() * 1_000_000) : Math.floor(rand() * 300_000);
        const tid = Number(
          training.run(type, `${type}${rows}`, '湟中区委党校', start.format('YYYY-MM-DD'), start.add(5, 'day').format('YYYY-MM-DD'), isClass ? 32 : 0, cost, pick(config.fundingSources), isClass ? '集中培训' : '挂职补贴').lastInsertRowid,
        );
        const first = Math.floor(rand() * (ids.length - count));
        splitFen(cost, count).forEach((fen, k) => enrol.run(tid, ids[first + k]!, k + 1, fen));
        rows += count;
      }
      refreshReserves(ctx, ids);
      return rows;
    });
    const enrolments = ctx.sqlite.prepare('SELECT count(*) FROM reserve_enrolments').pluck().get() as number;
    return { reserves: ids.length, enrolments, ms: performance.now() - start };
  } finally {
    await host.close();
  }
}
