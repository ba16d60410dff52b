/**
 * The list's filters live in the URL query, as the other lists' do, so a count on 首页 can link straight to the
 * centres behind it (#/centres?status=滞后) and the back button restores the list.
 */
import type { MethodInput } from '../../../../core/api/contract';
import { CENTRE_STATUSES, RENOVATION_TYPES, type CentreStatus, type RenovationType } from '../../../../core/centres/codes';
import { CENTRE_SORT_FIELDS } from '../../../../core/centres/schemas';
import type { CentreSortField } from './types';

export interface CentreFilterValues {
  unitId: number | null;
  renovationType: RenovationType | null;
  status: CentreStatus | null;
  fundingSource: string | null;
  atRisk: boolean;
  sortField: CentreSortField | null;
  sortOrder: 'ascend' | 'descend' | null;
}

const positive = (v: string | null): number | null => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function readFilters(params: URLSearchParams): CentreFilterValues {
  const type = params.get('renovationType');
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    unitId: positive(params.get('unitId')),
    renovationType: RENOVATION_TYPES.includes(type as RenovationType) ? (type as RenovationType) : null,
    status: CENTRE_STATUSES.includes(status as CentreStatus) ? (status as CentreStatus) : null,
    fundingSource: params.get('fundingSource') || null,
    atRisk: params.get('atRisk') === '1',
    sortField: (CENTRE_SORT_FIELDS as readonly string[]).includes(sort ?? '') ? (sort as CentreSortField) : null,
    sortOrder: params.get('order') === 'descend' ? 'descend' : params.get('order') === 'ascend' ? 'ascend' : null,
  };
}

/** Only the filters that are set, so drill-down links stay short and readable. */
export function filterParams(f: CentreFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.unitId) out.unitId = String(f.unitId);
  if (f.renovationType) out.renovationType = f.renovationType;
  if (f.status) out.status = f.status;
  if (f.fundingSource) out.fundingSource = f.fundingSource;
  if (f.atRisk) out.atRisk = '1';
  if (f.sortField) out.sort = f.sortField;
  if (f.sortField && f.sortOrder) out.order = f.sortOrder;
  return out;
}

export function toQuery(f: CentreFilterValues): Omit<MethodInput<'centres.list'>, 'page' | 'pageSize'> {
  return { ...f, atRisk: f.atRisk ? true : null };
}

/** Whether any filter (not the sort) narrows the list. */
export function hasFilters(f: CentreFilterValues): boolean {
  return Object.keys(filterParams({ ...f, sortField: null, sortOrder: null })).length > 0;
}
