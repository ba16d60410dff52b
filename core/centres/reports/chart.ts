/**
 * 村级综合服务中心改造升级挂图作战图: the Gantt picture of every live centre drawn in cells — a row per centre in
 * village order, the 村 / 状态 / 进度 block on the left, then one column per week (spans up to half a year) or per
 * month (longer spans) from the earliest planned or actual date to the latest required date, each cell filled by
 * the state of the milestones falling in it, today's column marked, and a legend. Printed one page wide.
 * The milestones and their states come from ../detail.ts centreChart; the sheet is drawn by core/excel/gantt.ts.
 */
import dayjs from 'dayjs';
import { Writable } from 'node:stream';
import type { LedgerContext } from '../../context';
import type { CellInput, Paper, ReportColumn } from '../../excel/builder';
import { columnPoints, printableWidth } from '../../excel/print';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { asOf, reportMeta } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { centreChart } from '../detail';
import { LIVE_CENTRES } from '../sql';
import { MODULE, STATUS_CODES, STATUS_LABELS, numberedNotes, unitsWhere } from './common';
import type { GanttCell, GanttFile, GanttPeriod, GanttRow, GanttState } from '../../excel/gantt';

export const CENTRES_CHART_ID = 'centres-chart';
export const CENTRES_CHART_TITLE = '村级综合服务中心改造升级挂图作战图';
const SHEET = '挂图作战';
/** Up to this many weeks a column is a week; a longer span gets a column per month so the sheet stays readable. */
export const MAX_WEEKS = 26;

export const STATE_LABELS: Record<GanttState, string> = { done: '按期完成', doneLate: '逾期完成', late: '逾期未完成', open: '计划节点（未到期）' };
/** When milestones of several states fall in one period, the worst one colours it. */
const SEVERITY: Record<GanttState, number> = { open: 1, done: 2, doneLate: 3, late: 4 };

export interface ChartPeriods {
  unit: 'week' | 'month';
  periods: (GanttPeriod & { from: string; to: string })[];
  /** The period a date falls in. */
  index(date: string): number;
}

/** The columns from `from` to `to`: weeks (Monday to Sunday) when they are few enough, else calendar months. */
export function chartPeriods(from: string, to: string, today: string): ChartPeriods {
  const start = dayjs(from);
  const monday = start.subtract((start.day() + 6) % 7, 'day');
  const weeks = Math.floor(dayjs(to).diff(monday, 'day') / 7) + 1;
  const fmt = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  if (weeks <= MAX_WEEKS) {
    const periods = Array.from({ length: weeks }, (_, i) => {
      const a = monday.add(i * 7, 'day');
      const b = a.add(6, 'day');
      return { from: fmt(a), to: fmt(b), group: `${a.year()}年${a.month() + 1}月`, label: `${a.date()}日`, today: fmt(a) <= today && today <= fmt(b) };
    });
    return { unit: 'week', periods, index: (date) => Math.floor(dayjs(date).diff(monday, 'day') / 7) };
  }
  const first = start.startOf('month');
  const end = dayjs(to);
  const months = (end.year() - first.year()) * 12 + end.month() - first.month() + 1;
  const periods = Array.from({ length: months }, (_, i) => {
    const a = first.add(i, 'month');
    const b = a.endOf('month');
    return { from: fmt(a), to: fmt(b), group: `${a.year()}年`, label: `${a.month() + 1}月`, today: fmt(a) <= today && today <= fmt(b) };
  });
  return { unit: 'month', periods, index: (date) => (dayjs(date).year() - first.year()) * 12 + dayjs(date).month() - first.month() };
}

/** One character a milestone where the first characters differ (四 方 预 招 签 开 主 装 竣 审 投), else its number. */
export function abbreviations(names: readonly string[]): Map<string, string> {
  const firsts = names.map((n) => [...n][0] ?? '');
  const unique = new Set(firsts).size === names.length;
  return new Map(names.map((n, i) => [n, unique ? firsts[i]! : String(i + 1)]));
}

const DATA_COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int' },
  { key: 'unitName', header: '村（社区）' },
  { key: 'status', header: '状态', codes: STATUS_LABELS },
  { key: 'progress', header: '形象进度', type: 'percent' },
  { key: 'milestoneSeq', header: '节点序号', type: 'int' },
  { key: 'milestone', header: '节点' },
  { key: 'plannedOn', header: '计划日期', type: 'date' },
  { key: 'actualOn', header: '完成日期', type: 'date' },
  { key: 'state', header: '节点状态', codes: STATE_LABELS },
  { key: 'daysLate', header: '逾期天数', type: 'int' },
];

/** The left block: 序号, 村（社区）, 状态, 进度. */
const LEFT_WIDTHS = [5, 13, 8, 7];

/**
 * Period columns as wide as the paper allows at full size (so the milestone letters stay legible), between 4 and 8
 * units; a span too long for that is scaled down by the fit to one page wide.
 */
export function periodWidth(paper: Paper, periods: number): number {
  const page = printableWidth(paper, true) * 0.96 - LEFT_WIDTHS.reduce((a, w) => a + columnPoints(w), 0);
  const fit = (page / Math.max(1, periods) - 3.75) / 5.25;
  return Math.max(4, Math.min(8, Math.floor(fit * 2) / 2));
}

