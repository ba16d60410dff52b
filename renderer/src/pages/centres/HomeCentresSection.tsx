import { Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { firstCall } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { CHART_PATH, LIST_PATH, STATUS_COLOR, wan } from './labels';
import type { CentreOverview } from './types';

function Figure({ title, value, unit, to, danger, testId }: { title: string; value: number; unit: string; to: string; danger?: boolean; testId: string }) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      role="link"
      tabIndex={0}
      aria-label={`${title} ${value}${unit}，点击查看`}
      data-testid={testId}
      styles={{ body: { padding: '8px 12px' } }}
      onClick={() => navigate(to)}
      onKeyDown={(e) => e.key === 'Enter' && navigate(to)}
    >
      <div style={{ color: '#595959', whiteSpace: 'nowrap' }}>{title}</div>
      <div style={{ fontSize: 24, lineHeight: 1.3, color: danger && value ? '#cf1322' : '#1f1f1f' }}>
        {value}
        <span style={{ fontSize: 14, marginInlineStart: 4 }}>{unit}</span>
      </div>
    </Card>
  );
}

const share = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);

/** 首页's 服务中心 part: centres by status, the average 形象进度, what is late or at risk, and the money. */
export function HomeCentresSection() {
  const { fail } = useNotify();
  const [o, setO] = useState<CentreOverview | null>(null);
  useEffect(() => {
    firstCall('centres.overview', {}).then(setO).catch(fail);
  }, [fail]);
  if (!o || o.total === 0) return null;

  return (
    <Card size="small" title="村级综合服务中心改造升级" extra={<Link to={CHART_PATH}>挂图作战</Link>} style={{ marginBottom: 16 }} data-testid="home-centres">
      <Row gutter={[8, 8]} align="middle">
        <Col xs={12} md={6} xl={4}>
          <Figure title="改造中心" value={o.total} unit="个" to={LIST_PATH} testId="centres-total" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title="逾期未完成节点" value={o.lateMilestones} unit="个" to={`${LIST_PATH}?sort=risk`} danger testId="centres-late" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title="有风险" value={o.atRisk} unit="个" to={`${LIST_PATH}?atRisk=1`} danger testId="centres-risk" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <div data-testid="centres-progress">
            <Typography.Text type="secondary">平均形象进度</Typography.Text>
            <Progress percent={o.averageProgress} size="small" />
          </div>
        </Col>
        <Col xs={24} xl={8}>
          <div data-testid="centres-money">
            <Typography.Text type="secondary">
              计划投资 {wan(o.plannedFen)}，已下拨 {wan(o.allocatedFen)}，已支付 {wan(o.paidFen)}
            </Typography.Text>
            <Progress percent={share(o.paidFen, o.plannedFen)} success={{ percent: 0 }} size="small" format={(p) => `支付 ${p}%`} />
          </div>
        </Col>
        <Col span={24}>
          <Space size={[4, 4]} wrap data-testid="centres-by-status">
            {o.byStatus
              .filter((s) => s.count > 0)
              .map((s) => (
                <Link key={s.status} to={`${LIST_PATH}?status=${encodeURIComponent(s.status)}`}>
                  <Tag color={STATUS_COLOR[s.status]}>
                    {s.status} {s.count}
                  </Tag>
                </Link>
              ))}
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
