import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table } from 'antd';
import type { AffairView } from './types';

/** The village affairs this person took part in; one line may be shared by several reserves. */
export function AffairsTable({ affairs, onRemove }: { affairs: AffairView[]; onRemove(a: AffairView): void }) {
  return (
    <Table<AffairView>
      data-testid="reserve-affairs"
      size="small"
      rowKey="affairId"
      dataSource={affairs}
      pagination={affairs.length > 10 ? { pageSize: 10, size: 'small' } : false}
      locale={{ emptyText: '暂无村级事务记录，可在名册中勾选人员后“记录村级事务”' }}
      columns={[
        { title: '日期', dataIndex: 'date', width: 110 },
        { title: '事务类型', dataIndex: 'affairType', width: 120 },
        { title: '具体内容', dataIndex: 'description', render: (v: string | null) => v ?? '—' },
        {
          title: '操作',
          key: 'x',
          width: 80,
          render: (_, a) => (
            <Popconfirm
              title="删除这条村级事务记录？"
              description="同一次事务中一起记录的其他人员的这条记录也会删除（可撤销）。"
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(a)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
