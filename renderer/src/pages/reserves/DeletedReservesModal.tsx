import { Button, Modal, Table } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import type { DeletedReserve } from './types';

interface Props {
  open: boolean;
  onClose(): void;
  /** The list reads itself afresh; the modal stays open for the next one. */
  onRestored(id: number): void;
}

/** 后备人才 records deleted as created by mistake; restoring one puts it back in the 名册, the plan and the reports. */
export function DeletedReservesModal({ open, onClose, onRestored }: Props) {
  const { message, fail } = useNotify();
  const [rows, setRows] = useState<DeletedReserve[] | null>(null);

  useEffect(() => {
    if (!open) return;
    setRows(null);
    call('reserves.listDeleted', {}).then(setRows).catch(fail);
  }, [open, fail]);

  const restore = async (row: DeletedReserve) => {
    try {
      await call('reserves.restore', { id: row.id });
      message.success(`已恢复后备人才：${row.name}`);
      setRows((list) => (list ?? []).filter((r) => r.id !== row.id));
      onRestored(row.id);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Modal open={open} title="已删除的后备人才记录" footer={null} onCancel={onClose} width={640} destroyOnHidden>
      <Table<DeletedReserve>
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有已删除的后备人才记录' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '村（社区）', dataIndex: 'unitName' },
          { title: '删除时状态', dataIndex: 'status', width: 96 },
          { title: '删除时间', dataIndex: 'deletedAt', width: 160 },
          {
            title: '操作',
            width: 80,
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => void restore(row)}>
                恢复
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
