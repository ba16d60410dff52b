import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { COLLEGE_TYPE } from '../../../../core/reserves/codes';
import { useRowAttachments } from '../members/RowAttachments';
import { yuan } from './labels';
import type { Enrolment } from './types';

interface Props {
  trainings: Enrolment[];
  onEdit(t: Enrolment): void;
  /** This person's 结业情况 or certificate number; blank clears it. */
  onResult(t: Enrolment, result: string): void;
  onRemove(t: Enrolment): void;
}

/** The attachments hook keys rows by `id`: here that is the class, whose certificates hang off the training record. */
type Row = Enrolment & { id: number };

/** Two short lines, so the column stays narrow: the start (入学), then the end (毕业). */
function when(t: Enrolment) {
  const college = t.type === COLLEGE_TYPE;
  const end = t.endOn && t.endOn !== t.startOn ? t.endOn : null;
  return (
    <>
      <div>{college ? `入学 ${t.startOn}` : t.startOn}</div>
      {end && <div>{college ? `毕业 ${end}` : `至 ${end}`}</div>}
    </>
  );
}

/** This person's 培养 (挂职, 历练, 大专班, 集中培训) with their own share of each class's cost and their 结业情况. */
export function TrainingsTable({ trainings, onEdit, onResult, onRemove }: Props) {
  const rows = useMemo<Row[]>(() => trainings.map((t) => ({ ...t, id: t.trainingId })), [trainings]);
  const files = useRowAttachments<Row>('reserve_training');
  const hours = trainings.reduce((s, t) => s + t.hours, 0);
  const fen = trainings.reduce((s, t) => s + t.costFen, 0);
  return (
    <Table<Row>
      data-testid="reserve-trainings"
      size="small"
      rowKey="id"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 780 }}
      expandable={files.expandable}
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
        { title: '类型', dataIndex: 'type', width: 88 },
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
        { title: '时间', key: 'when', width: 124, render: (_, t) => when(t) },
        { title: '学时', dataIndex: 'hours', width: 56, align: 'right' },
        {
          title: '分摊经费',
          dataIndex: 'costFen',
          width: 104,
          align: 'right',
          render: (f: number, t) => (
            <>
              <div title={t.fundingSource ? `${t.fundingSource} · ${t.costItem ?? ''}` : undefined}>{yuan(f)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.classSize > 1 ? `同班 ${t.classSize} 人` : '本人 1 人'}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '结业情况',
          key: 'result',
          width: 132,
          render: (_, t) => (
            <Typography.Text
              data-testid={`training-result-${t.trainingId}`}
              type={t.result ? undefined : 'secondary'}
              editable={{
                text: t.result ?? '',
                maxLength: 100,
                tooltip: '填写结业情况或证书编号',
                onChange: (v) => v.trim() !== (t.result ?? '') && onResult(t, v.trim()),
              }}
            >
              {t.result ?? '未填'}
            </Typography.Text>
          ),
        },
        {
          title: '操作',
          key: 'x',
          width: 172,
          fixed: 'right',
          render: (_, t) => (
            <Space size={0}>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(t)}>
                修改
              </Button>
              {files.button(t, `${t.type}${t.title ? ` ${t.title}` : ''}（结业证书等）`, true)}
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
            </Space>
          ),
        },
      ]}
    />
  );
}
