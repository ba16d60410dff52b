/**
 * The report catalogue. Each module contributes its definitions; `reports.list`, the 报表中心 page and
 * `ledger reports` / `ledger export` all read this one list.
 */
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import { memberReports } from '../members/reports';
import { rosterReport } from '../people/roster-report';
import type { exportInput, ReportInfo } from './schemas';

export type ReportParams = z.output<typeof exportInput>;

export interface ReportDefinition {
  info: ReportInfo;
  build(ctx: LedgerContext, params: ReportParams): Promise<{ buffer: Buffer; rowCount: number }>;
}

export const reports: ReportDefinition[] = [rosterReport, ...memberReports];

export function findReport(id: string): ReportDefinition | undefined {
  return reports.find((r) => r.info.id === id);
}
