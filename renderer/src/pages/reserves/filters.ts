/**
 * The list's filters live in the URL query, as the 发展党员 list's do, so a count on 首页 or on the 计划 page can
 * link straight to the names behind it (#/reserves?unitId=3&status=在库) and the back button restores the list.
 */
import type { MethodInput } from '../../../../core/api/contract';
import { EDUCATION_GROUPS, type EducationGroup } from '../../../../core/people/codes';
import { AGE_BANDS, RESERVE_STATUSES, type ReserveStatus } from '../../../../core/reserves/codes';

export interface ReserveFilterValues {
  q: string;
  unitId: number | null;
  source: string | null;
  status: ReserveStatus | null;
  postDirection: string | null;
  ageBand: string | null;
  educationGroup: EducationGroup | null;
  partyMember: boolean | null;
}

const positive = (v: string | null): number | null => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function readFilters(params: URLSearchParams): ReserveFilterValues {
  const status = params.get('status');
  const band = params.get('ageBand');
  const edu = params.get('educationGroup');
  const party = params.get('partyMember');
  return {
    q: params.get('q') ?? '',
    unitId: positive(params.get('unitId')),
    source: params.get('source') || null,
    status: RESERVE_STATUSES.includes(status as ReserveStatus) ? (status as ReserveStatus) : null,
    postDirection: params.get('postDirection') || null,
    ageBand: AGE_BANDS.some((b) => b.key === band) ? band : null,
    educationGroup: EDUCATION_GROUPS.includes(edu as EducationGroup) ? (edu as EducationGroup) : null,
    partyMember: party === '1' ? true : party === '0' ? false : null,
  };
}

/** Only the filters that are set, so drill-down links stay short and readable. */
export function filterParams(f: ReserveFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.unitId) out.unitId = String(f.unitId);
  if (f.source) out.source = f.source;
  if (f.status) out.status = f.status;
  if (f.postDirection) out.postDirection = f.postDirection;
  if (f.ageBand) out.ageBand = f.ageBand;
  if (f.educationGroup) out.educationGroup = f.educationGroup;
  if (f.partyMember !== null) out.partyMember = f.partyMember ? '1' : '0';
  return out;
}

export function toQuery(f: ReserveFilterValues): MethodInput<'reserves.list'> {
  return { ...f, q: f.q || null };
}

export function hasFilters(f: ReserveFilterValues): boolean {
  return Object.keys(filterParams(f)).length > 0;
}
