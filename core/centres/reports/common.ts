/**
 * What the 服务中心 reports share: the module label, the village filter and order, the stored codes of the
 * printed wording, 万元 from 分, and the named parameters a statement actually uses.
 */
import { COMPLETION_MILESTONE, IN_USE_MILESTONE, START_MILESTONE, type CentreStatus, type RenovationType } from '../codes';
import type { ReportParams } from '../../reports/definition';

export { numberedNotes } from '../../reserves/reports/common';

export const MODULE = '服务中心';

/** The township's village order (org_units.sort_order, copied onto each centre on write). */
export const CENTRE_ORDER = 'c.unit_order, c.unit_id, c.id';

export const KEY_MILESTONES = [START_MILESTONE, COMPLETION_MILESTONE, IN_USE_MILESTONE] as const;

/** Stable codes in `_data`; the printed sheet and `_meta` carry the wording (the district merges on codes). */
export const STATUS_CODES: Record<CentreStatus, string> = {
  未开工: 'notStarted',
  提前: 'ahead',
  正常: 'onTrack',
  滞后: 'late',
  严重滞后: 'severelyLate',
  已完工: 'completed',
  已投用: 'inUse',
};
export const STATUS_LABELS = invert(STATUS_CODES);
export const TYPE_CODES: Record<RenovationType, string> = { 新建: 'new', 改扩建: 'expand', 维修: 'repair' };
export const TYPE_LABELS = invert(TYPE_CODES);

function invert(codes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(codes).map(([label, code]) => [code, label]));
}

/**
 * `AND c.unit_id IN (…chosen villages)` with its named parameter `@units` (a JSON array), or nothing when every
 * village is wanted. The ids go in as a bound parameter, never into the SQL text.
 */
export function unitsWhere(params: Pick<ReportParams, 'unitIds'>, column = 'c.unit_id'): { sql: string; bind: { units?: string } } {
  if (!params.unitIds?.length) return { sql: '', bind: {} };
  return { sql: ` AND ${column} IN (SELECT value FROM json_each(@units))`, bind: { units: JSON.stringify(params.unitIds) } };
}

/** Only the named parameters the SQL text uses: better-sqlite3 refuses the others. */
export function bindFor(sql: string, bind: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(bind).filter(([k]) => new RegExp(`@${k}\\b`).test(sql)));
}

/**
 * 分 as 万元, exact: 1 234 567.89 元 is 123.456789 万元. The cell shows two decimals; the value keeps every 分, so a
 * reader adding the cells gets the total to the 分. Totals are summed in 分 and converted once.
 */
export function wan(fen: number): number {
  return fen / 1_000_000;
}

/** Areas print as whole ㎡ when every one is whole (they nearly always are), else with two decimals. */
export function areaType(values: readonly (number | null | undefined)[]): 'int' | 'money' {
  return values.every((v) => v === null || v === undefined || Number.isInteger(v)) ? 'int' : 'money';
}
