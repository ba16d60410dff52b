/**
 * Shared pieces of the server-paged, server-sorted tables (人员库, 发展党员, 操作日志): the list pages hold at most
 * one page in memory, so paging and sorting both travel to the core.
 */
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';

export interface PageState {
  page: number;
  pageSize: number;
}

export interface SortState<F extends string> {
  field: F | null;
  order: 'ascend' | 'descend' | null;
}

export function remotePagination(page: PageState, total: number, unit: string): TablePaginationConfig {
  return {
    current: page.page,
    pageSize: page.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => `共 ${n} ${unit}`,
  };
}

/** The column a clerk clicked, as the sort field the core understands (column keys are the field names). */
export function sortFromTable<F extends string, T>(sorter: SorterResult<T> | SorterResult<T>[]): SortState<F> {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  return one?.order ? { field: one.columnKey as F, order: one.order } : { field: null, order: null };
}
