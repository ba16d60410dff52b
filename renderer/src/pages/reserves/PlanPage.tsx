import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { todayIso } from '../members/labels';
import { FundsPanel } from './FundsPanel';
import { PlanPanel } from './PlanPanel';
import { RankingPanel } from './RankingPanel';

const TABS = ['plan', 'funds', 'ranking'] as const;
type Tab = (typeof TABS)[number];

/** 计划与经费: the "223" plan against the pool, the year's 培养 and money, and the quarter's 积分排名. */
export function PlanPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'plan';
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回名册" onClick={() => navigate('/reserves')} />
          <span>后备人才计划与经费</span>
        </Space>
      }
      extra={
        tab !== 'ranking' && (
          <DatePicker
            picker="year"
            aria-label="年度"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => set({ year: d && d.year() !== thisYear ? String(d.year()) : null })}
          />
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(t) => set({ tab: t === 'plan' ? null : t })}
        items={[
          { key: 'plan', label: '计划完成情况', children: <PlanPanel year={year} /> },
          { key: 'funds', label: '经费使用', children: <FundsPanel year={year} /> },
          { key: 'ranking', label: '季度积分排名', children: <RankingPanel /> },
        ]}
      />
    </Card>
  );
}
