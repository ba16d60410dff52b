/** The 服务中心 shapes as the contract delivers them, named once for the pages. */
import type { MethodInput, MethodOutput } from '../../../../core/api/contract';

export type CentreRow = MethodOutput<'centres.list'>['items'][number];
export type CentreDetail = MethodOutput<'centres.get'>;
export type CentreFacts = CentreDetail['facts'];
export type MilestoneView = CentreDetail['milestones'][number];
export type ProgressEntry = CentreDetail['progress'][number];
export type MoneyRecord = CentreDetail['money'][number];
export type MoneyBySource = CentreDetail['moneyBySource'][number];
export type ChartView = MethodOutput<'centres.chart'>;
export type ChartCentre = ChartView['centres'][number];
export type CentreConfigView = MethodOutput<'centres.config'>;
export type CentreOverview = MethodOutput<'centres.overview'>;
export type CentreSortField = NonNullable<MethodInput<'centres.list'>['sortField']>;
export type MilestoneState = MilestoneView['state'];
