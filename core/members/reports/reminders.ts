/**
 * 发展党员月度提醒清单: every due or overdue 流程节点 across the files, overdue first, in the column order
 * clerks read (单位 → 支部 → 姓名 → 事项 → 状态 → 截止日期), to print and work through each month.
 */
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { monthText, reportMeta } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { allReminders } from '../query';
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
  { key: 'status', header: '当前状态', width: 10, align: 'center' },
  { key: 'dueDate', header: '截止日期', type: 'date', width: 11 },
  { key: 'daysLeft', header: '剩余天数', type: 'int', width: 10, align: 'center' },
];

export function reminderRows(list: ReminderOut[]): Record<string, CellInput>[] {
  return list.map((r, i) => ({
    seq: i + 1,
    unitName: unitDisplay(r.unitName),
    branchName: r.branchName ?? '',
    name: r.personName,
    step: stepText(r.step) || r.kind,
    detail: r.title,
    status: REMINDER_STATUS[r.status],
    dueDate: r.dueDate,
    // Negative once overdue: the number of days past the deadline.
    daysLeft: r.daysLeft,
  }));
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const keep = unitFilter(params);
  const units = recordUnits(ctx);
  const list = allReminders(ctx, true).filter((r) => keep(units.get(r.recordId)));
  const rows = reminderRows(list);
  const count = (s: ReminderOut['status']) => list.filter((r) => r.status === s).length;
  const summary = `共 ${rows.length} 项：逾期 ${count('overdue')} 项，即将到期 ${count('due')} 项，待办 ${count('upcoming')} 项`;
  const buffer = await buildReport(reportMeta(ctx, REMINDERS_ID, monthText(today(ctx))), [
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
    description: '全部发展档案中已逾期、即将到期和待办的流程节点（谈话、考察、预备期满、审批等），逾期的排在最前，按单位、支部、姓名列出截止日期和剩余天数；可按村（社区）筛选。',
    params: ['units'],
  },
  build,
};
