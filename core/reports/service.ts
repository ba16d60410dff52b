import dayjs from 'dayjs';
import { countFullIdNumbers, recordUnmaskedExport } from '../audit/export-audit';
import { today, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { getSettings } from '../org/settings';
import type { ReportDefinition, ReportParams } from './definition';
import { findReport, reports } from './registry';
import type { ExportResult, ReportInfo } from './schemas';

export function listReports(): ReportInfo[] {
  return reports.map((r) => r.info);
}

/**
 * A choice the report does not honour is refused, never silently dropped: a clerk who asked for 2024 must not
 * send up a file that counts something else.
 */
function checkParams(report: ReportDefinition, params: ReportParams): void {
  const { title, params: accepted } = report.info;
  if ((params.from || params.to) && !accepted.includes('period')) {
    throw new LedgerError('INVALID_INPUT', `该报表不按时段统计，不能指定开始或结束日期：“${title}”反映的是截至今天的情况。`, {
      fields: { [params.from ? 'from' : 'to']: '该报表不按时段统计' },
      hint: '请去掉开始、结束日期后再导出；按时段统计的报表可在报表中心查看“统计期间”选项。',
    });
  }
  if (params.paper && !accepted.includes('paper')) {
    throw new LedgerError('INVALID_INPUT', `该报表按 A4 纸排版，不能另选纸张：“${title}”。`, {
      fields: { paper: '该报表不能选择纸张' },
      hint: '请去掉纸张选项后再导出；可选纸张的是发展党员花名册（全程纪实台账）。',
    });
  }
  if (params.ids?.length && !accepted.includes('selection')) {
    throw new LedgerError('INVALID_INPUT', `该报表不按所选记录导出，不能指定记录编号：“${title}”。`, {
      fields: { ids: '该报表不能选择记录' },
      hint: '请去掉记录编号后再导出；按所选记录导出的是一人一卡。',
    });
  }
}

/** Builds the file in memory; each transport decides where it goes (save dialog, download, --out). */
export async function exportReport(ctx: LedgerContext, params: ReportParams): Promise<ExportResult & { buffer: Buffer }> {
  const report = findReport(params.reportId);
  if (!report) {
    throw new LedgerError('NOT_FOUND', `没有编号为“${params.reportId}”的报表`, { hint: `可用的报表：${reports.map((r) => r.info.id).join('、')}` });
  }
  checkParams(report, params);
  const paper = params.paper ?? report.info.defaultPaper;
  const { buffer, rowCount } = await report.build(ctx, paper ? { ...params, paper } : params);
  const settings = getSettings(ctx);
  const who = settings.townName || settings.unitName;
  const fileName = `${report.info.title}${who ? `_${who}` : ''}_${dayjs(today(ctx)).format('YYYYMMDD')}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  // 上报用 (unmasked) files leave a log line before they leave the ledger, whichever transport asked for them.
  if (params.maskIdNumbers === false) {
    const idNumbers = await countFullIdNumbers(buffer);
    recordUnmaskedExport(ctx, { reportId: report.info.id, title: report.info.title, fileName, rowCount, idNumbers, from: params.from, to: params.to, unitIds: params.unitIds });
  }
  return { fileName, base64: buffer.toString('base64'), rowCount, buffer };
}
