import { Alert, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { firstCall } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { STAGE_NUMERALS, daysLeftText, recordPath } from './labels';
import type { MethodOutput } from '../../../../core/api/contract';
import type { ReminderView } from './types';

type Dormant = MethodOutput<'members.overview'>['dormant'];

interface Counts {
  perStage: number[];
  overdue: number;
  problems: number;
}

/** "多年不发展党员": the branches where 发展党员 has stalled, each a link to its files. */
function DormantBranches({ dormant }: { dormant: Dormant }) {
  const { years, branches } = dormant;
  if (!branches.length) {
    return (
      <Typography.Text type="secondary" data-testid="home-dormant">
        多年不发展党员：没有连续 {years} 年以上未经上级党委审批发展党员的党支部。
      </Typography.Text>
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="home-dormant"
      title={`多年不发展党员：${branches.length} 个党支部连续 ${years} 年以上没有经上级党委审批发展党员`}
      description={
        <Space size={[4, 4]} wrap>
          {branches.map((b) => (
            <Link key={b.branchId} to={`/members?branchId=${b.branchId}`}>
              <Tag>
                {b.unitName} · {b.branchName}（{b.lastApproval ? `最近 ${b.lastApproval}` : '无发展记录'}）
              </Tag>
            </Link>
          ))}
          <Link to="/reports">导出报表</Link>
        </Space>
      }
    />
  );
}

/** The role a person holds at each stage, the word clerks count by. */
const STAGE_ROLES = ['入党申请人', '入党积极分子', '发展对象', '接收预备党员', '预备党员'];

function Tile({ title, sub, value, to, danger, testId }: { title: string; sub: string; value: number | null; to: string; danger?: boolean; testId: string }) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      role="link"
      tabIndex={0}
      aria-label={value === null ? title : `${title} ${value}人，点击查看`}
      data-testid={testId}
      styles={{ body: { padding: '8px 12px' } }}
      onClick={() => navigate(to)}
      onKeyDown={(e) => e.key === 'Enter' && navigate(to)}
    >
      <div style={{ color: '#595959', whiteSpace: 'nowrap' }}>{title}</div>
      <div style={{ fontSize: 24, lineHeight: 1.3, color: danger && value ? '#cf1322' : '#1f1f1f' }}>
        {value ?? '—'}
        {value !== null && <span style={{ fontSize: 14, marginInlineStart: 4 }}>人</span>}
      </div>
      <div style={{ color: '#8c8c8c', fontSize: 12, whiteSpace: 'nowrap' }}>{sub}</div>
    </Card>
  );
}

/** 首页's 发展党员 part: where everyone stands, what is overdue, and the deadlines coming up, overdue first. */
export function HomeMembersSection() {
  const { fail } = useNotify();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [reminders, setReminders] = useState<ReminderView[] | null>(null);
  const [dormant, setDormant] = useState<Dormant | null>(null);

  useEffect(() => {
    firstCall('members.overview', {})
      .then((o) => {
        setCounts({ perStage: o.perStage, overdue: o.overdue, problems: o.problems });
        setReminders(o.reminders);
        setDormant(o.dormant);
      })
      .catch(fail);
  }, [fail]);

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={11}>
        <Card size="small" title="发展党员" extra={<Link to="/members">全部档案</Link>} style={{ height: '100%' }}>
          <Row gutter={[8, 8]}>
            {STAGE_ROLES.map((role, i) => (
              <Col span={6} key={role}>
                <Tile title={role} sub={`第${STAGE_NUMERALS[i]}阶段`} value={counts?.perStage[i] ?? null} to={`/members?stage=${i + 1}`} testId={`members-stage-${i + 1}`} />
              </Col>
            ))}
            <Col span={6}>
              <Tile title="在培养" sub="全部进行中档案" value={counts ? counts.perStage.reduce((a, b) => a + b, 0) : null} to="/members?status=进行中" testId="members-active" />
            </Col>
            <Col span={6}>
              <Tile title="逾期" sub="有逾期未办事项" value={counts?.overdue ?? null} to="/members?onlyOverdue=1" danger testId="members-overdue" />
            </Col>
            <Col span={6}>
              <Tile title="有问题" sub="不合规或需注意" value={counts?.problems ?? null} to="/members?onlyViolations=1" danger testId="members-problems" />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} xl={13}>
        <Card size="small" title="提醒" extra={<Link to="/compliance">合规检查</Link>} style={{ height: '100%' }} data-testid="home-reminders">
          <Table<ReminderView>
            size="small"
            rowKey={(r) => `${r.recordId}-${r.kind}-${r.dueDate}`}
            loading={reminders === null}
            dataSource={reminders ?? []}
            locale={{ emptyText: '近期没有到期或逾期的事项' }}
            pagination={{ pageSize: 5, size: 'small', showTotal: (t) => `共 ${t} 项`, showSizeChanger: false }}
            columns={[
              { title: '姓名', dataIndex: 'personName', width: 70, render: (v: string, r) => <Link to={recordPath(r.recordId)}>{v}</Link> },
              { title: '村（社区）', dataIndex: 'unitName', width: 112, ellipsis: true },
              { title: '事项', dataIndex: 'title', ellipsis: { showTitle: true } },
              { title: '截止日期', dataIndex: 'dueDate', width: 100, render: (v: string, r) => <span style={{ color: r.status === 'overdue' ? '#cf1322' : undefined }}>{v}</span> },
              { title: '剩余', dataIndex: 'daysLeft', width: 96, render: (d: number, r) => <Tag color={r.status === 'overdue' ? 'red' : 'orange'}>{daysLeftText(d)}</Tag> },
            ]}
          />
        </Card>
      </Col>
      {dormant && (
        <Col span={24}>
          <DormantBranches dormant={dormant} />
        </Col>
      )}
    </Row>
  );
}
