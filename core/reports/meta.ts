/**
 * What every report prints around its table: 填报单位, 统计时段, 填报日期, the signature line and the fonts, all
 * from the settings, so each report builds its header the same way.
 */
import { today, type LedgerContext } from '../context';
import type { ReportMeta, ReportTotals } from '../excel/builder';
import { getSettings } from '../org/settings';
import type { ReportParams } from './registry';

export function reportMeta(ctx: LedgerContext, reportId: string, period?: string): ReportMeta {
  const s = getSettings(ctx);
  return {
    reportId,
    unitName: s.unitName,
    period,
    filledDate: today(ctx),
    fillerName: s.fillerName,
    reviewerName: s.reviewerName,
    phone: s.phone,
    fonts: { title: s.fontTitle, header: s.fontHeader, body: s.fontBody },
  };
}

export interface ReportPeriod {
  from: string;
  to: string;
  /** "2026-01-01 至 2026-11-27", as the 统计时段 line reads. */
  text: string;
}

/**
 * The period of a statistics report. Upward reports are yearly, so an open start means 1 January of the
 * end's year and an open end means today.
 */
export function reportPeriod(ctx: LedgerContext, params: Pick<ReportParams, 'from' | 'to'>): ReportPeriod {
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
