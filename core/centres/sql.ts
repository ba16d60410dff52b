/**
 * The SQL that turns a centre's stored columns into today's figures, the way ./status.ts does in TypeScript.
 * `c` is centres; the dates and thresholds are bound parameters.
 */

/** Days behind on @today: the fixed lateness of done milestones, or how long the earliest open one is overdue. */
export const DAYS_BEHIND_SQL = `(CASE
  WHEN c.open_due IS NOT NULL AND c.open_due < @today
    THEN max(coalesce(c.done_late_days, -100000), CAST(julianday(@today) - julianday(c.open_due) AS INTEGER))
  ELSE c.done_late_days END)`;

export const STATUS_SQL = `(CASE
  WHEN c.in_use_on IS NOT NULL THEN '已投用'
  WHEN c.completed_on IS NOT NULL THEN '已完工'
  WHEN ${DAYS_BEHIND_SQL} > @severeDays THEN '严重滞后'
  WHEN ${DAYS_BEHIND_SQL} > @lateDays THEN '滞后'
  WHEN c.started_on IS NULL THEN '未开工'
  WHEN ${DAYS_BEHIND_SQL} < 0 THEN '提前'
  ELSE '正常' END)`;

/** At risk: not finished, and the projected finish (or today) is past the required date. */
export const AT_RISK_SQL = `(c.completed_on IS NULL AND (c.projected_on > c.required_on OR c.required_on < @today))`;

export const LIVE_CENTRES = 'FROM centres c WHERE c.deleted_at IS NULL';

/** Most at risk first: at risk, unfinished before finished, the most days behind, the nearest required date. */
export const RISK_ORDER = `${AT_RISK_SQL} DESC, c.completed_on IS NULL DESC, coalesce(${DAYS_BEHIND_SQL}, -100000) DESC, c.required_on, c.id`;

/** A milestone's days late on @today and its chart state, as ./status.ts milestoneDaysLate judges them. `m` is centre_milestones. */
export const MILESTONE_COLUMNS = `m.id, m.seq, m.name, m.planned_on AS plannedOn, m.baseline_on AS baselineOn, m.actual_on AS actualOn, m.note,
  CASE WHEN m.actual_on IS NOT NULL THEN CAST(julianday(m.actual_on) - julianday(m.planned_on) AS INTEGER)
       WHEN m.planned_on < @today THEN CAST(julianday(@today) - julianday(m.planned_on) AS INTEGER) END AS daysLate,
  CASE WHEN m.actual_on IS NOT NULL THEN (CASE WHEN m.actual_on > m.planned_on THEN 'doneLate' ELSE 'done' END)
       WHEN m.planned_on < @today THEN 'late' ELSE 'open' END AS state`;
