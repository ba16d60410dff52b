import { Button, Card, Table, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { KIND_LABEL, type Batch, type ImportKindId } from './types';
import { useUndoBatch } from './useUndoBatch';

interface Props {
  batches: Batch[] | null;
  /** Read the list afresh (after an undo here or on the result panel). */
  onChanged(): void;
}

/** 导入记录: the recent imports, each undoable until something has touched its records. */
export function BatchesCard({ batches, onChanged }: Props) {
  const undo = useUndoBatch(useCallback(() => onChanged(), [onChanged]));

  return (
    <Card title="导入记录" size="small" data-testid="import-batches">
      <Table<Batch>
        size="small"
        rowKey="id"
        loading={batches === null}
        dataSource={batches ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '暂无导入记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170 },
          { title: '内容', dataIndex: 'kind', width: 120, render: (k: string) => KIND_LABEL[k as ImportKindId] ?? k },
          {
            title: '文件',
            key: 'file',
            render: (_, b) => (
              <>
                {b.fileName}
                <Typography.Text type="secondary">（{b.sheetName}）</Typography.Text>
              </>
            ),
          },
          { title: '新增', dataIndex: 'inserted', width: 64, align: 'right' },
          { title: '更新', dataIndex: 'updated', width: 64, align: 'right' },
          { title: '跳过', dataIndex: 'skipped', width: 64, align: 'right' },
          {
            title: '操作',
            key: 'undo',
            width: 200,
            render: (_, b) =>
              b.undoneAt ? (
                <Tag title={`撤销于 ${b.undoneAt}`}>已撤销（{b.undoneAt}）</Tag>
              ) : (
                <Button size="small" danger onClick={() => undo(b)} aria-label={`撤销导入 ${b.fileName}（${b.at}）`}>
                  撤销
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
