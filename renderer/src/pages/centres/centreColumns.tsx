import { Progress, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { STALLED } from '../../../../core/centres/status';
import type { CentreFilterValues } from './filters';
import { STATUS_COLOR, areaText, behindText, centrePath, wan } from './labels';
import type { CentreRow, CentreSortField } from './types';

/** Why a centre is at risk, in one short line: the projected finish after the required date, or no progress. */
export function riskText(row: Pick<CentreRow, 'atRisk' | 'projectedOn'>): string | null {
  if (!row.atRisk) return null;
  return row.projectedOn === STALLED ? '进度停滞' : `预计 ${row.projectedOn ?? '—'} 完成`;
}

/** 村 → 改造 → 投资 → 工期 → 进度与状态 → 下一节点 → 风险: the order of the 进度表. */
export function centreColumns(sort: Pick<CentreFilterValues, 'sortField' | 'sortOrder'>): ColumnsType<CentreRow> {
  // The server sorts (the list is paged); the table only shows which column is in effect.
  const sortable = (field: CentreSortField) => ({ sorter: true, sortOrder: sort.sortField === field ? (sort.sortOrder ?? 'ascend') : null });
  return [
    {
      title: '村（社区）',
      dataIndex: 'unitName',
      key: 'unitName',
      ...sortable('unitName'),
      width: 120,
      render: (v: string, row) => <Link to={centrePath(row.id)}>{v}</Link>,
    },
    { title: '改造类型', dataIndex: 'renovationType', key: 'renovationType', width: 84 },
    { title: '规划面积', dataIndex: 'targetArea', key: 'targetArea', width: 90, align: 'right', render: (v: number | null) => areaText(v) },
    { title: '总投资（万元）', dataIndex: 'totalFen', key: 'totalFen', width: 110, align: 'right', render: (f: number) => wan(f).replace(' 万元', '') },
    { title: '要求完成日期', dataIndex: 'requiredOn', key: 'requiredOn', ...sortable('requiredOn'), width: 118 },
    {
      title: '形象进度',
      dataIndex: 'progressPercent',
      key: 'progress',
      ...sortable('progress'),
      width: 150,
      render: (p: number, row) => (
        <Tooltip title={row.progressOn ? `${row.progressOn} 记录` : '尚未记录形象进度'}>
          <Progress percent={p} size="small" style={{ margin: 0 }} />
        </Tooltip>
      ),
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (s: CentreRow['status']) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
    {
      title: '滞后天数',
      dataIndex: 'daysBehind',
      key: 'daysBehind',
      width: 96,
      align: 'right',
      render: (d: number | null) => <Typography.Text type={d !== null && d > 0 ? 'danger' : undefined}>{behindText(d)}</Typography.Text>,
    },
    {
      title: '下一节点/计划日期',
      key: 'next',
      width: 140,
      render: (_, row) =>
        row.nextMilestone ? (
          <div style={{ lineHeight: 1.35 }}>
            <div>{row.nextMilestone}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.nextDue}
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: '风险',
      key: 'risk',
      ...sortable('risk'),
      width: 140,
      render: (_, row) => {
        const text = riskText(row);
        return text ? (
          <Tooltip title={`按近 30 天形象进度推算，晚于要求完成日期 ${row.requiredOn}`}>
            <Tag color="red">{text}</Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        );
      },
    },
  ];
}
