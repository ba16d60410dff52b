/**
 * The figures of the 月度进度报告 and the 周调度, all selected and summed in SQL over live centres of the chosen
 * villages, for a period from..to:
 * - reached: milestones whose actual date is in the period;
 * - missed: milestones planned before the period's last day and not done by the end of it (the module's own
 *   rule: a milestone is late from the day after its planned date), however long ago they were planned;
 * - progress: centres with 形象进度 entries dated in the period — the last entry before the period (0 when none),
 *   the last entry in it, and the latest note written in it;
 * - money: 下拨 and 支付 by source in the period and to its end, in 分, with the planned split;
 * - photos: attachments of 形象进度 entries dated in the period.
 */
import type { LedgerContext } from '../../context';
import { cachedStatement } from '../../schema/statements';
import type { ReportParams } from '../../reports/definition';
import { getCentreConfig } from '../config';
import { bindFor, unitsWhere } from './common';

export interface Period {
  from: string;
  to: string;
}

const FROM_LIVE = 'FROM centre_milestones m JOIN centres c ON c.id = m.centre_id JOIN org_units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL';

function all<T>(ctx: LedgerContext, sql: string, bind: Record<string, unknown>): T[] {
  return cachedStatement(ctx.sqlite, sql).all(bindFor(sql, bind)) as T[];
}

export interface ReachedRow {
  actualOn: string;
  unitName: string;
  milestone: string;
  plannedOn: string;
  daysLate: number;
  note: string | null;
}

export function reachedMilestones(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: Period): ReachedRow[] {
  const units = unitsWhere(params);
  return all<ReachedRow>(
    ctx,
    `SELECT m.actual_on AS actualOn, u.name AS unitName, m.name AS milestone, m.planned_on AS plannedOn,
       CAST(julianday(m.actual_on) - julianday(m.planned_on) AS INTEGER) AS daysLate, m.note
     ${FROM_LIVE} AND m.actual_on BETWEEN @from AND @to${units.sql}
     ORDER BY m.actual_on, c.unit_order, c.unit_id, m.seq`,
    { ...period, ...units.bind },
  );
}

export interface MissedRow {
  unitName: string;
  milestone: string;
  plannedOn: string;
  /** Days overdue at the end of the period's last day. */
  daysLate: number;
  /** Done after the period (when the report is for an earlier period). */
  actualOn: string | null;
  note: string | null;
}

export function missedMilestones(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: Period): MissedRow[] {
  const units = unitsWhere(params);
  return all<MissedRow>(
    ctx,
    `SELECT u.name AS unitName, m.name AS milestone, m.planned_on AS plannedOn,
       CAST(julianday(@to) - julianday(m.planned_on) AS INTEGER) AS daysLate, m.actual_on AS actualOn, m.note
     ${FROM_LIVE} AND m.planned_on < @to AND (m.actual_on IS NULL OR m.actual_on > @to)${units.sql}
     ORDER BY c.unit_order, c.unit_id, m.seq`,
    { ...period, ...units.bind },
  );
}

export interface ProgressChangeRow {
  unitName: string;
  fromPercent: number;
  toPercent: number;
  lastOn: string;
  entries: number;
  note: string | null;
}

export function progressChanges(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: Period): ProgressChangeRow[] {
  const units = unitsWhere(params);
  const entry = 'FROM centre_progress p WHERE p.centre_id = c.id AND p.deleted_at IS NULL';
  return all<ProgressChangeRow>(
    ctx,
    `SELECT u.name AS unitName,
       coalesce((SELECT p.percent ${entry} AND p.date < @from ORDER BY p.date DESC, p.id DESC LIMIT 1), 0) AS fromPercent,
       (SELECT p.percent ${entry} AND p.date <= @to ORDER BY p.date DESC, p.id DESC LIMIT 1) AS toPercent,
       (SELECT max(p.date) ${entry} AND p.date BETWEEN @from AND @to) AS lastOn,
       (SELECT count(*) ${entry} AND p.date BETWEEN @from AND @to) AS entries,
       (SELECT p.note ${entry} AND p.date BETWEEN @from AND @to AND coalesce(p.note, '') <> '' ORDER BY p.date DESC, p.id DESC LIMIT 1) AS note
     FROM centres c JOIN org_units u ON u.id = c.unit_id
     WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 ${entry} AND p.date BETWEEN @from AND @to)${units.sql}
     ORDER BY c.unit_order, c.unit_id, c.id`,
    { ...period, ...units.bind },
  );
}

