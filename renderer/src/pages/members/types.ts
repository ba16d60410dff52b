/** The 发展党员 shapes as the contract delivers them, named once for the pages. */
import type { MethodOutput } from '../../../../core/api/contract';

export type RecordDetail = MethodOutput<'members.get'>;
export type RecordSummary = MethodOutput<'members.list'>['items'][number];
export type StepView = RecordDetail['steps'][number];
export type ViolationView = RecordDetail['violations'][number];
export type ReminderView = MethodOutput<'members.reminders'>[number];
export type FindingView = MethodOutput<'members.check'>[number];
export type RulesView = MethodOutput<'members.rules'>;
export type RuleView = RulesView['rules'][number];
export type Indicators = MethodOutput<'members.indicators'>;
