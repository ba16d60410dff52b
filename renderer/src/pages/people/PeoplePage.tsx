import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { call, firstCall, warm } from '../../api/client';
import { remotePagination, sortFromTable } from '../../components/remoteTable';
import { useNotify } from '../../components/useNotify';
import { useFirstAnswer } from '../../components/useFirstAnswer';
import { useRemotePage } from '../../components/useRemotePage';
import '../../components/wideTable.css';
import { useUnits } from '../../components/useUnits';
import { peopleColumns, type PersonRow } from './peopleColumns';
import { PeopleFilters, type PeopleFilterValues } from './PeopleFilters';
import { PersonForm } from './PersonForm';
import { stageTitle } from '../members/labels';
import { hasPeopleFilters, peopleListInput, peopleViewParams, readPeopleView, type PeopleSortField, type PeopleView } from './peopleParams';

const NO_PEOPLE = { items: [] as PersonRow[], total: 0 };

/** Remote paging, sorting and filtering only: a township can hold 10,000+ people and the list must stay instant. */
export function PeoplePage() {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => readPeopleView(params), [params]);
  const { filters, deleted, page, sort } = view;
  const { units } = useUnits(true);
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // The answer a filter change or the menu click already asked for, if there is one (see show and warmPeople).
  const { data, loading } = useRemotePage(
    () => firstCall('people.list', peopleListInput(view)),
    [view, version],
    NO_PEOPLE,
    fail,
    useFirstAnswer('people.list', peopleListInput(view)),
  );

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  const show = (next: Partial<PeopleView>) => {
    const nextView = { ...view, ...next };
    const nextParams = new URLSearchParams(peopleViewParams(nextView));
    if (nextParams.toString() === params.toString()) return;
    // Asked for at once: the address change reaches useRemotePage only after React has redrawn.
    warm('people.list', peopleListInput(readPeopleView(nextParams)));
    setParams(nextParams, { replace: true });
  };
  const changeFilters = (patch: Partial<PeopleFilterValues>) => show({ filters: { ...filters, ...patch }, page: { ...page, page: 1 } });
  const setDeleted = (on: boolean) => show({ deleted: on, page: { ...page, page: 1 } });

  /** `since` comes from an undo toast: the core refuses if the person changed after the deletion. */
  const restore = async (row: PersonRow, since?: number) => {
    try {
      await call('people.restore', { id: row.id, since });
      message.success(`已恢复：${row.name}`);
      reload();
    } catch (err) {
      fail(err);
      reload();
    }
  };

  const remove = async (row: PersonRow, confirmActiveRecord: boolean) => {
    try {
      const { undoVersion } = await call('people.remove', { id: row.id, confirmActiveRecord });
      reload();
      doneWithUndo(`deleted-${row.id}`, `已删除：${row.name}`, '撤销', () => void restore(row, undoVersion));
    } catch (err) {
      fail(err);
    }
  };

  const askRemove = async (row: PersonRow) => {
    let active;
    try {
      active = await call('people.activeRecord', { id: row.id });
    } catch (err) {
      return fail(err);
    }
    modal.confirm({
      title: active ? `${row.name}有进行中的发展档案，仍要删除该人员？` : `删除人员：${row.name}？`,
      content: active ? (
        <>
          <p>
            该人员有进行中的发展档案（{active.stage ? stageTitle(active.stage) : '尚未开始'}，当前为{active.status}）。
            删除人员后，该档案也将不再出现在发展党员列表、统计和报表中；在“已删除”中恢复该人员即可一并恢复。
          </p>
          <p style={{ marginBottom: 0 }}>如果只是发展档案建错了，请打开该档案，用“删除档案”删除档案本身。</p>
        </>
      ) : (
        '删除后可在“已删除”中恢复。'
      ),
      okText: active ? '仍然删除' : '删除',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: () => remove(row, !!active),
    });
  };

  // The row buttons call the newest handlers through a ref, so the columns (and with them every cell of the table)
  // stay the same objects from one drawing to the next unless the view itself changes.
  const handlers = { edit: (row: PersonRow) => setEditing(row.id), remove: (row: PersonRow) => void askRemove(row), restore: (row: PersonRow) => void restore(row) };
  const actions = useRef(handlers);
  actions.current = handlers;
  const columns = useMemo(
    () =>
      peopleColumns({
        deleted,
        sortField: sort.field,
        sortOrder: sort.order,
        onEdit: (row) => actions.current.edit(row),
        onDelete: (row) => actions.current.remove(row),
        onRestore: (row) => actions.current.restore(row),
      }),
    [deleted, sort.field, sort.order],
  );

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
        className="ledger-wide-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        locale={{ emptyText: deleted ? '没有已删除的人员' : hasPeopleFilters(filters) ? '没有符合条件的人员' : '暂无人员，请点右上角“新增人员”' }}
        pagination={remotePagination(page, data.total, '人')}
        onChange={(pagination, _filters, sorter) => {
          show({ sort: sortFromTable<PeopleSortField, PersonRow>(sorter), page: { page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 } });
        }}
      />
      <PersonForm
        personId={editing}
        units={units}
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
