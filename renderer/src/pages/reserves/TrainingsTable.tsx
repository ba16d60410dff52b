import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Typography } from 'antd';
import { COLLEGE_TYPE } from '../../../../core/reserves/codes';
import { yuan } from './labels';
import type { Enrolment } from './types';

/** This person's 培养 (挂职, 历练, 大专班, 集中培训) with their own share of each class's cost. */
export function TrainingsTable({ trainings, onRemove }: { trainings: Enrolment[]; onRemove(t: Enrolment): void }) {
  const hours = trainings.reduce((s, t) => s + t.hours, 0);
  const fen = trainings.reduce((s, t) => s + t.costFen, 0);
  return (
    <Table<Enrolment>
      data-testid="reserve-trainings"
      size="small"
      rowKey="trainingId"
      dataSource={trainings}
      pagination={false}
      locale={{ emptyText: '暂无培养记录，可在名册中勾选人员后“报名培训”' }}
      summary={() =>
        trainings.length ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              合计 {trainings.length} 次
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {hours}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {yuan(fen)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} colSpan={2} />
          </Table.Summary.Row>
        ) : null
      }
      columns={[
        { title: '类型', dataIndex: 'type', width: 100 },
        {
          title: '班次/单位',
          key: 'title',
          render: (_, t) => (
            <>
              <div>{t.title ?? '—'}</div>
              {t.host && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.host}
                </Typography.Text>
              )}
            </>
          ),
        },
        {
          title: '时间',
          key: 'when',
          width: 190,
          render: (_, t) => (t.type === COLLEGE_TYPE ? `入学 ${t.startOn}${t.endOn ? ` 毕业 ${t.endOn}` : ''}` : `${t.startOn}${t.endOn && t.endOn !== t.startOn ? ` 至 ${t.endOn}` : ''}`),
        },
        { title: '学时', dataIndex: 'hours', width: 64, align: 'right' },
        { title: '分摊经费', dataIndex: 'costFen', width: 110, align: 'right', render: (f: number, t) => <span title={t.fundingSource ? `${t.fundingSource} · ${t.costItem ?? ''}` : undefined}>{yuan(f)}</span> },
        { title: '班次人数', dataIndex: 'classSize', width: 76, align: 'right' },
        {
          title: '操作',
          key: 'x',
          width: 80,
          render: (_, t) => (
            <Popconfirm
              title="删除这个培养班次？"
              description={t.classSize > 1 ? `将删除整个班次，同班 ${t.classSize} 人的这条记录都会删除（可撤销）。` : '删除后可撤销。'}
              okText="删除"
              cancelText="取消"
              okButtonProps={{ danger: true }}
              onConfirm={() => onRemove(t)}
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
