/** The 后备人才 shapes as the contract delivers them, named once for the pages. */
import type { MethodInput, MethodOutput } from '../../../../core/api/contract';

export type ReserveRow = MethodOutput<'reserves.list'>['items'][number];
export type ReserveDetail = MethodOutput<'reserves.get'>;
export type ReserveEvent = ReserveDetail['events'][number];
export type Enrolment = ReserveDetail['trainings'][number];
export type AffairView = ReserveDetail['affairs'][number];
export type AssessmentView = ReserveDetail['assessments'][number];
export type ReserveConfigView = MethodOutput<'reserves.config'>;
export type PlanView = MethodOutput<'reserves.plan'>;
export type FundsView = MethodOutput<'reserves.funds'>;
export type RankingRow = MethodOutput<'reserves.ranking'>[number];
export type DeletedReserve = MethodOutput<'reserves.listDeleted'>[number];
export type ReserveSortField = NonNullable<MethodInput<'reserves.list'>['sortField']>;
