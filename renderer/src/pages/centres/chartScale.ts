/** The 挂图作战 time axis: whole months around every date on the chart, and where a date falls on it (in %). */
import dayjs from 'dayjs';
import type { ChartView } from './types';

export interface Month {
  key: string;
  label: string;
  /** Set on January and on the first month: the year written above the month. */
  year?: string;
  left: number;
  width: number;
}

export interface Scale {
  start: string;
  end: string;
  months: Month[];
  /** A date's position from the left edge, 0–100. */
  at(date: string): number;
}

/** Every date the chart draws: plans, baselines, actuals, required dates and today. */
function datesOf(chart: ChartView): string[] {
  const out = [chart.today];
  for (const c of chart.centres) {
    out.push(c.requiredOn);
    for (const m of c.milestones) {
      out.push(m.baselineOn, m.plannedOn);
      if (m.actualOn) out.push(m.actualOn);
    }
  }
  return out;
}

export function chartScale(chart: ChartView): Scale {
  const dates = datesOf(chart).sort();
  const first = dayjs(dates[0]).startOf('month');
  const last = dayjs(dates[dates.length - 1]).endOf('month').add(1, 'day').startOf('day');
  const span = Math.max(1, last.diff(first, 'day'));
  const at = (date: string) => (dayjs(date).diff(first, 'day') / span) * 100;
  const months: Month[] = [];
  for (let m = first; m.isBefore(last); m = m.add(1, 'month')) {
    const next = m.add(1, 'month');
    const left = (m.diff(first, 'day') / span) * 100;
    months.push({ key: m.format('YYYY-MM'), label: m.format('M月'), year: m.month() === 0 || months.length === 0 ? m.format('YYYY年') : undefined, left, width: (next.diff(m, 'day') / span) * 100 });
  }
  return { start: first.format('YYYY-MM-DD'), end: last.format('YYYY-MM-DD'), months, at };
}

/** The milestone names in chart order: the settings' list, then any a centre still carries from an older list. */
export function milestoneColumns(chart: ChartView): string[] {
  const names = [...chart.milestoneNames];
  for (const c of chart.centres) for (const m of c.milestones) if (!names.includes(m.name)) names.push(m.name);
  return names;
}
