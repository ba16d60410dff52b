import { Alert, Input, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { todayIso } from '../members/labels';
import { reservePath } from './labels';
import type { RankingRow } from './types';

const QUARTER = /^\d{4}Q[1-4]$/;

/** The quarter just ended is the one a clerk ranks: in 2026-05 that is 2026Q1. */
function lastQuarter(): string {
  const t = todayIso();
  const q = Math.floor((Number(t.slice(5, 7)) - 1) / 3);
  const year = Number(t.slice(0, 4));
  return q === 0 ? `${year - 1}Q4` : `${year}Q${q}`;
}

/** 季度积分排名, township-wide; the bottom share (warn) is due a 警示提醒谈话. */
export function RankingPanel() {
  const { fail } = useNotify();
  const [period, setPeriod] = useState(lastQuarter);
  const [rows, setRows] = useState<RankingRow[] | null>(null);
  useEffect(() => {
    if (!QUARTER.test(period)) return;
    setRows(null);
    call('reserves.ranking', { period }).then(setRows).catch(fail);
  }, [period, fail]);
  const due = rows?.filter((r) => r.warn && !r.warningTalkOn).length ?? 0;

  return (
    <div data-testid="reserve-ranking">
      <Space style={{ marginBottom: 12 }} wrap>
        <span>季度</span>
        <Input.Search
          aria-label="季度"
          defaultValue={period}
          placeholder="2026Q1"
          style={{ width: 140 }}
          enterButton="查看"
          onSearch={(v) => setPeriod(v.trim().toUpperCase())}
        />
        {!QUARTER.test(period) && <Typography.Text type="danger">季度应为“2026Q1”形式</Typography.Text>}
      </Space>
      {due > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`末位 ${due} 人尚未进行警示提醒谈话`} />}
      <Table<RankingRow>
        size="small"
        rowKey="reserveId"
        loading={rows === null && QUARTER.test(period)}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: `${period} 暂无积分记录，请在个人页面的“考核”中记录季度积分` }}
        onRow={(r) => ({ style: r.warn ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 64 },
          { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={reservePath(r.reserveId)}>{v}</Link> },
          { title: '村（社区）', dataIndex: 'unitName' },
          { title: '积分', dataIndex: 'points', width: 80, align: 'right' },
          {
            title: '警示提醒谈话',
            key: 'warn',
            width: 160,
            render: (_, r) => (r.warn ? r.warningTalkOn ? <Tag color="orange">已谈话 {r.warningTalkOn}</Tag> : <Tag color="red">末位，须谈话</Tag> : '—'),
          },
        ]}
      />
    </div>
  );
}
