/**
 * The figures of the 后备人才培养情况统计表, counted in SQL (GROUP BY village) and only assembled here:
 * - the pool: reserves whose status at the end of the period's last day is 在库 (the history replayed in SQL);
 * - trainings by type: 人数 (distinct people) and 人次 (enrolments) of live trainings started in the period,
 *   for live reserves whatever their status now;
 * - village affairs: participations in live affairs dated in the period;
 * - funds: the enrolment shares (分) of live trainings started in the period, by the trainee's village. Every
 *   share is counted, a removed reserve's too: the money was spent, and the shares add up to each class's cost,
 *   so the township total equals the 培训经费使用明细表 of the same period to the 分.
 */
import type { LedgerContext } from '../../context';
import { EDUCATION_GROUPS } from '../../people/codes';
import type { ReportParams } from '../../reports/definition';
import { cachedStatement } from '../../schema/statements';
import { AGE_BANDS, PARTY_MEMBER_STATUSES } from '../codes';
import type { ReserveConfig } from '../config-schema';
import { EDUCATION_GROUP_SQL, FROM_RESERVES, POLITICAL_SQL, ageBandSql, statusAsOfSql } from '../sql';
import { reportUnits, unitsWhere, type ReportUnit } from './common';

/** Counts keyed `${unitId}|${key}`. */
type Counts = Map<string, number>;

export interface StatsUnitRow {
  unit: ReportUnit;
  total: number;
  sources: number[];
  ages: number[];
  educations: number[];
  party: number;
  /** Per configured training type. */
  trainedPeople: number[];
  trainedTimes: number[];
  affairs: number;
  fundsFen: number;
  target: number;
  gap: number;
}

export interface StatsData {
  rows: StatsUnitRow[];
  totals: Omit<StatsUnitRow, 'unit'>;
  /** 在库 at the period end whose source is not in the township's list / who have no 学历 entered / no birth date. */
  otherSource: number;
  noEducation: number;
}

const key = (unitId: number, k: unknown) => `${unitId}|${String(k)}`;

