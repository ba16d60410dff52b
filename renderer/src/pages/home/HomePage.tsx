import { ApartmentOutlined, DeleteOutlined, FlagOutlined, HistoryOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { DashboardSummary } from '../../../../core/app/schemas';
import { firstCall } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';
import { HomeMembersSection } from '../members/HomeMembersSection';
import { HomeCentresSection } from '../centres/HomeCentresSection';
import { HomeReservesSection } from '../reserves/HomeReservesSection';
import { HomeSummarySection } from './HomeSummarySection';

interface Tile {
  key: keyof DashboardSummary;
  title: string;
  suffix: string;
  icon: ReactNode;
  to: string;
}

const TILES: Tile[] = [
  { key: 'people', title: '人员', suffix: '人', icon: <TeamOutlined />, to: '/people' },
  { key: 'units', title: '村（社区）', suffix: '个', icon: <HomeOutlined />, to: '/org' },
  { key: 'villages', title: '其中：村', suffix: '个', icon: <HomeOutlined />, to: '/org' },
  { key: 'communities', title: '其中：社区', suffix: '个', icon: <ApartmentOutlined />, to: '/org' },
  { key: 'branches', title: '党组织', suffix: '个', icon: <FlagOutlined />, to: '/org' },
  { key: 'deletedPeople', title: '已删除人员', suffix: '人', icon: <DeleteOutlined />, to: '/people?deleted=1' },
  { key: 'auditToday', title: '今日操作', suffix: '条', icon: <HistoryOutlined />, to: '/audit' },
];

export function HomePage() {
  const { settings } = useSession();
  const { fail } = useNotify();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<DashboardSummary | null>(null);

  useEffect(() => {
    firstCall('dashboard.summary', {}).then(setSummary).catch(fail);
  }, [fail]);

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {settings.townName} 工作概况
      </Typography.Title>
      <HomeMembersSection />
      <HomeReservesSection />
      <HomeCentresSection />
      <HomeSummarySection />
      {!summary ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {TILES.map((t) => (
            <Col key={t.key} xs={12} md={8} xl={6}>
              <Card
                hoverable
                role="link"
                tabIndex={0}
                aria-label={`${t.title} ${summary[t.key]}${t.suffix}，点击查看`}
                data-testid={`stat-${t.key}`}
                onClick={() => navigate(t.to)}
                onKeyDown={(e) => e.key === 'Enter' && navigate(t.to)}
              >
                <Statistic title={t.title} value={summary[t.key]} suffix={t.suffix} prefix={t.icon} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
