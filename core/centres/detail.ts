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
import { milestoneDaysLate } from './status';
import { RISK_ORDER } from './sql';

type Milestone = CentreDetail['milestones'][number];

function withState(m: Omit<Milestone, 'daysLate' | 'state'>, on: string): Milestone {
  const daysLate = milestoneDaysLate(m, on);
  const state = m.actualOn ? (daysLate !== null && daysLate > 0 ? 'doneLate' : 'done') : daysLate !== null && daysLate > 0 ? 'late' : 'open';
  return { ...m, daysLate, state };
}

const MILESTONES_SQL = 'SELECT id, seq, name, planned_on AS plannedOn, baseline_on AS baselineOn, actual_on AS actualOn, note FROM centre_milestones WHERE centre_id = ? ORDER BY seq';

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
    milestones: (cachedStatement(ctx.sqlite, MILESTONES_SQL).all(id) as Omit<Milestone, 'daysLate' | 'state'>[]).map((m) => withState(m, on)),
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
    `SELECT m.centre_id AS centreId, m.id, m.seq, m.name, m.planned_on AS plannedOn, m.baseline_on AS baselineOn, m.actual_on AS actualOn, m.note
     FROM centre_milestones m JOIN centres c ON c.id = m.centre_id WHERE c.deleted_at IS NULL ORDER BY m.centre_id, m.seq`,
  ).all() as (Omit<Milestone, 'daysLate' | 'state'> & { centreId: number })[];
  const byCentre = new Map<number, Milestone[]>();
  for (const { centreId, ...m } of all) {
    const list = byCentre.get(centreId) ?? [];
    list.push(withState(m, on));
    byCentre.set(centreId, list);
  }
  return {
    today: on,
    milestoneNames: getCentreConfig(ctx).milestones.map((m) => m.name),
    centres: rows.map((r) => ({ id: r.id, unitName: r.unitName, status: r.status, daysBehind: r.daysBehind, atRisk: r.atRisk, progressPercent: r.progressPercent, requiredOn: r.requiredOn, milestones: byCentre.get(r.id) ?? [] })),
  };
}
