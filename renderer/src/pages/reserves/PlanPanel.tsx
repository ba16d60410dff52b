import { Alert, Card, Col, Progress, Row, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { yuan } from './labels';
import type { PlanView } from './types';

type Village = PlanView['villages'][number];
const RED = '#cf1322';

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0);

/** Per village target against the pool (shortfalls in red), the structure figures, and the year's 培养 and money. */
export function PlanPanel({ year }: { year: number }) {
  const { fail } = useNotify();
  const [plan, setPlan] = useState<PlanView | null>(null);
  useEffect(() => {
    setPlan(null);
    call('reserves.plan', { year }).then(setPlan).catch(fail);
  }, [year, fail]);
  if (!plan) return <Skeleton active />;
  const t = plan.township;
  const s = plan.structure;

  return (
    <div data-testid="reserve-plan">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="在库人数 / 目标" value={t.actual} suffix={`/ ${t.target} 人`} styles={{ content: { color: t.gap > 0 ? RED : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="书记后备 / 目标" value={t.secretaries} suffix={`/ ${t.secretaryTarget} 人`} styles={{ content: { color: t.secretaryGap > 0 ? RED : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={`35岁及以下（目标 ${s.youngTarget}%）`} value={s.youngPercent} suffix={`%（${s.young} 人）`} styles={{ content: { color: s.youngPercent < s.youngTarget ? RED : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title="学历达标 / 女性" value={s.educated} suffix={`人 / ${s.women} 人（共 ${s.pool} 人）`} />
          </Card>
        </Col>
      </Row>
      {plan.noSecretary.length > 0 ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="no-secretary" title={`${plan.noSecretary.length} 个村（社区）没有书记后备`} description={plan.noSecretary.join('、')} />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="no-secretary" title="每个村（社区）都有书记后备" />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Table<Village>
            size="small"
            rowKey="unitId"
            dataSource={plan.villages}
            pagination={false}
            scroll={{ y: 420 }}
            title={() => '各村（社区）后备人才数量'}
            onRow={(v) => ({ style: v.shortfalls.length ? { background: '#fff1f0' } : undefined })}
            columns={[
              { title: '村（社区）', dataIndex: 'unitName', render: (v: string, r) => <Link to={`/reserves?unitId=${r.unitId}`}>{v}</Link> },
              { title: '在库/目标', key: 'n', width: 96, render: (_, r) => <span style={{ color: r.gap > 0 ? RED : undefined }}>{`${r.actual} / ${r.target}`}</span> },
              { title: '书记后备', key: 's', width: 88, render: (_, r) => <span style={{ color: r.secretaryGap > 0 ? RED : undefined }}>{`${r.secretaries} / ${r.secretaryTarget}`}</span> },
              {
                title: '差距',
                key: 'gap',
                render: (_, r) =>
                  r.shortfalls.length ? (
                    <Space size={[4, 4]} wrap>
                      {r.shortfalls.map((x) => (
                        <Tag key={x} color="red">
                          {x}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    <Tag color="green">达标</Tag>
                  ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Table
            size="small"
            rowKey="type"
            dataSource={plan.trainings}
            pagination={false}
            title={() => `${plan.year} 年培养目标与完成（人次）`}
            columns={[
              { title: '培养类型', dataIndex: 'type' },
              { title: '目标', dataIndex: 'target', width: 64, align: 'right', render: (v: number | null) => v ?? '—' },
              { title: '人次', dataIndex: 'times', width: 64, align: 'right' },
              { title: '人数', dataIndex: 'people', width: 64, align: 'right' },
              { title: '完成', key: 'p', width: 120, render: (_, r) => (r.target ? <Progress size="small" percent={percent(r.times, r.target)} /> : '—') },
            ]}
          />
          <Card size="small" title={`${plan.year} 年培训经费`} style={{ marginTop: 12 }} data-testid="plan-budget">
            <div>
              已用 {yuan(plan.spentFen)} / 预算 {yuan(plan.budgetFen)}
            </div>
            <Progress percent={percent(plan.spentFen, plan.budgetFen)} status={plan.spentFen > plan.budgetFen ? 'exception' : 'normal'} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
