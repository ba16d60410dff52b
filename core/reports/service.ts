import dayjs from 'dayjs';
import { today, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { getSettings } from '../org/settings';
import { findReport, reports, type ReportParams } from './registry';
import type { ExportResult, ReportInfo } from './schemas';

export function listReports(): ReportInfo[] {
  return reports.map((r) => r.info);
}

/** Builds the file in memory; each transport decides where it goes (save dialog, download, --out). */
export async function exportReport(ctx: LedgerContext, params: ReportParams): Promise<ExportResult & { buffer: Buffer }> {
  const report = findReport(params.reportId);
  if (!report) {
    throw new LedgerError('NOT_FOUND', `没有编号为“${params.reportId}”的报表`, { hint: `可用的报表：${reports.map((r) => r.info.id).join('、')}` });
  }
  const { buffer, rowCount } = await report.build(ctx, params);
  const settings = getSettings(ctx);
  const who = settings.townName || settings.unitName;
  const fileName = `${report.info.title}${who ? `_${who}` : ''}_${dayjs(today(ctx)).format('YYYYMMDD')}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, base64: buffer.toString('base64'), rowCount, buffer };
}
