/**
 * 程序合规检查表: every rule finding across the files, with the 特殊情况说明 recorded where a clerk went
 * ahead anyway, so the 党委 reviews the exceptions rather than rediscovering them.
 */
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { reportMeta } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { allFindings, type Finding } from '../overview';
import { DATE_KEY_LABELS, type DateKey } from '../steps';
import { MODULE, recordUnits, stepText, unitDisplay, unitFilter } from './common';

export const COMPLIANCE_ID = 'members-compliance';
const TITLE = '程序合规检查表';

export const LEVEL_TEXT: Record<Finding['level'], string> = { error: '错误', warning: '提醒' };

/** Labels for the date keys rules report besides the DateKey letters. */
const EXTRA_DATE_LABELS: Record<string, string> = {
  birthDate: '出生日期',
  letter: '函调日期',
  leaving: '预计离开日期',
  limit: '规定期限',
  finalLimit: '最迟期限',
  earliest: '最早可办日期',
  today: '检查日期',
  from: '起始日期',
  to: '截止日期',
};

/** What a key the rules may add later prints as: a rule's internal name never reaches paper. */
const UNKNOWN_DATE_LABEL = '相关日期';

export function dateLabel(key: string): string {
  const step = /^step(\d+)$/.exec(key);
  if (step) return `第${step[1]}节点日期`;
  if (Object.hasOwn(DATE_KEY_LABELS, key)) return DATE_KEY_LABELS[key as DateKey];
  return Object.hasOwn(EXTRA_DATE_LABELS, key) ? EXTRA_DATE_LABELS[key]! : UNKNOWN_DATE_LABEL;
}

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'unitName', header: '村（社区）', width: 12 },
  { key: 'branchName', header: '党支部', width: 14 },
  { key: 'name', header: '姓名', width: 8, align: 'center' },
  { key: 'ruleId', header: '规则编号', width: 10, align: 'center' },
  { key: 'level', header: '级别', width: 6, align: 'center', codes: LEVEL_TEXT },
  { key: 'step', header: '流程节点', width: 18 },
  { key: 'message', header: '问题说明', width: 36 },
  { key: 'dates', header: '相关日期', width: 32 },
  { key: 'explanation', header: '特殊情况说明', width: 24 },
  // The district merges and de-duplicates on these, not on the printed wording.
  { key: 'recordId', header: '档案编号', type: 'int', dataOnly: true },
  { key: 'stepNo', header: '节点序号', type: 'int', dataOnly: true },
];

export function datesText(dates: Record<string, string>): string {
  return Object.entries(dates)
    .map(([key, value]) => `${dateLabel(key)} ${value}`)
    .join('\n');
}

export function complianceRows(findings: Finding[]): Record<string, CellInput>[] {
  return findings.map((f, i) => ({
    seq: i + 1,
    unitName: unitDisplay(f.unitName),
    branchName: f.branchName ?? '',
    name: f.personName,
    ruleId: f.ruleId,
    level: f.level,
    step: stepText(f.step),
    message: f.message,
    dates: datesText(f.dates),
    explanation: f.explanation ?? '',
    recordId: f.recordId,
    stepNo: f.step,
  }));
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const keep = unitFilter(params);
  const units = recordUnits(ctx);
  const findings = allFindings(ctx).filter((f) => keep(units.get(f.recordId)));
  const rows = complianceRows(findings);
  const errors = findings.filter((f) => f.level === 'error').length;
  const summary = `共 ${rows.length} 条：错误 ${errors} 条，提醒 ${rows.length - errors} 条`;
  const buffer = await buildReport(reportMeta(ctx, COMPLIANCE_ID, `截至 ${today(ctx)}`), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: COLUMNS,
      rows,
      totals: { label: '合计', labelKey: 'seq', values: { message: summary } },
      freezeColumns: 4,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const complianceReport: ReportDefinition = {
  info: {
    id: COMPLIANCE_ID,
    title: TITLE,
    module: MODULE,
    description: '按现行规则表检查全部发展档案，列出每条违规或提醒的规则编号、级别、流程节点、问题说明、相关日期及填写的特殊情况说明；可按村（社区）筛选。',
    params: ['units'],
  },
  build,
};
