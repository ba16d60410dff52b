import { BarChartOutlined, DeleteOutlined, PlusOutlined, PrinterOutlined, ReadOutlined, ScheduleOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useMemo, useState, type Key } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call, saveReport } from '../../api/client';
import { remotePagination, sortFromTable, type SortState } from '../../components/remoteTable';
import { useNotify } from '../../components/useNotify';
import { useRemotePage } from '../../components/useRemotePage';
import { useUnits } from '../../components/useUnits';
import { AffairModal } from './AffairModal';
import { DeletedReservesModal } from './DeletedReservesModal';
import { filterParams, hasFilters, readFilters, toQuery, type ReserveFilterValues } from './filters';
import { PLAN_PATH, SETTINGS_PATH, reservePath } from './labels';
import { reserveColumns } from './reserveColumns';
import { ReserveFilters } from './ReserveFilters';
import { ReserveForm } from './ReserveForm';
import { TrainingModal, type Picked } from './TrainingModal';
import type { ReserveRow, ReserveSortField } from './types';
import { useReserveConfig } from './useReserveConfig';

const NO_ROWS = { items: [] as ReserveRow[], total: 0 };
type Batch = 'training' | 'affair' | null;

/** 后备人才名册: remote paging and sorting, with batch 报名培训 / 村级事务 / 一人一卡 for the rows ticked. */
export function ReserveListPage() {
  const { message, fail } = useNotify();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const { units } = useUnits(false);
  const config = useReserveConfig();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<SortState<ReserveSortField>>({ field: null, order: null });
  const [version, setVersion] = useState(0);
  const [creating, setCreating] = useState(false);
  const [batch, setBatch] = useState<Batch>(null);
  const [printing, setPrinting] = useState(false);
  const [showDeleted, setShowDeleted] = useState(false);
  // In the order they were ticked (rows of one page in list order): a class's cost remainder goes to the first.
  const [selected, setSelected] = useState<Picked[]>([]);
  const { data, loading } = useRemotePage(
    () => call('reserves.list', { ...toQuery(filters), ...page, sortField: sort.field, sortOrder: sort.order }),
    [filters, page, sort, version],
    NO_ROWS,
    fail,
  );

  const setQuery = useCallback(
    (next: ReserveFilterValues) => {
      setParams(filterParams(next), { replace: true });
      setPage((p) => ({ ...p, page: 1 }));
    },
    [setParams],
  );
  const columns = useMemo(() => reserveColumns(sort), [sort]);

  const onSelect = (keys: Key[]) => {
    const keep = selected.filter((s) => keys.includes(s.id));
    const added = data.items.filter((r) => keys.includes(r.id) && !keep.some((s) => s.id === r.id)).map((r) => ({ id: r.id, name: r.name }));
    setSelected([...keep, ...added]);
  };

  const batchDone = () => {
    setBatch(null);
    setVersion((v) => v + 1);
  };

  const printCards = async () => {
    setPrinting(true);
    try {
      const result = await saveReport({ reportId: 'reserves-cards', ids: selected.map((s) => s.id) });
      if (result.saved) message.success({ content: `已导出：${result.path ?? result.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setPrinting(false);
    }
  };

  const none = selected.length === 0;
  const empty = hasFilters(filters) ? '没有符合条件的后备人才' : '暂无后备人才，请点右上角“新增后备人才”';

  return (
    <Card
      title="村“两委”后备人才"
      extra={
        <Space>
          <Button icon={<BarChartOutlined />} onClick={() => navigate(PLAN_PATH)}>
            计划与经费
          </Button>
          <Button icon={<SettingOutlined />} onClick={() => navigate(SETTINGS_PATH)}>
            设置
          </Button>
          <Button icon={<DeleteOutlined />} onClick={() => setShowDeleted(true)}>
            已删除
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新增后备人才
          </Button>
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <ReserveFilters value={filters} units={units} config={config} onChange={(patch) => setQuery({ ...filters, ...patch })} />
      </div>
      <Space style={{ marginBottom: 12 }} wrap data-testid="batch-bar">
        <Typography.Text type={none ? 'secondary' : undefined}>{none ? '勾选人员后可批量办理：' : `已选 ${selected.length} 人：`}</Typography.Text>
        <Button icon={<ReadOutlined />} disabled={none} onClick={() => setBatch('training')}>
          报名培训
        </Button>
        <Button icon={<ScheduleOutlined />} disabled={none} onClick={() => setBatch('affair')}>
          记录村级事务
        </Button>
        <Button icon={<PrinterOutlined />} disabled={none} loading={printing} onClick={() => void printCards()}>
          打印一人一卡
        </Button>
        {!none && (
          <Button type="link" onClick={() => setSelected([])}>
            清除选择
          </Button>
        )}
      </Space>
      <Table<ReserveRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1090 }}
        locale={{ emptyText: empty }}
        rowSelection={{ selectedRowKeys: selected.map((s) => s.id), preserveSelectedRowKeys: true, onChange: onSelect }}
        onRow={(row) => ({ onDoubleClick: () => navigate(reservePath(row.id)) })}
        pagination={remotePagination(page, data.total, '人')}
        onChange={(p, _filters, sorter) => {
          const next = sortFromTable<ReserveSortField, ReserveRow>(sorter);
          if (next.field !== sort.field || next.order !== sort.order) {
            setSort(next);
            setPage((cur) => ({ ...cur, page: 1 }));
          } else setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
        }}
      />
      <ReserveForm editing={creating ? null : undefined} units={units} config={config} onClose={() => setCreating(false)} onSaved={(id) => navigate(reservePath(id))} />
      <TrainingModal open={batch === 'training'} reserves={selected} config={config} onClose={() => setBatch(null)} onSaved={batchDone} />
      <DeletedReservesModal open={showDeleted} onClose={() => setShowDeleted(false)} onRestored={() => setVersion((v) => v + 1)} />
      <AffairModal open={batch === 'affair'} reserves={selected} config={config} onClose={() => setBatch(null)} onSaved={batchDone} />
    </Card>
  );
}
