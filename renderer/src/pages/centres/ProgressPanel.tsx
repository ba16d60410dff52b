import { CameraOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Progress, Space, Table } from 'antd';
import { useState } from 'react';
import { PhotoThumbs } from './PhotoThumbs';
import type { ProgressEntry } from './types';

interface Props {
  progress: ProgressEntry[];
  onAdd(): void;
  onRemove(p: ProgressEntry): void;
}

/** 形象进度 history, newest first, with each entry's site photos under its row. */
export function ProgressPanel({ progress, onAdd, onRemove }: Props) {
  const [open, setOpen] = useState<number[]>([]);
  const toggle = (id: number) => setOpen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const rows = [...progress].reverse();
  return (
    <Card
      size="small"
      title="形象进度"
      style={{ marginBottom: 12 }}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={onAdd}>
          记录形象进度
        </Button>
      }
    >
      <Table<ProgressEntry>
        data-testid="centre-progress"
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '尚未记录形象进度' }}
        expandable={{ expandedRowKeys: open, showExpandColumn: false, expandedRowRender: (p) => <PhotoThumbs ownerType="centre_progress" ownerId={p.id} /> }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 104 },
          { title: '进度', dataIndex: 'percent', width: 160, render: (p: number) => <Progress percent={p} size="small" style={{ margin: 0 }} /> },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          {
            title: '操作',
            key: 'x',
            width: 140,
            render: (_, p) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<CameraOutlined />} aria-expanded={open.includes(p.id)} onClick={() => toggle(p.id)}>
                  {open.includes(p.id) ? '收起' : '照片'}
                </Button>
                <Popconfirm title={`删除 ${p.date} 的进度记录？`} description="删除后可撤销。" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => onRemove(p)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除进度 ${p.date}`} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
