import { Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { MethodOutput } from '../../../../core/api/contract';
import { firstCall } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { PLAN_PATH, yuan } from './labels';

type Overview = MethodOutput<'reserves.overview'>;

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

/** 首页's 后备人才 part: the pool, where it comes from, this year's 培养 and money, and the villages short of the plan. */
export function HomeReservesSection() {
  const { fail } = useNotify();
  const [o, setO] = useState<Overview | null>(null);
  useEffect(() => {
    firstCall('reserves.overview', {}).then(setO).catch(fail);
  }, [fail]);
  if (!o) return null;
  const used = o.budgetFen > 0 ? Math.min(100, Math.round((o.fundsUsedFen / o.budgetFen) * 100)) : 0;

  return (
    <Card size="small" title="村“两委”后备人才" extra={<Link to="/reserves">后备人才名册</Link>} style={{ marginBottom: 16 }} data-testid="home-reserves">
      <Row gutter={[8, 8]} align="middle">
        <Col xs={12} md={6} xl={4}>
          <Figure title="在库人数" value={o.pool} unit="人" to="/reserves?status=在库" testId="reserves-pool" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title="今年参加培养" value={o.trainedThisYear} unit="人" to={`${PLAN_PATH}&tab=funds`} testId="reserves-trained" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title="未达目标的村" value={o.villagesBelowTarget} unit="个" to={PLAN_PATH} danger testId="reserves-below" />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Figure title="无书记后备的村" value={o.noSecretary} unit="个" to={PLAN_PATH} danger testId="reserves-no-secretary" />
        </Col>
        <Col xs={24} xl={8}>
          <div data-testid="reserves-funds">
            <Typography.Text type="secondary">
              经费已用 {yuan(o.fundsUsedFen)} / 预算 {yuan(o.budgetFen)}
            </Typography.Text>
            <Progress percent={used} size="small" status={o.fundsUsedFen > o.budgetFen ? 'exception' : 'normal'} />
            <Space size={[4, 4]} wrap>
              {o.bySource.map((s) => (
                <Link key={s.key} to={`/reserves?source=${encodeURIComponent(s.key)}`}>
                  <Tag>
                    {s.key} {s.count}
                  </Tag>
                </Link>
              ))}
            </Space>
          </div>
        </Col>
      </Row>
    </Card>
  );
}
