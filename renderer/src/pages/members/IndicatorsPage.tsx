import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Progress, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { COUNT_BASIS } from '../../../../core/members/indicators';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { STAGE_NUMERALS, todayIso } from './labels';
import type { Indicators } from './types';

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function YouthBar({ youth, total }: { youth: Indicators['youth']; total: number }) {
  const value = pct(youth.share);
  const target = Math.round(youth.target * 100);
  const below = youth.met === false;
  return (
    <div data-testid="youth-indicator">
      <Space align="baseline" size={12}>
        <Typography.Text strong>{youth.maxAge}岁及以下占比</Typography.Text>
        <Typography.Text style={{ fontSize: 22, color: below ? '#cf1322' : '#389e0d' }}>{value === null ? '—' : `${value}%`}</Typography.Text>
        <Typography.Text type="secondary">
          {youth.count} / {total} 人，目标不低于 {target}%{below ? '，未达到' : youth.met ? '，已达到' : ''}
        </Typography.Text>
      </Space>
      <div style={{ position: 'relative', marginTop: 18 }}>
        <Progress percent={value ?? 0} showInfo={false} strokeColor={below ? '#cf1322' : '#52c41a'} size={['100%', 14]} />
        <div aria-hidden style={{ position: 'absolute', left: `${target}%`, top: -16, bottom: 2, borderLeft: '2px dashed #262626' }}>
          <span style={{ position: 'absolute', top: -4, left: 4, fontSize: 12, whiteSpace: 'nowrap' }}>目标 {target}%</span>
        </div>
      </div>
    </div>
  );
}

const SHARES: { key: 'female' | 'minority' | 'collegeOrAbove' | 'farmers' | 'frontLine' | 'leagueMembers'; label: string }[] = [
  { key: 'female', label: '女' },
  { key: 'minority', label: '少数民族' },
  { key: 'collegeOrAbove', label: '大专及以上' },
  { key: 'farmers', label: '农牧渔民' },
  { key: 'frontLine', label: '生产工作一线' },
  { key: 'leagueMembers', label: '共青团员' },
];

/**
 * The structure of those approved (节点17) in a period (35岁及以下 against the 80% target) and where the pipeline
 * stands. The counting date is printed on the page: a clerk comparing with the 支部大会 dates must see why they differ.
 */
export function IndicatorsPage() {
  const { fail } = useNotify();
  const navigate = useNavigate();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(todayIso()).startOf('year'), dayjs(todayIso()).endOf('year')]);
  const [data, setData] = useState<Indicators | null>(null);

  useEffect(() => {
    call('members.indicators', { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }).then(setData).catch(fail);
  }, [range, fail]);


  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回列表" onClick={() => navigate('/members')} />
          发展党员指标
        </Space>
      }
      extra={
        <Space>
          <span>审批期间</span>
          <DatePicker.RangePicker
            allowClear={false}
            value={range}
            format="YYYY-MM-DD"
            aria-label="审批期间"
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        </Space>
      }
    >
      {!data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col span={6}>
            <Card size="small">
              <Statistic title="新接收预备党员" value={data.total} suffix="人" />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="indicator-basis">
                {COUNT_BASIS}：上级党委审批日期在所选期间内，年龄按审批之日计算；支部大会已讨论、尚未审批的不计入
              </Typography.Text>
            </Card>
          </Col>
          <Col span={18}>
            <Card size="small" style={{ height: '100%' }}>
              {data.total === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="所选期间没有经上级党委审批接收的预备党员" /> : <YouthBar youth={data.youth} total={data.total} />}
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title="结构占比">
              {SHARES.map((s) => {
                const v = pct(data[s.key].share);
                return (
                  <Row key={s.key} align="middle" gutter={8} style={{ marginBottom: 6 }}>
                    <Col flex="96px">{s.label}</Col>
                    <Col flex="auto">
                      <Progress percent={v ?? 0} size="small" format={() => (v === null ? '—' : `${v}%`)} />
                    </Col>
                    <Col flex="56px" style={{ textAlign: 'right', color: '#8c8c8c' }}>
                      {data[s.key].count} 人
                    </Col>
                  </Row>
                );
              })}
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title="各阶段在册人数（进行中）">
              <Row gutter={[8, 8]}>
                {data.perStage.map((s) => (
                  <Col span={8} key={s.stage}>
                    <Card size="small" hoverable role="link" tabIndex={0} onClick={() => navigate(`/members?stage=${s.stage}`)} onKeyDown={(e) => e.key === 'Enter' && navigate(`/members?stage=${s.stage}`)} data-testid={`indicator-stage-${s.stage}`}>
                      <Statistic title={`第${STAGE_NUMERALS[s.stage - 1]}阶段`} value={s.count} suffix="人" />
                      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{s.name}</Typography.Text>
                    </Card>
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title="各村（社区）在册人数（进行中）">
              <Table
                size="small"
                rowKey={(row) => String(row.unitId)}
                pagination={false}
                dataSource={[...data.perUnit].sort((a, b) => b.count - a.count)}
                scroll={{ y: 240 }}
                columns={[
                  {
                    title: '村（社区）',
                    dataIndex: 'unitName',
                    render: (name: string, row) =>
                      row.unitId ? <a onClick={() => navigate(`/members?unitId=${row.unitId}&status=进行中`)}>{name}</a> : name,
                  },
                  { title: '人数', dataIndex: 'count', width: 100, align: 'right' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Card>
  );
}
