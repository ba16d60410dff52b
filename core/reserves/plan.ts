/** The plan page, the funds view and 首页: target against actual, counted in SQL over the stored state. */
import { today, type LedgerContext } from '../context';
import { cachedStatement } from '../schema/statements';
import { SECRETARY_DIRECTION } from './codes';
import { getReserveConfig } from './config';
import type { ReserveConfig } from './config-schema';
import { FROM_RESERVES, POOL_UNITS_SQL, bornAfterForMaxAge, educationCodesSql } from './sql';
import { groupsAtLeast, percentOf, townshipGap, villageGap, type VillageCounts, type VillageGap } from './targets';

/** 在库 counts per pool village today, with every pool village listed (a village with nobody is the worst gap). */
export function villageCounts(ctx: LedgerContext, config: ReserveConfig): VillageCounts[] {
  const on = today(ctx);
  const educated = groupsAtLeast(config.plan.minEducationGroup).map(educationCodesSql).join(', ');
  const counts = cachedStatement(
    ctx.sqlite,
    `SELECT r.unit_id AS unitId, count(*) AS pool,
       sum(r.post_direction = ?) AS secretaries, sum(p.gender = '女') AS women,
       sum(p.birth_date > ?) AS young, sum(p.education IN (${educated})) AS educated
     ${FROM_RESERVES} AND r.status = '在库' GROUP BY r.unit_id`,
  ).all(SECRETARY_DIRECTION, bornAfterForMaxAge(on, 35)) as Omit<VillageCounts, 'unitName'>[];
  const byUnit = new Map(counts.map((c) => [c.unitId, c]));
  const units = cachedStatement(ctx.sqlite, POOL_UNITS_SQL).all() as { id: number; name: string }[];
  return units.map((u) => ({ unitId: u.id, unitName: u.name, pool: 0, secretaries: 0, women: 0, young: 0, educated: 0, ...byUnit.get(u.id) }));
}

export function villageGaps(ctx: LedgerContext, config = getReserveConfig(ctx)): VillageGap[] {
  return villageCounts(ctx, config).map((c) => villageGap(c, config.plan));
}

function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

export function planView(ctx: LedgerContext, year?: number | null) {
  const config = getReserveConfig(ctx);
  const y = year ?? Number(today(ctx).slice(0, 4));
  const counts = villageCounts(ctx, config);
  const villages = counts.map((c) => villageGap(c, config.plan));
  const sum = (f: (c: VillageCounts) => number) => counts.reduce((s, c) => s + f(c), 0);
  const pool = sum((c) => c.pool);
  const young = sum((c) => c.young);
  const byType = cachedStatement(
    ctx.sqlite,
    `SELECT t.type, count(DISTINCT e.reserve_id) AS people, count(*) AS times FROM reserve_trainings t
       JOIN reserve_enrolments e ON e.training_id = t.id JOIN reserves r ON r.id = e.reserve_id
     WHERE t.deleted_at IS NULL AND r.deleted_at IS NULL AND t.start_on BETWEEN ? AND ? GROUP BY t.type`,
  ).all(...yearRange(y)) as { type: string; people: number; times: number }[];
  const found = new Map(byType.map((t) => [t.type, t]));
  return {
    villages,
    township: townshipGap(villages),
    structure: { pool, young, youngPercent: percentOf(young, pool), youngTarget: config.plan.youngSharePercent, educated: sum((c) => c.educated), women: sum((c) => c.women) },
    noSecretary: villages.filter((v) => v.secretaries === 0).map((v) => v.unitName),
    year: y,
    trainings: config.trainingTypes.map((type) => ({ type, target: config.plan.yearTargets[type] ?? null, people: found.get(type)?.people ?? 0, times: found.get(type)?.times ?? 0 })),
    budgetFen: config.plan.budgetFen,
    spentFen: spentFen(ctx, y),
  };
}

function spentFen(ctx: LedgerContext, year: number): number {
  return cachedStatement(ctx.sqlite, 'SELECT coalesce(sum(cost_fen), 0) FROM reserve_trainings WHERE deleted_at IS NULL AND start_on BETWEEN ? AND ?', 'pluck').get(
    ...yearRange(year),
  ) as number;
}

/** Spending of a year by type, source, item and month; every breakdown sums to the same total in 分. */
export function fundsView(ctx: LedgerContext, year?: number | null) {
  const config = getReserveConfig(ctx);
  const y = year ?? Number(today(ctx).slice(0, 4));
  const by = (expr: string) =>
    cachedStatement(
      ctx.sqlite,
      `SELECT coalesce(${expr}, '未填') AS key, sum(cost_fen) AS fen FROM reserve_trainings
       WHERE deleted_at IS NULL AND cost_fen > 0 AND start_on BETWEEN ? AND ? GROUP BY 1 ORDER BY 1`,
    ).all(...yearRange(y)) as { key: string; fen: number }[];
  return {
    year: y,
    budgetFen: config.plan.budgetFen,
    totalFen: spentFen(ctx, y),
    byType: by('type'),
    bySource: by('funding_source'),
    byItem: by('cost_item'),
    byMonth: by('substr(start_on, 1, 7)'),
  };
}

export function reservesOverview(ctx: LedgerContext) {
  const config = getReserveConfig(ctx);
  const year = Number(today(ctx).slice(0, 4));
  const [from, to] = yearRange(year);
  const bySource = cachedStatement(ctx.sqlite, `SELECT r.source AS key, count(*) AS count ${FROM_RESERVES} AND r.status = '在库' GROUP BY r.source ORDER BY count DESC`).all() as {
    key: string;
    count: number;
  }[];
  const trainedThisYear = cachedStatement(
    ctx.sqlite,
    `SELECT count(DISTINCT e.reserve_id) FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id JOIN reserves r ON r.id = e.reserve_id
     WHERE t.deleted_at IS NULL AND r.deleted_at IS NULL AND t.start_on BETWEEN ? AND ?`,
    'pluck',
  ).get(from, to) as number;
  const gaps = villageGaps(ctx, config);
  return {
    pool: bySource.reduce((s, x) => s + x.count, 0),
    bySource,
    trainedThisYear,
    fundsUsedFen: spentFen(ctx, year),
    budgetFen: config.plan.budgetFen,
    villagesBelowTarget: gaps.filter((g) => g.gap > 0 || g.secretaryGap > 0).length,
    noSecretary: gaps.filter((g) => g.secretaries === 0).length,
  };
}
