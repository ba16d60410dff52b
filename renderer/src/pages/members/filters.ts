/**
 * The list's filters live in the URL query, so a count on 首页 or on the 指标 page can link straight to the
 * names behind it (#/members?stage=2, ?onlyOverdue=1) and the browser's back button restores the list.
 */
import type { MethodInput } from '../../../../core/api/contract';
import { STATUS_GROUPS, type StatusGroup } from './labels';

export interface MemberFilterValues {
  q: string;
  stage: number | null;
  status: StatusGroup | null;
  unitId: number | null;
  branchId: number | null;
  year: number | null;
  /** A 流程节点 and the dates its date falls between (the 汇总 figures link here: ?step=17&stepFrom=…&stepTo=…). */
  step: number | null;
  stepFrom: string | null;
  stepTo: string | null;
  onlyOverdue: boolean;
  onlyViolations: boolean;
}

const positive = (v: string | null): number | null => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

const isoDay = (v: string | null): string | null => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

export function readFilters(params: URLSearchParams): MemberFilterValues {
  const stage = positive(params.get('stage'));
  const status = params.get('status');
  const step = positive(params.get('step'));
  return {
    q: params.get('q') ?? '',
    stage: stage && stage <= 5 ? stage : null,
    status: STATUS_GROUPS.includes(status as StatusGroup) ? (status as StatusGroup) : null,
    unitId: positive(params.get('unitId')),
    branchId: positive(params.get('branchId')),
    year: positive(params.get('year')),
    step: step && step <= 25 ? step : null,
    stepFrom: isoDay(params.get('stepFrom')),
    stepTo: isoDay(params.get('stepTo')),
    onlyOverdue: params.get('onlyOverdue') === '1',
    onlyViolations: params.get('onlyViolations') === '1',
  };
}

/** Only the filters that are set, so drill-down links stay short and readable. */
export function filterParams(f: MemberFilterValues, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  if (f.q) out.q = f.q;
  if (f.stage) out.stage = String(f.stage);
  if (f.status) out.status = f.status;
  if (f.unitId) out.unitId = String(f.unitId);
  if (f.branchId) out.branchId = String(f.branchId);
  if (f.year) out.year = String(f.year);
  if (f.step) {
    out.step = String(f.step);
    if (f.stepFrom) out.stepFrom = f.stepFrom;
    if (f.stepTo) out.stepTo = f.stepTo;
  }
  if (f.onlyOverdue) out.onlyOverdue = '1';
  if (f.onlyViolations) out.onlyViolations = '1';
  return out;
}

export function toQuery(f: MemberFilterValues): MethodInput<'members.list'> {
  return {
    q: f.q || null,
    stage: f.stage,
    status: f.status,
    unitId: f.unitId,
    branchId: f.branchId,
    activistYear: f.year,
    stepNo: f.step,
    stepFrom: f.step ? f.stepFrom : null,
    stepTo: f.step ? f.stepTo : null,
    onlyOverdue: f.onlyOverdue,
    onlyViolations: f.onlyViolations,
  };
}

export function hasFilters(f: MemberFilterValues): boolean {
  return Object.keys(filterParams(f)).length > 0;
}
