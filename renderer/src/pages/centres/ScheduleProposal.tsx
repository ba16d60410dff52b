import { CheckOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { scheduleOrderProblem, type PlannedMilestone } from '../../../../core/centres/schedule';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

export interface Proposal {
  /** The 倒排工期 for the required date, as proposed and then adjusted by the clerk. */
  rows: PlannedMilestone[];
  accepted: boolean;
  loading: boolean;
  setDate(seq: number, plannedOn: string): void;
  accept(): void;
}

/** Asks the core to count the milestones back from the required completion date whenever that date changes. */
export function useProposal(requiredOn: string | null, enabled: boolean): Proposal {
  const { fail } = useNotify();
  const [rows, setRows] = useState<PlannedMilestone[]>([]);
  const [accepted, setAccepted] = useState(false);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setAccepted(false);
    if (!enabled || !requiredOn) return setRows([]);
    let live = true;
    setLoading(true);
    call('centres.proposeSchedule', { requiredOn })
      .then((r) => live && setRows(r))
      .catch(fail)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [requiredOn, enabled, fail]);
  return {
    rows,
    accepted,
    loading,
    setDate: (seq, plannedOn) => {
      setRows((rs) => rs.map((r) => (r.seq === seq ? { ...r, plannedOn } : r)));
      setAccepted(false);
    },
    accept: () => setAccepted(true),
  };
}

/** The proposed milestone table under 要求完成日期: each date may be moved, then 接受 takes the table. */
export function ScheduleProposal({ proposal }: { proposal: Proposal }) {
  const { rows, accepted } = proposal;
  if (!rows.length && !proposal.loading) return null;
  const problem = scheduleOrderProblem(rows);
  return (
    <div data-testid="schedule-proposal" style={{ marginBottom: 12 }}>
      <Space style={{ marginBottom: 6 }} wrap>
        <Typography.Text strong>倒排工期（建议）</Typography.Text>
        <Typography.Text type="secondary">按设置中的节点工期从要求完成日期倒推，可逐个调整</Typography.Text>
        {accepted ? (
          <Tag color="green" icon={<CheckOutlined />} data-testid="schedule-accepted">
            已接受
          </Tag>
        ) : (
          <Button size="small" type="primary" disabled={!!problem || !rows.length} onClick={proposal.accept}>
            接受
          </Button>
        )}
      </Space>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 6 }} title={problem.message} />}
      <Table<PlannedMilestone>
        size="small"
        rowKey="seq"
        loading={proposal.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 240 }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 56 },
          { title: '节点', dataIndex: 'name' },
          {
            title: '计划完成日期',
            key: 'plannedOn',
            width: 180,
            render: (_, r, i) => (
              <DatePicker
                size="small"
                aria-label={`${r.name}计划日期`}
                format="YYYY-MM-DD"
                allowClear={false}
                status={problem?.index === i ? 'error' : undefined}
                value={dayjs(r.plannedOn)}
                onChange={(d) => d && proposal.setDate(r.seq, d.format('YYYY-MM-DD'))}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
