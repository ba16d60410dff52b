import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { wan, yuan } from './labels';
import type { MoneyBySource, MoneyRecord } from './types';

interface Props {
  bySource: MoneyBySource[];
  records: MoneyRecord[];
  onAdd(): void;
  onRemove(m: MoneyRecord): void;
}

const sum = (xs: MoneyBySource[], k: 'plannedFen' | 'allocatedFen' | 'paidFen') => xs.reduce((s, x) => s + x[k], 0);

/** 投资与资金: planned, 下拨 and 支付 by 资金来源 (万元), and the money records behind them. */
export function MoneyPanel({ bySource, records, onAdd, onRemove }: Props) {
  return (
    <Card
      size="small"
      title="投资与资金"
      style={{ marginBottom: 12 }}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
          记录下拨/支付
        </Button>
      }
    >
      <Table<MoneyBySource>
        data-testid="centre-money"
        size="small"
        rowKey="source"
        dataSource={bySource}
        pagination={false}
        locale={{ emptyText: '尚未填写资金来源' }}
        columns={[
          { title: '资金来源', dataIndex: 'source' },
          { title: '计划', dataIndex: 'plannedFen', align: 'right', render: (f: number) => wan(f) },
          { title: '已下拨', dataIndex: 'allocatedFen', align: 'right', render: (f: number, r) => <Typography.Text type={f > r.plannedFen ? 'danger' : undefined}>{wan(f)}</Typography.Text> },
          { title: '已支付', dataIndex: 'paidFen', align: 'right', render: (f: number, r) => <Typography.Text type={f > r.allocatedFen ? 'danger' : undefined}>{wan(f)}</Typography.Text> },
        ]}
        summary={() =>
          bySource.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{wan(sum(bySource, 'plannedFen'))}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{wan(sum(bySource, 'allocatedFen'))}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{wan(sum(bySource, 'paidFen'))}</Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      {records.length > 0 && (
        <Table<MoneyRecord>
          style={{ marginTop: 8 }}
          size="small"
          rowKey="id"
          dataSource={records}
          pagination={records.length > 10 ? { pageSize: 10, size: 'small' } : false}
          columns={[
            { title: '日期', dataIndex: 'date', width: 104 },
            { title: '类别', dataIndex: 'kind', width: 64, render: (k: string) => <Tag color={k === '下拨' ? 'blue' : 'green'}>{k}</Tag> },
            { title: '来源', dataIndex: 'source', width: 90 },
            { title: '金额', dataIndex: 'amountFen', align: 'right', width: 130, render: (f: number) => yuan(f) },
            { title: '说明', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
            {
              title: '',
              key: 'x',
              width: 44,
              render: (_, m) => (
                <Popconfirm title={`删除这条资金${m.kind}记录？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => onRemove(m)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除资金记录 ${m.date}`} />
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
