/** One centre with its milestones (plan against actual), progress, money and warnings; and the 挂图作战 chart. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { centres, orgUnits } from '../../db/schema';
import { today, type LedgerContext } from '../context';
import { notFound } from '../errors';
import { cachedStatement } from '../schema/statements';
import { getCentreConfig } from './config';
import { centreParams, ROW_COLUMNS, toRow, type StoredRow } from './list';
import type { CentreDetail, chartOut } from './schemas';
import { centreWarnings } from './service';
import { MILESTONE_COLUMNS, RISK_ORDER } from './sql';

type Milestone = CentreDetail['milestones'][number];

const MILESTONES_SQL = `SELECT ${MILESTONE_COLUMNS} FROM centre_milestones m WHERE m.centre_id = @id ORDER BY m.seq`;

export function getCentre(ctx: LedgerContext, id: number): CentreDetail {
  const facts = ctx.db.select().from(centres).where(eq(centres.id, id)).get();
  if (!facts || facts.deletedAt) throw notFound('服务中心');
  const on = today(ctx);
  const row = toRow(cachedStatement(ctx.sqlite, `SELECT ${ROW_COLUMNS} FROM centres c JOIN org_units u ON u.id = c.unit_id WHERE c.id = @id`).get({ ...centreParams(ctx), id }) as StoredRow);
  const funds = cachedStatement(ctx.sqlite, 'SELECT source, planned_fen AS fen FROM centre_funds WHERE centre_id = ? ORDER BY id').all(id) as { source: string; fen: number }[];
  const money = cachedStatement(ctx.sqlite, 'SELECT id, kind, source, date, amount_fen AS amountFen, note FROM centre_money WHERE centre_id = ? ORDER BY date, id').all(id) as CentreDetail['money'];
  const config = getCentreConfig(ctx);
  const sources = [...new Set([...funds.map((f) => f.source), ...money.map((m) => m.source)])];
  const sum = (kind: string, source: string) => money.filter((m) => m.kind === kind && m.source === source).reduce((s, m) => s + m.amountFen, 0);
  const unitKind = ctx.db.select({ kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, facts.unitId)).get()?.kind ?? '村';
  const shaped = {
    ...facts,
    renovationType: facts.renovationType as CentreDetail['facts']['renovationType'],
    rooms: JSON.parse(facts.rooms) as CentreDetail['facts']['rooms'],
    decisionDates: JSON.parse(facts.decisionDates) as CentreDetail['facts']['decisionDates'],
    funds,
  };
  return {
    row,
    facts: shaped,
    milestones: cachedStatement(ctx.sqlite, MILESTONES_SQL).all({ id, today: on }) as Milestone[],
    progress: cachedStatement(ctx.sqlite, 'SELECT id, date, percent, note FROM centre_progress WHERE centre_id = ? AND deleted_at IS NULL ORDER BY date, id').all(id) as CentreDetail['progress'],
    money,
    moneyBySource: sources.map((source) => ({ source, plannedFen: funds.find((f) => f.source === source)?.fen ?? 0, allocatedFen: sum('下拨', source), paidFen: sum('支付', source) })),
    warnings: centreWarnings(shaped, unitKind, config),
  };
}

/** Every live centre with its milestones, for the chart: two statements, whatever the number of centres. */
export function centreChart(ctx: LedgerContext, input: { sortField: 'unitName' | 'risk'; unitId?: number | null }): z.input<typeof chartOut> {
  const on = today(ctx);
  const params = centreParams(ctx);
  const order = input.sortField === 'risk' ? RISK_ORDER : 'c.unit_order, c.unit_id, c.id';
  const unit = input.unitId ? ' AND c.unit_id = @unitId' : '';
  const rows = (
    cachedStatement(ctx.sqlite, `SELECT ${ROW_COLUMNS} FROM centres c JOIN org_units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL${unit} ORDER BY ${order}`).all(
      input.unitId ? { ...params, unitId: input.unitId } : params,
    ) as StoredRow[]
  ).map(toRow);
  const all = cachedStatement(
    ctx.sqlite,
    // Every centre's milestones in the unique index's order; a deleted centre's few are skipped below, not joined away.
    `SELECT m.centre_id AS centreId, ${MILESTONE_COLUMNS} FROM centre_milestones m ORDER BY m.centre_id, m.seq`,
  ).all({ today: on }) as (Milestone & { centreId: number })[];
  const byCentre = new Map<number, Milestone[]>();
  for (const m of all) {
    let list = byCentre.get(m.centreId);
    if (!list) byCentre.set(m.centreId, (list = []));
    list.push(m);
  }
  return {
    today: on,
    milestoneNames: getCentreConfig(ctx).milestones.map((m) => m.name),
    centres: rows.map((r) => ({ id: r.id, unitName: r.unitName, status: r.status, daysBehind: r.daysBehind, atRisk: r.atRisk, progressPercent: r.progressPercent, requiredOn: r.requiredOn, milestones: byCentre.get(r.id) ?? [] })),
  };
}
