/** The 发展党员 reports, in the order the 报表中心 lists them (domain.md §6, catalogue items 1–5). */
import type { ReportDefinition } from '../../reports/definition';
import { complianceReport } from './compliance';
import { remindersReport } from './reminders';
import { reviewReport } from './review';
import { rosterReport } from './roster';
import { statsReport } from './stats';
import { stats2Report } from './stats-2';

export const memberReports: ReportDefinition[] = [statsReport, stats2Report, rosterReport, reviewReport, remindersReport, complianceReport];
