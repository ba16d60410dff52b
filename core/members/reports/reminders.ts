/**
 * 发展党员月度提醒清单: what falls due in a month across the files, and what earlier months left overdue, in
 * the column order clerks read (单位 → 支部 → 姓名 → 事项 → 状态 → 截止日期), to print and work through.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { monthText, reportMeta } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { allReminders } from '../overview';
import type { ReminderOut } from '../schemas';
import { MODULE, recordUnits, stepText, unitDisplay, unitFilter } from './common';

export const REMINDERS_ID = 'members-reminders';
const TITLE = '发展党员月度提醒清单';

export const REMINDER_STATUS: Record<ReminderOut['status'], string> = { overdue: '逾期', due: '即将到期', upcoming: '待办' };

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'unitName', header: '村（社区）', width: 12 },
  { key: 'branchName', header: '党支部', width: 14 },
  { key: 'name', header: '姓名', width: 8, align: 'center' },
  { key: 'step', header: '事项（流程节点）', width: 22 },
  { key: 'detail', header: '提醒内容', width: 44 },
  { key: 'status', header: '当前状态', width: 10, align: 'center', codes: REMINDER_STATUS },
  { key: 'dueDate', header: '截止日期', type: 'date', width: 11 },
  { key: 'daysLeft', header: '剩余天数', type: 'int', width: 10, align: 'center' },
  // The district merges and de-duplicates on these, not on the printed wording.
  { key: 'recordId', header: '档案编号', type: 'int', dataOnly: true },
  { key: 'stepNo', header: '节点序号', type: 'int', dataOnly: true },
];

export interface MonthPeriod {
  from: string;
  to: string;
  /** "2026年11月" for a calendar month, otherwise "2026-11-01 至 2026-12-31". */
  text: string;
}

/**
 * The month the list is for: this month by default; `from`/`to` pick another month or span, and a lone
 * `from` or `to` means its own calendar month.
 */
export function reminderPeriod(ctx: LedgerContext, params: Pick<ReportParams, 'from' | 'to'>): MonthPeriod {
  const anchor = params.from ?? params.to ?? today(ctx);
  const from = params.from ?? dayjs(anchor).startOf('month').format('YYYY-MM-DD');
  const to = params.to ?? dayjs(anchor).endOf('month').format('YYYY-MM-DD');
  const wholeMonth = from === dayjs(from).startOf('month').format('YYYY-MM-DD') && to === dayjs(from).endOf('month').format('YYYY-MM-DD');
  return { from, to, text: wholeMonth ? monthText(from) : `${from} 至 ${to}` };
}

/**
 * What is still open and due by the period's end: earlier months' overdue items first (oldest first), then the
 * period's own by due date. Items due after the period belong to a later month's list.
 */
export function monthReminders(list: ReminderOut[], period: { from: string; to: string }): ReminderOut[] {
  const earlier = (r: ReminderOut) => (r.dueDate < period.from ? 0 : 1);
  return list.filter((r) => r.dueDate <= period.to).sort((a, b) => earlier(a) - earlier(b) || a.dueDate.localeCompare(b.dueDate));
}

export function reminderRows(list: ReminderOut[]): Record<string, CellInput>[] {
  return list.map((r, i) => ({
    seq: i + 1,
    unitName: unitDisplay(r.unitName),
    branchName: r.branchName ?? '',
    name: r.personName,
    step: stepText(r.step) || r.kind,
    detail: r.title,
    status: r.status,
    dueDate: r.dueDate,
    // Negative once overdue: the number of days past the deadline.
    daysLeft: r.daysLeft,
    recordId: r.recordId,
    stepNo: r.step,
  }));
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const keep = unitFilter(params);
  const units = recordUnits(ctx);
  const period = reminderPeriod(ctx, params);
  const list = monthReminders(
    allReminders(ctx, true).filter((r) => keep(units.get(r.recordId))),
    period,
  );
  const rows = reminderRows(list);
  const before = list.filter((r) => r.dueDate < period.from).length;
  const month = period.text.endsWith('月');
  // Short enough for the 提醒内容 cell of the 合计 row: the per-row 当前状态 already tells overdue from due.
  const summary = `共 ${rows.length} 项：${month ? '往月' : '此前'}逾期未办 ${before} 项，${month ? '本月' : '本期'}到期 ${rows.length - before} 项`;
  const buffer = await buildReport(reportMeta(ctx, REMINDERS_ID, period.text), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: COLUMNS,
      rows,
      totals: { label: '合计', labelKey: 'seq', values: { detail: summary } },
      freezeColumns: 4,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const remindersReport: ReportDefinition = {
  info: {
    id: REMINDERS_ID,
    title: TITLE,
    module: MODULE,
    description:
      '所选月份（默认本月）内到期的流程节点（谈话、考察、预备期满、审批等），以及此前各月逾期未办的事项（排在最前），按单位、支部、姓名列出截止日期和剩余天数；月份之后才到期的不列入。可按村（社区）筛选。',
    params: ['period', 'units'],
  },
  build,
};
