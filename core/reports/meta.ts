/**
 * What every report prints around its table: 填报单位, 统计时段, 填报日期, the signature line and the fonts, all
 * from the settings, so each report builds its header the same way.
 */
import { today, type LedgerContext } from '../context';
import type { ReportMeta, ReportTotals } from '../excel/builder';
import { fileOrigin } from '../district/origin';
import { getSettings } from '../org/settings';
import type { ReportParams } from './definition';

/**
 * `period` is the 统计时段 line; pass the ReportPeriod itself (or `asOf` for a 截至 list) so the machine-readable
 * copy also carries the period as dates.
 */
export function reportMeta(ctx: LedgerContext, reportId: string, period?: string | ReportPeriod): ReportMeta {
  const s = getSettings(ctx);
  const p = typeof period === 'string' ? { text: period, ...datesOf(period) } : period;
  return {
    reportId,
    unitName: s.unitName,
    period: p?.text,
    periodFrom: p?.from,
    periodTo: p?.to,
    filledDate: today(ctx),
    fillerName: s.fillerName,
    reviewerName: s.reviewerName,
    phone: s.phone,
    fonts: { title: s.fontTitle, header: s.fontHeader, body: s.fontBody },
    origin: fileOrigin(ctx),
  };
}

/** Reads the dates back out of a period line written as "A 至 B" or "截至 B". */
function datesOf(text: string): { from?: string; to?: string } {
  const range = /^(\d{4}-\d{2}-\d{2}) 至 (\d{4}-\d{2}-\d{2})$/.exec(text);
  if (range) return { from: range[1], to: range[2] };
  const asOf = /^截至 (\d{4}-\d{2}-\d{2})$/.exec(text);
  return asOf ? { to: asOf[1] } : {};
}

/** "截至 2026-11-27": the period line of a list that shows the state on a day. */
export function asOf(date: string): ReportPeriod {
  return { to: date, text: `截至 ${date}` };
}

export interface ReportPeriod {
  from?: string;
  to: string;
  /** "2026-01-01 至 2026-11-27", as the 统计时段 line reads. */
  text: string;
}

/**
 * The period of a statistics report. Upward reports are yearly, so an open start means 1 January of the
 * end's year and an open end means today.
 */
export function reportPeriod(ctx: LedgerContext, params: Pick<ReportParams, 'from' | 'to'>): ReportPeriod & { from: string } {
  const to = params.to ?? today(ctx);
  const from = params.from ?? `${to.slice(0, 4)}-01-01`;
  return { from, to, text: `${from} 至 ${to}` };
}

/** "2026年11月": the period line of monthly lists. */
export function monthText(date: string): string {
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月`;
}

/** The 合计 row of a one-person-per-row list: the head count under the name column. */
export function headcountTotals(count: number): ReportTotals {
  return { label: '合计', labelKey: 'seq', values: { name: `${count} 人` } };
}
