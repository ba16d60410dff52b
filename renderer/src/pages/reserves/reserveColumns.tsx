import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { SortState } from '../../components/remoteTable';
import { STATUS_COLOR, educationText, reservePath } from './labels';
import type { ReserveRow, ReserveSortField } from './types';

/** 村 → 姓名 → 基本情况 → 来源与方向 → 状态 → 培养: the order of the 后备人才名册. */
export function reserveColumns(sort: SortState<ReserveSortField>): ColumnsType<ReserveRow> {
  // The server sorts (the list is paged); the table only shows which column is in effect.
  const sortable = (field: ReserveSortField) => ({ sorter: true, sortOrder: sort.field === field ? sort.order : null });
  return [
    { title: '村（社区）', dataIndex: 'unitName', key: 'unitName', ...sortable('unitName'), width: 110, ellipsis: true },
    { title: '姓名', dataIndex: 'name', key: 'name', ...sortable('name'), width: 80, render: (v: string, row) => <Link to={reservePath(row.id)}>{v}</Link> },
    { title: '性别', dataIndex: 'gender', key: 'gender', width: 52 },
    { title: '年龄', dataIndex: 'age', key: 'age', width: 52 },
    { title: '学历', dataIndex: 'education', key: 'education', width: 84, render: (v: string | null) => educationText(v) },
    { title: '政治面貌', dataIndex: 'politicalStatus', key: 'politicalStatus', width: 80 },
    { title: '来源', dataIndex: 'source', key: 'source', width: 96, ellipsis: true },
    { title: '岗位方向', dataIndex: 'postDirection', key: 'postDirection', width: 90 },
    {
      title: '状态',
      key: 'statusOn',
      ...sortable('statusOn'),
      width: 110,
      render: (_, row) => (
        <div style={{ lineHeight: 1.35 }}>
          <Tag color={STATUS_COLOR[row.status]}>{row.status}</Tag>
          {row.appointedPost && <div style={{ fontSize: 12 }}>{row.appointedPost}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.statusOn}
          </Typography.Text>
        </div>
      ),
    },
    { title: '入库日期', dataIndex: 'townReviewOn', key: 'townReviewOn', width: 96, render: (v: string | null) => v ?? '—' },
    { title: '培养次数', dataIndex: 'trainingCount', key: 'trainingCount', width: 72, align: 'right' },
    { title: '学时', dataIndex: 'trainingHours', key: 'trainingHours', ...sortable('trainingHours'), width: 64, align: 'right' },
    { title: '村级事务', dataIndex: 'affairCount', key: 'affairCount', width: 72, align: 'right' },
  ];
}
