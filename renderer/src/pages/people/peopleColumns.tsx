import type { SortState } from '../../components/remoteTable';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { educationName, ethnicityName } from '../../../../core/people/codes';
import type { personRow } from '../../../../core/people/schemas';
import type { z } from 'zod';

export type PersonRow = z.infer<typeof personRow>;
type SortOrder = SortState<string>['order'];

const MISMATCH_LABEL = { birthDate: '出生日期', gender: '性别' } as const;

interface Options {
  deleted: boolean;
  sortField: string | null;
  sortOrder: SortOrder;
  onEdit(row: PersonRow): void;
  onDelete(row: PersonRow): void;
  onRestore(row: PersonRow): void;
}

/** Columns follow the order clerks read a paper 花名册: where, who, then the personal details. */
export function peopleColumns(o: Options): ColumnsType<PersonRow> {
  const sorted = (field: string) => ({ sorter: true, sortOrder: o.sortField === field ? o.sortOrder : null });
  return [
    { title: '所在村（社区）', dataIndex: 'unitName', key: 'unitName', width: 140, ellipsis: true, ...sorted('unitName'), render: (v: string | null) => v ?? '—' },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 96, ...sorted('name') },
    { title: '性别', dataIndex: 'gender', key: 'gender', width: 56 },
    { title: '民族', dataIndex: 'ethnicity', key: 'ethnicity', width: 76, render: (v: string) => ethnicityName(v) || v },
    { title: '出生日期', dataIndex: 'birthDate', key: 'birthDate', width: 110, ...sorted('birthDate') },
    {
      title: '身份证号',
      dataIndex: 'idNumberMasked',
      key: 'idNumberMasked',
      width: 176,
      render: (v: string, row) => (
        <Space size={4} wrap>
          <span style={{ fontFamily: 'Consolas, monospace' }}>{v}</span>
          {row.idMismatch.length > 0 && (
            <Tooltip title="登记的信息与身份证号推算的不一致，请打开核对">
              <Tag color="warning">{row.idMismatch.map((f) => MISMATCH_LABEL[f]).join('、')}与身份证号不符</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: '学历', dataIndex: 'education', key: 'education', width: 90, render: (v: string | null) => educationName(v) || '—' },
    { title: '职业', dataIndex: 'occupation', key: 'occupation', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 124, render: (v: string | null) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, row) =>
        o.deleted ? (
          <Button type="link" size="small" onClick={() => o.onRestore(row)}>
            恢复
          </Button>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => o.onEdit(row)}>
              编辑
            </Button>
            {/* The page asks first, naming the person's 发展档案 if one is in progress. */}
            <Button type="link" size="small" danger onClick={() => o.onDelete(row)}>
              删除
            </Button>
          </Space>
        ),
    },
  ];
}