export function chartFile(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds' | 'paper'>): { file: GanttFile; today: string; unit: 'week' | 'month'; centres: number } {
  const chart = centreChart(ctx, { sortField: 'unitName' });
  const units = unitsWhere(params);
  const chosen = units.sql ? new Set(cachedStatement(ctx.sqlite, `SELECT c.id ${LIVE_CENTRES}${units.sql}`, 'pluck').all(units.bind) as number[]) : null;
  const centres = chosen ? chart.centres.filter((c) => chosen.has(c.id)) : chart.centres;
  const today = chart.today;
  const dates = [today, ...centres.flatMap((c) => [c.requiredOn, ...c.milestones.flatMap((m) => [m.plannedOn, ...(m.actualOn ? [m.actualOn] : [])])])];
  const from = dates.reduce((a, b) => (b < a ? b : a));
  const to = dates.reduce((a, b) => (b > a ? b : a));
  const span = chartPeriods(from, to, today);
  const names = [...chart.milestoneNames, ...new Set(centres.flatMap((c) => c.milestones.map((m) => m.name)).filter((n) => !chart.milestoneNames.includes(n)))];
  const abbr = abbreviations(names);

  const data: Record<string, CellInput>[] = [];
  const rows: GanttRow[] = centres.map((c, i) => {
    const cells: (GanttCell | null)[] = span.periods.map(() => null);
    const texts: string[][] = span.periods.map(() => []);
    for (const m of c.milestones) {
      // A done milestone sits where it was done; an open one where it is planned (overdue ones stay there, in red).
      const k = span.index(m.actualOn ?? m.plannedOn);
      const state = m.state as GanttState;
      if (!cells[k] || SEVERITY[state] > SEVERITY[cells[k]!.state]) cells[k] = { state, text: '' };
      texts[k]!.push(abbr.get(m.name) ?? '');
      data.push({
        seq: i + 1,
        unitName: c.unitName,
        status: STATUS_CODES[c.status] ?? c.status,
        progress: c.progressPercent / 100,
        milestoneSeq: m.seq,
        milestone: m.name,
        plannedOn: m.plannedOn,
        actualOn: m.actualOn ?? '',
        state: m.state,
        daysLate: m.daysLate,
      });
    }
    cells.forEach((cell, k) => {
      if (cell) cell.text = texts[k]!.join('');
    });
    return { left: [i + 1, c.unitName, c.status, c.progressPercent / 100], cells };
  });

  const per = span.unit === 'month' ? '月' : '周';
  const file: GanttFile = {
    sheetName: SHEET,
    title: CENTRES_CHART_TITLE,
    left: [
      { header: '序号', width: LEFT_WIDTHS[0]!, type: 'int', align: 'center' },
      { header: '村（社区）', width: LEFT_WIDTHS[1]! },
      { header: '状态', width: LEFT_WIDTHS[2]!, align: 'center' },
      { header: '进度', width: LEFT_WIDTHS[3]!, type: 'percent', align: 'center' },
    ],
    periods: span.periods,
    periodWidth: periodWidth(params.paper ?? 'A3', span.periods.length),
    rows,
    legend: [
      ...(['done', 'doneLate', 'late', 'open'] as const).map((state) => ({ state, label: STATE_LABELS[state] })),
      { state: 'today' as const, label: `今天（${today}）所在${per}` },
    ],
    notes: numberedNotes([
      `按村（社区）顺序排列（不按风险排序；按风险排序请看服务中心页面的挂图作战），状态和形象进度为截至 ${today} 的情况；每列为一${per === '月' ? '个月' : '周（周一至周日）'}，自 ${span.periods[0]!.from} 至 ${span.periods.at(-1)!.to}，覆盖最早的计划或完成日期到最晚的要求完成日期。`,
      `已完成的节点画在实际完成日期所在的${per}，未完成的画在计划日期所在的${per}；同一${per}有几个节点时按最不利的着色：逾期未完成（红）> 逾期完成（橙）> 按期完成（绿）> 计划节点（灰）。`,
      `格中文字为节点简称：${names.map((n) => `${abbr.get(n)}=${n}`).join('、')}。`,
    ]),
    none: '没有服务中心改造记录。',
    data: { columns: DATA_COLUMNS, rows: data },
  };
  return { file, today, unit: span.unit, centres: centres.length };
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const { file, today, centres } = chartFile(ctx, params);
  const meta = { ...reportMeta(ctx, CENTRES_CHART_ID, asOf(today)), paper: params.paper ?? 'A3' };
  const { writeGanttWorkbook } = await import('../../excel/gantt');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeGanttWorkbook(sink, meta, file);
  return { buffer: Buffer.concat(chunks), rowCount: centres };
}

export const centresChartReport: ReportDefinition = {
  info: {
    id: CENTRES_CHART_ID,
    title: CENTRES_CHART_TITLE,
    module: MODULE,
    description:
      '挂图作战：每个服务中心一行（按村（社区）顺序），左侧村（社区）、状态、形象进度，右侧按周或按月画出各节点——按期完成绿色、逾期完成橙色、逾期未完成红色、未到期计划灰色，标出今天所在列并附图例；始终一页宽打印，默认 A3 横向，可选 A4。',
    params: ['units', 'paper'],
    defaultPaper: 'A3',
  },
  build,
};
