import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { STEP_LABEL } from '../../../../core/members/steps';
import { STAGE_NUMERALS, STATUS_COLOR, daysLeftText, recordPath, shortBranch, stepLabel } from './labels';
import type { RecordSummary } from './types';
import type { RecordSortField } from '../../../../core/members/schemas';
import type { SortState } from '../../components/remoteTable';

/** Columns in the order clerks read them: 村 → 支部 → 姓名 → 流程节点 → 状态 → 下一步 → 截止时间 → 问题. */
export function memberColumns(townName: string, sort: SortState<RecordSortField>): ColumnsType<RecordSummary> {
  // The server sorts (the list is paged); the table only shows which column is in effect.
  const sortable = (field: RecordSortField) => ({ sorter: true, sortOrder: sort.field === field ? sort.order : null });
  return [
    { title: '村（社区）', dataIndex: 'unitName', key: 'unitName', width: 120, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: '党支部',
      dataIndex: 'branchName',
      key: 'branchName',
      width: 170,
      ellipsis: { showTitle: false },
      render: (v: string | null) => <span title={v ?? undefined}>{shortBranch(v, townName)}</span>,
    },
    {
      title: '姓名',
      dataIndex: 'personName',
      key: 'personName',
      ...sortable('personName'),
      width: 84,
      render: (v: string, row) => <Link to={recordPath(row.id)}>{v}</Link>,
    },
    {
      title: `当前${STEP_LABEL}`,
      key: 'lastStep',
      ...sortable('lastStep'),
      width: 200,
      render: (_, row) => (
        <div style={{ lineHeight: 1.35 }}>
          <div>{row.lastStep ? stepLabel(row.lastStep) : '—'}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            第{STAGE_NUMERALS[row.stage - 1]}阶段 {row.stageName}
          </Typography.Text>
        </div>
      ),
    },
    { title: '状态', dataIndex: 'status', key: 'status', width: 110, render: (v: string) => <Tag color={STATUS_COLOR[v]}>{v}</Tag> },
    { title: '下一步', dataIndex: 'nextStepName', key: 'next', width: 150, ellipsis: true, render: (v: string | null, row) => (v ? `${row.nextStep} ${v}` : '—') },
    {
      title: '截止时间',
      key: 'deadline',
      ...sortable('deadline'),
      width: 130,
      render: (_, row) => {
        const r = row.deadline;
        if (!r) return '—';
        const color = r.status === 'overdue' ? '#cf1322' : r.status === 'due' ? '#d46b08' : undefined;
        return (
          <div style={{ lineHeight: 1.35 }} title={r.title}>
            <div style={{ color }}>{r.dueDate}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, color }}>
              {daysLeftText(r.daysLeft)}
            </Typography.Text>
          </div>
        );
      },
    },
    {
      title: '问题',
      key: 'problems',
      ...sortable('problems'),
      render: (_, row) =>
        row.errors + row.warnings + row.overdue === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={4} wrap>
            {row.overdue > 0 && <Tag color="red">逾期 {row.overdue}</Tag>}
            {row.errors > 0 && <Tag color="error">错误 {row.errors}</Tag>}
            {row.warnings > 0 && <Tag color="warning">提醒 {row.warnings}</Tag>}
          </Space>
        ),
    },
  ];
}
