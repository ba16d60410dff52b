/** The 村"两委"后备人才 reports, in the order the 报表中心 lists them (domain.md §6, catalogue item 6). */
import type { ReportDefinition } from '../../reports/definition';
import { reservesCardsReport } from './cards';
import { reservesChangesReport } from './changes';
import { reservesFundsReport } from './funds';
import { reservesRosterReport } from './roster';
import { reservesStatsReport } from './stats';

export const reserveReports: ReportDefinition[] = [reservesRosterReport, reservesStatsReport, reservesFundsReport, reservesChangesReport, reservesCardsReport];