export function statsData(ctx: LedgerContext, config: ReserveConfig, params: Pick<ReportParams, 'unitIds'>, period: { from: string; to: string }): StatsData {
  const units = unitsWhere(params);
  const to = period.to;
  // The pool at the period's end. ageBandSql takes a date literal; `to` has passed the isoDate check of the
  // export input (or is the ledger's own today), so it is digits and dashes only.
  const pool = `${FROM_RESERVES}${units.sql} AND ${statusAsOfSql('@to')} = '在库'`;
  const grouped = (expr: string): Counts => {
    const rows = cachedStatement(ctx.sqlite, `SELECT r.unit_id AS unitId, ${expr} AS k, count(*) AS n ${pool} GROUP BY 1, 2`).all({ to, ...units.bind }) as {
      unitId: number;
      k: unknown;
      n: number;
    }[];
    return new Map(rows.map((r) => [key(r.unitId, r.k), r.n]));
  };
  const partyList = PARTY_MEMBER_STATUSES.map((s) => `'${s}'`).join(', ');
  const totalBy = grouped("'all'");
  const bySource = grouped('r.source');
  const byAge = grouped(ageBandSql(assertIsoDate(to)));
  const byEducation = grouped(`coalesce(${EDUCATION_GROUP_SQL}, '未填')`);
  const byParty = grouped(`(${POLITICAL_SQL}) IN (${partyList})`);

  const range = { from: period.from, to, ...units.bind };
  const unitIn = units.sql;
  const trainings = cachedStatement(
    ctx.sqlite,
    `SELECT r.unit_id AS unitId, t.type, count(DISTINCT e.reserve_id) AS people, count(*) AS times
     FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id JOIN reserves r ON r.id = e.reserve_id JOIN people p ON p.id = r.person_id
     WHERE t.deleted_at IS NULL AND r.deleted_at IS NULL AND p.deleted_at IS NULL AND t.start_on BETWEEN @from AND @to${unitIn}
     GROUP BY 1, 2`,
  ).all(range) as { unitId: number; type: string; people: number; times: number }[];
  const trained = new Map(trainings.map((t) => [key(t.unitId, t.type), t]));
  const affairs = new Map(
    (
      cachedStatement(
        ctx.sqlite,
        `SELECT r.unit_id AS unitId, count(*) AS n
         FROM reserve_affair_participants x JOIN reserve_affairs a ON a.id = x.affair_id JOIN reserves r ON r.id = x.reserve_id JOIN people p ON p.id = r.person_id
         WHERE a.deleted_at IS NULL AND r.deleted_at IS NULL AND p.deleted_at IS NULL AND a.date BETWEEN @from AND @to${unitIn}
         GROUP BY 1`,
      ).all(range) as { unitId: number; n: number }[]
    ).map((a) => [a.unitId, a.n]),
  );
  const funds = new Map(
    (
      cachedStatement(
        ctx.sqlite,
        `SELECT r.unit_id AS unitId, sum(e.cost_fen) AS fen
         FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id JOIN reserves r ON r.id = e.reserve_id
         WHERE t.deleted_at IS NULL AND t.start_on BETWEEN @from AND @to${unitIn}
         GROUP BY 1`,
      ).all(range) as { unitId: number; fen: number }[]
    ).map((f) => [f.unitId, f.fen]),
  );

  // Every unit with any figure gets its row, so the 合计 is always the sum of the rows above it.
  const withFigures = new Set<number>([...totalBy.keys()].map((k) => Number(k.split('|')[0])));
  for (const t of trainings) withFigures.add(t.unitId);
  for (const id of [...affairs.keys(), ...funds.keys()]) withFigures.add(id);
  const get = (m: Counts, unitId: number, k: unknown) => m.get(key(unitId, k)) ?? 0;

  const rows: StatsUnitRow[] = reportUnits(ctx, params, withFigures).map((unit) => {
    const total = get(totalBy, unit.id, 'all');
    const target = unit.pool ? config.plan.minPerVillage : 0;
    return {
      unit,
      total,
      sources: config.sources.map((s) => get(bySource, unit.id, s)),
      ages: AGE_BANDS.map((b) => get(byAge, unit.id, b.key)),
      educations: EDUCATION_GROUPS.map((g) => get(byEducation, unit.id, g)),
      // SQLite gives a boolean expression as 1 / 0.
      party: get(byParty, unit.id, 1),
      trainedPeople: config.trainingTypes.map((t) => trained.get(key(unit.id, t))?.people ?? 0),
      trainedTimes: config.trainingTypes.map((t) => trained.get(key(unit.id, t))?.times ?? 0),
      affairs: affairs.get(unit.id) ?? 0,
      fundsFen: funds.get(unit.id) ?? 0,
      target,
      gap: Math.max(0, target - total),
    };
  });

  const sum = (f: (r: StatsUnitRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const sumAt = (f: (r: StatsUnitRow) => number[], n: number) => Array.from({ length: n }, (_, i) => sum((r) => f(r)[i]!));
  const totals = {
    total: sum((r) => r.total),
    sources: sumAt((r) => r.sources, config.sources.length),
    ages: sumAt((r) => r.ages, AGE_BANDS.length),
    educations: sumAt((r) => r.educations, EDUCATION_GROUPS.length),
    party: sum((r) => r.party),
    trainedPeople: sumAt((r) => r.trainedPeople, config.trainingTypes.length),
    trainedTimes: sumAt((r) => r.trainedTimes, config.trainingTypes.length),
    affairs: sum((r) => r.affairs),
    // Integers of 分, added before the one conversion to 元.
    fundsFen: sum((r) => r.fundsFen),
    target: sum((r) => r.target),
    gap: sum((r) => r.gap),
  };
  return {
    rows,
    totals,
    otherSource: totals.total - totals.sources.reduce((a, b) => a + b, 0),
    noEducation: totals.total - totals.educations.reduce((a, b) => a + b, 0),
  };
}

/** The date goes into SQL text (ageBandSql builds literals): refuse anything but YYYY-MM-DD. */
function assertIsoDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date: ${date}`);
  return date;
}
