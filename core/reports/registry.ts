/**
 * The report catalogue. Each module contributes its definitions; `reports.list`, the 报表中心 page and
 * `ledger reports` / `ledger export` all read this one list. Only imported, never imported back: report
 * files take their types from ./definition.
 */
import { auditReport } from '../audit/report';
import { centreReports } from '../centres/reports';
import { memberReports } from '../members/reports';
import { rosterReport } from '../people/roster-report';
import { reserveReports } from '../reserves/reports';
import { summaryReport } from '../summary/report';
import type { ReportDefinition } from './definition';

export const reports: ReportDefinition[] = [rosterReport, ...memberReports, ...reserveReports, ...centreReports, summaryReport, auditReport];

export function findReport(id: string): ReportDefinition | undefined {
  return reports.find((r) => r.info.id === id);
}
