/** What the 后备人才 reports share: the module label, the village filter and the village order, as SQL. */
import type { LedgerContext } from '../../context';
import type { ReportParams } from '../../reports/definition';
import { cachedStatement } from '../../schema/statements';
import type { ReserveStatus } from '../codes';
import { POOL_UNITS_SQL } from '../sql';

export const MODULE = '后备人才';

/** Stable codes of the statuses in `_data`; the printed sheet and `_meta` carry the wording (the district merges on codes). */
export const STATUS_CODES: Record<ReserveStatus, string> = { 推荐: 'nominated', 考察: 'reviewed', 在库: 'inPool', 已任用: 'appointed', 出库: 'exited' };
export const STATUS_LABELS: Record<string, string> = Object.fromEntries(Object.entries(STATUS_CODES).map(([label, code]) => [code, label]));

/** Village order of the township (org_units.sort_order), then the pinyin name key, as the paper 花名册 runs. */
export const VILLAGE_ORDER = 'u.sort_order, u.id, r.name_key, r.id';

/**
 * `AND <column> IN (…chosen villages)` with its named parameter `@units` (a JSON array), or nothing when every
 * village is wanted. The ids go in as a bound parameter, never into the SQL text.
 */
export function unitsWhere(params: Pick<ReportParams, 'unitIds'>, column = 'r.unit_id'): { sql: string; bind: { units?: string } } {
  if (!params.unitIds?.length) return { sql: '', bind: {} };
  return { sql: ` AND ${column} IN (SELECT value FROM json_each(@units))`, bind: { units: JSON.stringify(params.unitIds) } };
}

export interface ReportUnit {
  id: number;
  name: string;
  /** Keeps a 两委 reserve pool (a live 村 or 社区): the per-village target applies. */
  pool: boolean;
}

/**
 * The rows of a by-village table: every pool village, plus any other unit (retired, or not a village) that
 * `extra` names because it has figures, in the township's order; narrowed to the chosen villages.
 */
export function reportUnits(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, extra: Iterable<number>): ReportUnit[] {
  const pool = new Set((cachedStatement(ctx.sqlite, POOL_UNITS_SQL).all() as { id: number }[]).map((u) => u.id));
  const wanted = new Set([...pool, ...extra]);
  const chosen = params.unitIds?.length ? new Set(params.unitIds) : null;
  const all = cachedStatement(ctx.sqlite, 'SELECT id, name FROM org_units ORDER BY sort_order, id').all() as { id: number; name: string }[];
  return all.filter((u) => wanted.has(u.id) && (!chosen || chosen.has(u.id))).map((u) => ({ ...u, pool: pool.has(u.id) }));
}

/** "注：1. …", "　　2. …": the note lines under a table, numbered as the other reports number them. */
export function numberedNotes(lines: string[]): string[] {
  return lines.map((text, i) => `${i === 0 ? '注：' : '　　'}${i + 1}. ${text}`);
}