export interface MoneyRow {
  source: string;
  plannedFen: number;
  allocatedFen: number;
  paidFen: number;
  allocatedToDateFen: number;
  paidToDateFen: number;
}

/** By source: the township's list in its order, then any other source found; every sum in 分. */
export function moneyBySource(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: Period): MoneyRow[] {
  const units = unitsWhere(params);
  const moved = all<Omit<MoneyRow, 'plannedFen'>>(
    ctx,
    `SELECT m.source,
       coalesce(sum(CASE WHEN m.kind = '下拨' AND m.date >= @from THEN m.amount_fen END), 0) AS allocatedFen,
       coalesce(sum(CASE WHEN m.kind = '支付' AND m.date >= @from THEN m.amount_fen END), 0) AS paidFen,
       coalesce(sum(CASE WHEN m.kind = '下拨' THEN m.amount_fen END), 0) AS allocatedToDateFen,
       coalesce(sum(CASE WHEN m.kind = '支付' THEN m.amount_fen END), 0) AS paidToDateFen
     FROM centre_money m JOIN centres c ON c.id = m.centre_id
     WHERE c.deleted_at IS NULL AND m.date <= @to${units.sql}
     GROUP BY m.source`,
    { ...period, ...units.bind },
  );
  const planned = all<{ source: string; fen: number }>(
    ctx,
    `SELECT f.source, sum(f.planned_fen) AS fen FROM centre_funds f JOIN centres c ON c.id = f.centre_id WHERE c.deleted_at IS NULL${units.sql} GROUP BY f.source`,
    units.bind,
  );
  const configured = getCentreConfig(ctx).fundingSources;
  const found = new Set([...moved.map((m) => m.source), ...planned.map((p) => p.source)]);
  const order = [...configured, ...[...found].filter((s) => !configured.includes(s)).sort()];
  return order.map((source) => {
    const m = moved.find((x) => x.source === source);
    return {
      source,
      plannedFen: planned.find((p) => p.source === source)?.fen ?? 0,
      allocatedFen: m?.allocatedFen ?? 0,
      paidFen: m?.paidFen ?? 0,
      allocatedToDateFen: m?.allocatedToDateFen ?? 0,
      paidToDateFen: m?.paidToDateFen ?? 0,
    };
  });
}

export interface PhotoRow {
  date: string;
  unitName: string;
  percent: number;
  photos: number;
  files: string;
}

export function progressPhotos(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: Period): PhotoRow[] {
  const units = unitsWhere(params);
  const photo = "FROM attachments a WHERE a.owner_type = 'centre_progress' AND a.owner_id = p.id AND a.deleted_at IS NULL";
  return all<PhotoRow>(
    ctx,
    `SELECT p.date, u.name AS unitName, p.percent, (SELECT count(*) ${photo}) AS photos,
       (SELECT group_concat(a.file_name, '、' ORDER BY a.id) ${photo}) AS files
     FROM centre_progress p JOIN centres c ON c.id = p.centre_id JOIN org_units u ON u.id = c.unit_id
     WHERE p.deleted_at IS NULL AND c.deleted_at IS NULL AND p.date BETWEEN @from AND @to AND EXISTS (SELECT 1 ${photo})${units.sql}
     ORDER BY p.date, c.unit_order, c.unit_id, p.id`,
    { ...period, ...units.bind },
  );
}
