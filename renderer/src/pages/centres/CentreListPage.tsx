import { DeploymentUnitOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call } from '../../api/client';
import { remotePagination } from '../../components/remoteTable';
import { useNotify } from '../../components/useNotify';
import { useRemotePage } from '../../components/useRemotePage';
import { useUnits } from '../../components/useUnits';
import { CentreFilters } from './CentreFilters';
import { CentreForm } from './CentreForm';
import { centreColumns } from './centreColumns';
import { filterParams, hasFilters, readFilters, toQuery, type CentreFilterValues } from './filters';
import { CHART_PATH, SETTINGS_PATH, centrePath } from './labels';
import type { CentreRow, CentreSortField } from './types';
import { useCentreConfig } from './useCentreConfig';

const NO_ROWS = { items: [] as CentreRow[], total: 0 };

/** 村级综合服务中心改造升级: one row per village, filtered and sorted by the core, paged remotely. */
export function CentreListPage() {
  const { fail } = useNotify();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const { units } = useUnits(false);
  const config = useCentreConfig();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const { data, loading } = useRemotePage(() => call('centres.list', { ...toQuery(filters), ...page }), [filters, page], NO_ROWS, fail);

  const setQuery = useCallback(
    (next: CentreFilterValues) => {
      setParams(filterParams(next), { replace: true });
      setPage((p) => ({ ...p, page: 1 }));
    },
    [setParams],
  );
  const columns = useMemo(() => centreColumns(filters), [filters]);

  const onSort = (sorter: SorterResult<CentreRow> | SorterResult<CentreRow>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = one?.order ? (one.columnKey as CentreSortField) : null;
    const order = one?.order ?? null;
    if (field === filters.sortField && order === (filters.sortOrder ?? (field ? 'ascend' : null))) return false;
    setQuery({ ...filters, sortField: field, sortOrder: order === 'descend' ? 'descend' : null });
    return true;
  };

  const empty = hasFilters(filters) ? '没有符合条件的服务中心' : '暂无服务中心改造记录，请点右上角“新增服务中心”';

  return (
    <Card
      title="村级综合服务中心改造升级"
      extra={
        <Space>
          <Button icon={<DeploymentUnitOutlined />} onClick={() => navigate(CHART_PATH)}>
            挂图作战
          </Button>
          <Button icon={<SettingOutlined />} onClick={() => navigate(SETTINGS_PATH)}>
            设置
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增服务中心
          </Button>
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <CentreFilters value={filters} units={units} config={config} onChange={(patch) => setQuery({ ...filters, ...patch })} />
      </div>
      <Table<CentreRow>
        rowKey="id"
        size="middle"
        data-testid="centre-list"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1240 }}
        locale={{ emptyText: empty }}
        onRow={(row) => ({ onDoubleClick: () => navigate(centrePath(row.id)) })}
        pagination={remotePagination(page, data.total, '个')}
        onChange={(p, _filters, sorter) => {
          if (!onSort(sorter)) setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
        }}
      />
      <CentreForm editing={creating ? null : undefined} units={units} config={config} onClose={() => setCreating(false)} onSaved={(id) => navigate(centrePath(id))} />
    </Card>
  );
}
