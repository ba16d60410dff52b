import { BarChartOutlined, DeleteOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Space, Table } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';
import { useRemotePage } from '../../components/useRemotePage';
import { useUnits } from '../../components/useUnits';
import { CreateRecordModal } from './CreateRecordModal';
import { DeletedRecordsModal } from './DeletedRecordsModal';
import { filterParams, hasFilters, readFilters, toQuery, type MemberFilterValues } from './filters';
import { LEDGER_WIDTH, ledgerColumns } from './ledgerColumns';
import { recordPath } from './labels';
import { MemberFilters } from './MemberFilters';
import { memberColumns } from './memberColumns';
import { remotePagination, sortFromTable, type SortState } from '../../components/remoteTable';
import type { RecordSummary } from './types';
import type { RecordSortField } from '../../../../core/members/schemas';
import { useBranches } from '../../components/useBranches';

type View = 'list' | 'ledger';

const NO_RECORDS = { items: [] as RecordSummary[], total: 0 };

export function MemberListPage() {
  const { fail } = useNotify();
  const { settings } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const view: View = params.get('view') === 'ledger' ? 'ledger' : 'list';
  const { units } = useUnits(false);
  const { branches, loaded: branchesLoaded } = useBranches();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<SortState<RecordSortField>>({ field: null, order: null });
  const [creating, setCreating] = useState(false);
  const [showDeleted, setShowDeleted] = useState(false);
  const { data, loading } = useRemotePage(
    () => call('members.list', { ...toQuery(filters), ...page, sortField: sort.field, sortOrder: sort.order }),
    [filters, page, sort],
    NO_RECORDS,
    fail,
  );

  const setQuery = useCallback(
    (next: MemberFilterValues, nextView: View = view) => {
      setParams(filterParams(next, nextView === 'ledger' ? { view: 'ledger' } : {}), { replace: true });
      setPage((p) => ({ ...p, page: 1 }));
    },
    [setParams, view],
  );

  const columns = useMemo(() => (view === 'ledger' ? ledgerColumns() : memberColumns(settings.townName, sort)), [view, settings.townName, sort]);
  const empty = hasFilters(filters) ? '没有符合条件的发展档案' : '暂无发展档案，请点右上角“新建档案”';

  return (
    <Card
      title="发展党员"
      extra={
        <Space>
          <Segmented<View>
            aria-label="显示方式"
            value={view}
            options={[
              { value: 'list', label: '列表' },
              { value: 'ledger', label: '台账' },
            ]}
            onChange={(v) => setQuery(filters, v)}
          />
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/members?view=indicators')}>
            指标
          </Button>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('/compliance')}>
            合规检查
          </Button>
          <Button icon={<DeleteOutlined />} onClick={() => setShowDeleted(true)}>
            已删除的档案
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建档案
          </Button>
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <MemberFilters value={filters} units={units} branches={branches} branchesLoaded={branchesLoaded} onChange={(patch) => setQuery({ ...filters, ...patch })} />
      </div>
      <Table<RecordSummary>
        rowKey="id"
        size={view === 'ledger' ? 'small' : 'middle'}
        bordered={view === 'ledger'}
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: view === 'ledger' ? LEDGER_WIDTH : 1100 }}
        locale={{ emptyText: empty }}
        onRow={(row) => ({ onDoubleClick: () => navigate(recordPath(row.id)) })}
        pagination={remotePagination(page, data.total, '人')}
        onChange={(p, _filters, sorter) => {
          const next = sortFromTable<RecordSortField, RecordSummary>(sorter);
          if (next.field !== sort.field || next.order !== sort.order) {
            setSort(next);
            setPage((cur) => ({ ...cur, page: 1 }));
          } else setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
        }}
      />
      <DeletedRecordsModal open={showDeleted} onClose={() => setShowDeleted(false)} onRestored={(id) => navigate(recordPath(id))} />
      <CreateRecordModal open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(recordPath(id))} />
    </Card>
  );
}
