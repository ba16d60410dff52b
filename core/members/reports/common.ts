/** What the 发展党员 reports share: the judged files of the chosen villages, unit facts and labels. */
import { eq } from 'drizzle-orm';
import { memberRecords, orgUnits, people } from '../../../db/schema';
import { today as todayOf, type LedgerContext } from '../../context';
import { comparePinyin } from '../../people/pinyin';
import type { ReportParams } from '../../reports/definition';
import { loadRecords, type LoadedRecord } from '../load';
import type { Judged } from '../query';
import { withStoredJudgement } from '../state-read';
import { ensureJudged } from '../state-store';
import { stepDef, type StepNo } from '../steps';

export const MODULE = '发展党员';

/** Pinyin order, as a clerk would look a name up on paper. */

export const NO_UNIT = '（未指定村/社区）';

export interface UnitFact {
  id: number;
  name: string;
  kind: string;
  sortOrder: number;
  retired: boolean;
}

/** Every unit, retired ones too: an old file still names the village it was kept under. */
export function unitFacts(ctx: LedgerContext): UnitFact[] {
  return ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, sortOrder: orgUnits.sortOrder, retiredAt: orgUnits.retiredAt })
    .from(orgUnits)
    .all()
    .map(({ retiredAt, ...u }) => ({ ...u, retired: retiredAt !== null }))
    .sort((a, b) => a.sortOrder - b.sortOrder || comparePinyin(a.name, b.name) || a.id - b.id);
}

export function unitFilter(params: Pick<ReportParams, 'unitIds'>): (unitId: number | null | undefined) => boolean {
  const wanted = params.unitIds?.length ? new Set(params.unitIds) : null;
  return (unitId) => !wanted || (unitId !== null && unitId !== undefined && wanted.has(unitId));
}

/**
 * The files with their stored judgement, but only the files a condition on member_state (alias s) picks: a report that counts the files
 * approved in its period, or those past one step, reads those alone instead of every file in the township.
 */
export function judgedWhere(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, where: string, whereParams: Record<string, unknown> = {}): Judged[] {
  // loadedWhere has made the stored judgements current for today.
  const files = loadedWhere(ctx, params, where, whereParams);
  return withStoredJudgement(ctx, files, todayOf(ctx));
}

/** The same files with their facts only, for a report that shows no finding or deadline (no stored judgement read). */
export function loadedWhere(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, where: string, whereParams: Record<string, unknown> = {}): LoadedRecord[] {
  ensureJudged(ctx);
  const ids = ctx.sqlite.prepare(`SELECT s.record_id FROM member_state s WHERE ${where}`).pluck().all(whereParams) as number[];
  if (ids.length === 0) return [];
  const keep = unitFilter(params);
  return loadRecords(ctx, ids).filter((l) => keep(l.person.unitId));
}

/** The files approved by the 上级党委 (节点17, the date 发展党员 are counted by) within the period. */
export function judgedApprovedIn(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds'>, period: { from: string; to: string }): Judged[] {
  return judgedWhere(ctx, params, 's.approved_on >= @from AND s.approved_on <= @to', { from: period.from, to: period.to });
}

/**
 * The village of each file, for lists that come keyed by file (reminders, findings) and have to be narrowed
 * to the chosen villages without judging every file a second time.
 */
export function recordUnits(ctx: LedgerContext): Map<number, number | null> {
  const rows = ctx.db
    .select({ id: memberRecords.id, unitId: people.unitId })
    .from(memberRecords)
    .innerJoin(people, eq(people.id, memberRecords.personId))
    .all();
  return new Map(rows.map((r) => [r.id, r.unitId]));
}

/** "第15节点 支部大会讨论": steps 15 and 23 share a name, so the number always goes with it. */
export function stepText(no: number | null | undefined): string {
  if (!no) return '';
  return `第${no}节点 ${stepDef(no as StepNo).name}`;
}

export const STAGE_NUMERALS = ['一', '二', '三', '四', '五'];

/** "一、申请入党": the stage headers of the 花名册, numbered as the 细则 numbers them. */
export function stageHeader(no: number, name: string): string {
  return `${STAGE_NUMERALS[no - 1] ?? no}、${name}`;
}

export function unitDisplay(name: string | null | undefined): string {
  return name ?? NO_UNIT;
}

const LABEL_NUMERALS = ['甲', '乙', '丙', '丁'];

/** The 栏次 row of a 党内统计 form: 甲、乙 … over the label columns, then 1, 2, 3 … over the figures. */
export function columnNumbers(count: number, labelColumns: number): string[] {
  return Array.from({ length: count }, (_, i) => (i < labelColumns ? LABEL_NUMERALS[i]! : String(i - labelColumns + 1)));
}
