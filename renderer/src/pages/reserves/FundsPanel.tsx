import { Card, Col, Progress, Row, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import { yuan } from './labels';
import type { FundsView } from './types';

type Line = FundsView['byType'][number];

const share = (fen: number, whole: number) => (whole > 0 ? Math.round((fen / whole) * 1000) / 10 : 0);

function Breakdown({ title, lines, total, testId }: { title: string; lines: Line[]; total: number; testId: string }) {
  return (
    <Table<Line>
      data-testid={testId}
      size="small"
      rowKey="key"
      dataSource={lines}
      pagination={false}
      title={() => title}
      locale={{ emptyText: '本年度暂无经费支出' }}
      columns={[
        { title: '项目', dataIndex: 'key' },
        { title: '金额', dataIndex: 'fen', width: 130, align: 'right', render: (f: number) => yuan(f) },
        { title: '占比', key: 'p', width: 150, render: (_, l) => <Progress size="small" percent={share(l.fen, total)} /> },
      ]}
    />
  );
}

/** The year's 培训经费: spent against the budget, by 培养类型, 经费来源, 经费科目 and month. */
export function FundsPanel({ year }: { year: number }) {
  const { fail } = useNotify();
  const [funds, setFunds] = useState<FundsView | null>(null);
  useEffect(() => {
    setFunds(null);
    call('reserves.funds', { year }).then(setFunds).catch(fail);
  }, [year, fail]);
  if (!funds) return <Skeleton active />;
  const over = funds.totalFen > funds.budgetFen;
  // The month lines accumulate, so the clerk sees when the budget would run out.
  let running = 0;
  const months = funds.byMonth.map((m) => ({ ...m, cumulative: (running += m.fen) }));

  return (
    <div data-testid="reserve-funds">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ color: over ? '#cf1322' : undefined }}>
          {funds.year} 年已用 {yuan(funds.totalFen)} / 预算 {yuan(funds.budgetFen)}
          {over ? `，超出 ${yuan(funds.totalFen - funds.budgetFen)}` : `，结余 ${yuan(funds.budgetFen - funds.totalFen)}`}
        </Typography.Text>
        <Progress percent={funds.budgetFen ? Math.min(100, share(funds.totalFen, funds.budgetFen)) : 0} status={over ? 'exception' : 'normal'} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Breakdown title="按培养类型" lines={funds.byType} total={funds.totalFen} testId="funds-by-type" />
        </Col>
        <Col xs={24} xl={12}>
          <Breakdown title="按经费来源" lines={funds.bySource} total={funds.totalFen} testId="funds-by-source" />
        </Col>
        <Col xs={24} xl={12}>
          <Breakdown title="按经费科目" lines={funds.byItem} total={funds.totalFen} testId="funds-by-item" />
        </Col>
        <Col xs={24} xl={12}>
          <Table
            data-testid="funds-by-month"
            size="small"
            rowKey="key"
            dataSource={months}
            pagination={false}
            title={() => '按月份（累计对照预算）'}
            locale={{ emptyText: '本年度暂无经费支出' }}
            columns={[
              { title: '月份', dataIndex: 'key', width: 90 },
              { title: '当月', dataIndex: 'fen', width: 120, align: 'right', render: (f: number) => yuan(f) },
              { title: '累计', dataIndex: 'cumulative', width: 120, align: 'right', render: (f: number) => yuan(f) },
              { title: '累计占预算', key: 'p', render: (_, m) => <Progress size="small" percent={funds.budgetFen ? Math.min(100, share(m.cumulative, funds.budgetFen)) : 0} status={m.cumulative > funds.budgetFen ? 'exception' : 'normal'} /> },
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}
