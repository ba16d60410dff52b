/**
 * The 人员库's search, filters, page and sort live in the URL query, as the 发展党员 list's do, so the back button and
 * a reload bring the clerk back to the same rows (#/people?q=马&unitId=3&page=2).
 */
import type { MethodInput } from '../../../../core/api/contract';
import { GENDERS, type Gender } from '../../../../core/people/codes';
import { peopleSortFields } from '../../../../core/people/schemas';
import type { PageState, SortState } from '../../components/remoteTable';
import type { PeopleFilterValues } from './PeopleFilters';

export type PeopleSortField = NonNullable<MethodInput<'people.list'>['sortField']>;

export interface PeopleView {
  filters: PeopleFilterValues;
  deleted: boolean;
  page: PageState;
  sort: SortState<PeopleSortField>;
}

const PAGE_SIZES = [20, 50, 100];

const positive = (v: string | null): number | null => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

export function readPeopleView(params: URLSearchParams): PeopleView {
  const gender = params.get('gender');
  const field = params.get('sort');
  const order = params.get('order');
  const pageSize = positive(params.get('pageSize'));
  return {
    filters: {
      q: params.get('q') ?? '',
      unitId: positive(params.get('unitId')),
      gender: GENDERS.includes(gender as Gender) ? (gender as Gender) : null,
      ethnicity: params.get('ethnicity') || null,
      education: params.get('education') || null,
      occupation: params.get('occupation') || null,
    },
    deleted: params.get('deleted') === '1',
    page: { page: positive(params.get('page')) ?? 1, pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : 20 },
    sort:
      (peopleSortFields as readonly string[]).includes(field ?? '') && (order === 'ascend' || order === 'descend')
        ? { field: field as PeopleSortField, order }
        : { field: null, order: null },
  };
}

/** Only what differs from the defaults, so links stay short and readable. */
export function peopleViewParams(v: PeopleView): Record<string, string> {
  const out: Record<string, string> = {};
  const f = v.filters;
  if (f.q) out.q = f.q;
  if (f.unitId) out.unitId = String(f.unitId);
  if (f.gender) out.gender = f.gender;
  if (f.ethnicity) out.ethnicity = f.ethnicity;
  if (f.education) out.education = f.education;
  if (f.occupation) out.occupation = f.occupation;
  if (v.deleted) out.deleted = '1';
  if (v.page.page > 1) out.page = String(v.page.page);
  if (v.page.pageSize !== 20) out.pageSize = String(v.page.pageSize);
  if (v.sort.field && v.sort.order) {
    out.sort = v.sort.field;
    out.order = v.sort.order;
  }
  return out;
}

/** What people.list is asked for a view: the page's own call and the early one started beside it use the same. */
export function peopleListInput(v: PeopleView): MethodInput<'people.list'> {
  return { ...v.filters, q: v.filters.q || null, deleted: v.deleted, sortField: v.sort.field, sortOrder: v.sort.order, ...v.page };
}

export function hasPeopleFilters(f: PeopleFilterValues): boolean {
  return Object.values(f).some((v) => v !== null && v !== '');
}
