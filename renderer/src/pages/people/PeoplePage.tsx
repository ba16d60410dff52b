import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { call } from '../../api/client';
import { remotePagination, sortFromTable } from '../../components/remoteTable';
import { useNotify } from '../../components/useNotify';
import { useUnits } from '../../components/useUnits';
import { peopleColumns, type PersonRow } from './peopleColumns';
import { PeopleFilters, type PeopleFilterValues } from './PeopleFilters';
import { PersonForm } from './PersonForm';
import { hasPeopleFilters, peopleViewParams, readPeopleView, type PeopleSortField, type PeopleView } from './peopleParams';

/** Remote paging, sorting and filtering only: a township can hold 10,000+ people and the list must stay instant. */
export function PeoplePage() {
  const { message, fail, doneWithUndo } = useNotify();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readPeopleView(params), [params]);
  const { filters, deleted, page, sort } = view;
  const { units } = useUnits(true);
  const [data, setData] = useState<{ items: PersonRow[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    call('people.list', { ...filters, q: filters.q || null, deleted, sortField: sort.field, sortOrder: sort.order, ...page })
      .then((result) => {
        // A slow answer to an older query must not overwrite a newer one.
        if (ticket === latest.current) setData(result);
      })
      .catch(fail)
      .finally(() => ticket === latest.current && setLoading(false));
  }, [filters, deleted, sort, page, version, fail]);

  const show = (next: Partial<PeopleView>) => setParams(peopleViewParams({ ...view, ...next }), { replace: true });
  const changeFilters = (patch: Partial<PeopleFilterValues>) => show({ filters: { ...filters, ...patch }, page: { ...page, page: 1 } });
  const setDeleted = (on: boolean) => show({ deleted: on, page: { ...page, page: 1 } });

  const restore = async (row: PersonRow) => {
    try {
      await call('people.restore', { id: row.id });
      message.success(`已恢复：${row.name}`);
      reload();
    } catch (err) {
      fail(err);
    }
  };

  const remove = async (row: PersonRow) => {
    try {
      await call('people.remove', { id: row.id });
      reload();
      doneWithUndo(`deleted-${row.id}`, `已删除：${row.name}`, '撤销', () => void restore(row));
    } catch (err) {
      fail(err);
    }
  };

  const columns = peopleColumns({
    deleted,
    sortField: sort.field,
    sortOrder: sort.order,
    onEdit: (row) => setEditing(row.id),
    onDelete: (row) => void remove(row),
    onRestore: (row) => void restore(row),
  });

  return (
    <Card
      title={
        <Space>
          <span>人员库</span>
          {deleted && <Typography.Text type="warning">（已删除的人员）</Typography.Text>}
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          新增人员
        </Button>
      }
    >
      <div style={{ marginBottom: 16 }}>
        <PeopleFilters value={filters} units={units} deleted={deleted} onChange={changeFilters} onDeletedChange={setDeleted} />
      </div>
      <Table<PersonRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: deleted ? '没有已删除的人员' : hasPeopleFilters(filters) ? '没有符合条件的人员' : '暂无人员，请点右上角“新增人员”' }}
        pagination={remotePagination(page, data.total, '人')}
        onChange={(pagination, _filters, sorter) => {
          show({ sort: sortFromTable<PeopleSortField, PersonRow>(sorter), page: { page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 } });
        }}
      />
      <PersonForm
        personId={editing}
        onClose={() => setEditing(undefined)}
        onOpenPerson={(id) => setEditing(id)}
        onSaved={() => {
          setEditing(undefined);
          reload();
        }}
      />
    </Card>
  );
}
