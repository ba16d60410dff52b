/** The 村级综合服务中心改造升级 reports, in the order the 报表中心 lists them (domain.md §6, catalogue item 7). */
import type { ReportDefinition } from '../../reports/definition';
import { centresChartReport } from './chart';
import { centresPartyStatsReport } from './party-stats';
import { centresMonthlyReport, centresWeeklyReport } from './periodic';
import { centresProgressReport } from './progress';

export const centreReports: ReportDefinition[] = [centresProgressReport, centresChartReport, centresMonthlyReport, centresWeeklyReport, centresPartyStatsReport];
