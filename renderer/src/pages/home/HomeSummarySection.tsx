import { CopyOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, List, Row, Skeleton, Space, Tabs, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { MethodOutput } from '../../../../core/api/contract';
import { SUMMARY_MODULES, type SummaryFigure } from '../../../../core/summary/schemas';
import { percentText } from '../../../../core/summary/sentences';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

type Summary = MethodOutput<'summary.figures'>;

function shown(f: SummaryFigure): string {
  if (f.unit === '%') return `${percentText(f.value)}%`;
  if (f.unit === '元' || f.unit === '万元') return `${f.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}${f.unit}`;
  return `${f.value}${f.unit}`;
}

/** One figure as a link to the list behind it, its 口径 on hover. */
function FigureLink({ f }: { f: SummaryFigure }) {
  const navigate = useNavigate();
  const body = (
    <Button
      size="small"
      type={f.subsetOf ? 'text' : 'default'}
      data-testid={`summary-${f.key}`}
      aria-label={`${f.label} ${shown(f)}${f.link ? '，点击查看名单' : ''}`}
      disabled={!f.link}
      onClick={() => f.link && navigate(f.link)}
      style={{ height: 'auto', padding: '2px 8px' }}
    >
      <span style={{ color: '#595959' }}>{f.label}</span>
      <strong style={{ marginInlineStart: 6 }}>{shown(f)}</strong>
    </Button>
  );
  return <Tooltip title={f.basis}>{body}</Tooltip>;
}

/** Copies through the clipboard API, or the old way where a browser offers none (an http page that is not localhost). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand('copy');
  area.remove();
  if (!done) throw new Error('浏览器不允许复制，请选中文字后按 Ctrl+C 复制');
}

/**
 * 首页's 年度汇总 (issue 12 §4): every module's headline figures for a period, each a link to the names behind it,
 * and the year-end sentences with a 复制 button. The same figures as the 基层党建工作汇总表 in 报表中心.
 */
export function HomeSummarySection() {
  const { message, fail } = useNotify();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [data, setData] = useState<Summary | null>(null);

  useEffect(() => {
    const input = range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};
    call('summary.figures', input).then(setData).catch(fail);
  }, [range, fail]);

  const copy = (text: string) =>
    copyText(text).then(
      () => void message.success('已复制，可粘贴到年度工作总结中'),
      (err: unknown) => fail(err),
    );

  const period = data ? ([dayjs(data.period.from), dayjs(data.period.to)] as [Dayjs, Dayjs]) : null;
  return (
    <Card
      size="small"
      title="年度汇总"
      style={{ marginBottom: 16 }}
      data-testid="home-summary"
      extra={
        <Space>
          <DatePicker.RangePicker
            size="small"
            aria-label="汇总时段"
            allowClear={false}
            value={range ?? period}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Link to="/reports">
            <FileExcelOutlined /> 导出汇总表
          </Link>
        </Space>
      }
    >
      {!data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Tabs
          size="small"
          items={[
            {
              key: 'figures',
              label: '主要数字',
              children: (
                <Row gutter={[8, 8]}>
                  {SUMMARY_MODULES.map((m) => (
                    <Col span={24} key={m}>
                      <Space size={[4, 4]} wrap>
                        <Typography.Text strong style={{ display: 'inline-block', width: 64 }}>
                          {m}
                        </Typography.Text>
                        {data.figures
                          .filter((f) => f.module === m)
                          .map((f) => (
                            <FigureLink key={f.key} f={f} />
                          ))}
                      </Space>
                    </Col>
                  ))}
                  <Col span={24}>
                    <Typography.Text type="secondary">
                      统计时段 {data.period.text}；“截至”类数字（在培养、逾期、服务中心状态与投资等）为 {data.asOf} 的情况。鼠标停在数字上可看口径，点击查看名单。
                    </Typography.Text>
                  </Col>
                </Row>
              ),
            },
            {
              key: 'sentences',
              label: '年度总结',
              children: (
                <List
                  size="small"
                  data-testid="summary-sentences"
                  header={
                    <Space>
                      <Typography.Text type="secondary">从台账记录生成的表述（{data.period.text}），可直接复制到年度工作总结：</Typography.Text>
                      <Button size="small" icon={<CopyOutlined />} onClick={() => copy(data.sentences.map((s) => s.text).join('\n'))}>
                        全部复制
                      </Button>
                    </Space>
                  }
                  dataSource={data.sentences}
                  renderItem={(s) => (
                    <List.Item
                      data-testid={`summary-sentence-${s.key}`}
                      actions={[
                        <Button key="copy" size="small" icon={<CopyOutlined />} aria-label={`复制：${s.topic}`} onClick={() => copy(s.text)}>
                          复制
                        </Button>,
                      ]}
                    >
                      <Typography.Text type="secondary" style={{ width: 150, flex: 'none' }}>
                        {s.topic}
                      </Typography.Text>
                      <Typography.Text style={{ flex: 1 }}>{s.text}</Typography.Text>
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
