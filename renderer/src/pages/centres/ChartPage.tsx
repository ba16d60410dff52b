import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { call } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';
import './chart.css';
import { chartScale } from './chartScale';
import { ChartLegend, GanttChart } from './GanttChart';
import { LIST_PATH } from './labels';
import type { ChartView } from './types';
import { WallChart } from './WallChart';

type Paper = 'A3' | 'A4';

/** 挂图作战 (#/centres?view=chart): the Gantt view and the wall chart, sorted by 村 or 风险, printable on A3/A4. */
export function ChartPage() {
  const { fail } = useNotify();
  const { settings } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'wall' ? 'wall' : 'gantt';
  const sortField = params.get('sort') === 'risk' ? 'risk' : 'unitName';
  const [paper, setPaper] = useState<Paper>('A3');
  const [chart, setChart] = useState<ChartView | null>(null);
  const scale = useMemo(() => (chart ? chartScale(chart) : null), [chart]);

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    call('centres.chart', { sortField }).then(setChart).catch(fail);
  }, [sortField, fail]);

  // The print CSS applies only while this page is shown.
  useEffect(() => {
    document.body.classList.add('centre-chart-print');
    return () => document.body.classList.remove('centre-chart-print');
  }, []);

  const title = `${settings.townName}村级综合服务中心改造升级挂图作战${tab === 'wall' ? '表' : '图'}`;

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回列表" onClick={() => navigate(LIST_PATH)} />
          <span>挂图作战</span>
        </Space>
      }
      extra={
        <Space className="no-print">
          <Segmented
            aria-label="排序"
            value={sortField}
            options={[
              { value: 'unitName', label: '按村' },
              { value: 'risk', label: '按风险' },
            ]}
            onChange={(v) => set({ sort: v === 'risk' ? 'risk' : null })}
          />
          <Select<Paper>
            aria-label="打印纸张"
            value={paper}
            style={{ width: 120 }}
            onChange={setPaper}
            options={[
              { value: 'A3', label: 'A3 横向' },
              { value: 'A4', label: 'A4 横向' },
            ]}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      <style>{`@media print { @page { size: ${paper} landscape; margin: 8mm; } }`}</style>
      <div className="centre-chart-print-title">
        {title}
        <div style={{ fontSize: '10pt', fontWeight: 400 }}>截至 {chart?.today ?? ''}</div>
      </div>
      {!chart || !scale ? (
        <Skeleton active />
      ) : chart.centres.length === 0 ? (
        <Empty description="暂无服务中心改造记录" />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(t) => set({ tab: t === 'wall' ? 'wall' : null })}
          tabBarExtraContent={<Typography.Text type="secondary">截至 {chart.today}，共 {chart.centres.length} 个</Typography.Text>}
          items={[
            {
              key: 'gantt',
              label: '甘特图',
              children: (
                <>
                  <div style={{ marginBottom: 8 }}>
                    <ChartLegend gantt />
                  </div>
                  <div className="centre-chart-scroll" style={{ overflowX: 'auto' }}>
                    <GanttChart chart={chart} scale={scale} />
                  </div>
                </>
              ),
            },
            {
              key: 'wall',
              label: '挂图',
              children: (
                <>
                  <div style={{ marginBottom: 8 }}>
                    <ChartLegend />
                  </div>
                  <div className="centre-chart-scroll" style={{ overflowX: 'auto' }}>
                    <WallChart chart={chart} />
                  </div>
                </>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
