import { Button, Modal, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../core/api/contract';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

type Deleted = MethodOutput<'members.listDeleted'>[number];

/** 发展档案 deleted as created by mistake; restoring one puts it back on every list and report. */
export function DeletedRecordsModal({ open, onClose, onRestored }: { open: boolean; onClose(): void; onRestored(id: number): void }) {
  const { message, fail } = useNotify();
  const [rows, setRows] = useState<Deleted[] | null>(null);

  useEffect(() => {
    if (!open) return;
    setRows(null);
    call('members.listDeleted', {}).then(setRows).catch(fail);
  }, [open, fail]);

  const restore = async (row: Deleted) => {
    try {
      await call('members.restore', { id: row.id });
      message.success(`已恢复发展档案：${row.personName}`);
      onRestored(row.id);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Modal open={open} title="已删除的发展档案" footer={null} onCancel={onClose} width={640} destroyOnHidden>
      <Table<Deleted>
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有已删除的发展档案' }}
        columns={[
          { title: '姓名', dataIndex: 'personName', width: 100 },
          { title: '村（社区）', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: '申请日期', dataIndex: 'applicationDate', width: 110, render: (v: string | null) => v ?? '—' },
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
