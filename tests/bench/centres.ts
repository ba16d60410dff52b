/**
 * The benchmark's centres (issue 9: 500 centres with milestones and progress): villages added to the district's
 * township until there are 500, then the demo's centre generator for each, so every centre has its 11 milestones,
 * its monthly 形象进度 and its money, with the derived columns the services' refresh leaves.
 */
import { performance } from 'node:perf_hooks';
import { inTransaction } from '../../core/context';
import { generateDemoCentres } from '../../core/demo/centres';
import { seededRandom } from '../../core/demo/generate';
import { LedgerHost } from '../../core/host';

export async function generateCentres(dataDir: string, count: number): Promise<{ centres: number; milestones: number; ms: number }> {
  const host = new LedgerHost({ dataDir });
  await host.start();
  const ctx = host.context;
  try {
    const start = performance.now();
    const centres = inTransaction(ctx, () => {
      const have = ctx.sqlite.prepare("SELECT count(*) FROM org_units WHERE retired_at IS NULL AND kind IN ('村', '社区')").pluck().get() as number;
      const insert = ctx.sqlite.prepare("INSERT INTO org_units (name, kind, sort_order) VALUES (?, '村', ?)");
      for (let i = have; i < count; i++) insert.run(`基准${i + 1}村`, 1000 + i);
      return generateDemoCentres(ctx, seededRandom(20261205));
    });
    const milestones = ctx.sqlite.prepare('SELECT count(*) FROM centre_milestones').pluck().get() as number;
    return { centres, milestones, ms: performance.now() - start };
  } finally {
    await host.close();
  }
}
