import { CalendarOutlined, CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { STATE_STYLE } from './labels';
import type { MilestoneView } from './types';

interface Props {
  milestones: MilestoneView[];
  onDone(m: MilestoneView): void;
  onUndo(m: MilestoneView): void;
  onReplan(): void;
}

function lateText(m: MilestoneView) {
  if (m.daysLate === null) return '—';
  if (m.daysLate > 0) return <Typography.Text type="danger">{m.actualOn ? `逾期 ${m.daysLate} 天` : `已逾期 ${m.daysLate} 天`}</Typography.Text>;
  if (m.daysLate < 0) return <Typography.Text type="success">提前 {-m.daysLate} 天</Typography.Text>;
  return '按期';
}

/** 节点计划与实际: the first plan (基线) beside the current one, what was done when, and how late. */
export function MilestonesTable({ milestones, onDone, onUndo, onReplan }: Props) {
  return (
    <Card
      size="small"
      title="节点计划与实际（倒排工期）"
      style={{ marginBottom: 12 }}
      extra={
        <Button size="small" icon={<CalendarOutlined />} onClick={onReplan}>
          调整计划
        </Button>
      }
    >
      <Table<MilestoneView>
        data-testid="centre-milestones"
        size="small"
        rowKey="seq"
        dataSource={milestones}
        pagination={false}
        rowClassName={(m) => `milestone-${m.state}`}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 52 },
          { title: '节点', dataIndex: 'name' },
          { title: '基线', dataIndex: 'baselineOn', width: 100, render: (v: string, m) => <Typography.Text type={v !== m.plannedOn ? 'secondary' : undefined}>{v}</Typography.Text> },
          { title: '计划', dataIndex: 'plannedOn', width: 100, render: (v: string, m) => (v !== m.baselineOn ? <Typography.Text strong title="已调整计划">{v}</Typography.Text> : v) },
          { title: '实际', dataIndex: 'actualOn', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '滞后天数', key: 'late', width: 100, render: (_, m) => lateText(m) },
          {
            title: '状态',
            dataIndex: 'state',
            width: 100,
            render: (s: MilestoneView['state']) => (
              <Tag color={STATE_STYLE[s].background} style={{ color: STATE_STYLE[s].color, borderColor: STATE_STYLE[s].color }}>
                {STATE_STYLE[s].label}
              </Tag>
            ),
          },
          { title: '说明', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
          {
            title: '操作',
            key: 'x',
            width: 120,
            render: (_, m) =>
              m.actualOn ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onDone(m)} aria-label={`修改${m.name}完成日期`}>
                    修改
                  </Button>
                  <Popconfirm title={`撤销“${m.name}”的完成日期？`} okText="撤销" cancelText="取消" onConfirm={() => onUndo(m)}>
                    <Button type="link" size="small" icon={<RollbackOutlined />} aria-label={`撤销${m.name}完成`} />
                  </Popconfirm>
                </Space>
              ) : (
                <Button type="link" size="small" icon={<CheckOutlined />} onClick={() => onDone(m)} aria-label={`记录${m.name}完成`}>
                  记录完成
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
