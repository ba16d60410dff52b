/** The 发展党员 reports, in the order the 报表中心 lists them (domain.md §6, catalogue items 1–5, and the 多年不发展党员 list clerks asked for). */
import type { ReportDefinition } from '../../reports/definition';
import { complianceReport } from './compliance';
import { dormantReport } from './dormant';
import { remindersReport } from './reminders';
import { reviewReport } from './review';
import { rosterReport } from './roster';
import { statsReport } from './stats';
import { stats2Report } from './stats-2';

export const memberReports: ReportDefinition[] = [statsReport, stats2Report, rosterReport, reviewReport, remindersReport, complianceReport, dormantReport];
