import { Select, Table, Typography } from 'antd';
import type { Preview } from './types';

type Column = Preview['columns'][number];

/** The Select's value for 不导入: antd shows a null value as empty, so it travels as '' and becomes null again. */
const SKIP = '';

interface Props {
  preview: Preview;
  disabled: boolean;
  /** One column's field changed (null: 不导入); the page sends the whole mapping back for a fresh preview. */
  onChange(col: string, key: string | null): void;
}

/** 表头对照: each column of the file, the header as the file has it, and the field it is read into. */
export function MappingTable({ preview, disabled, onChange }: Props) {
  const options = [
    { value: SKIP, label: '不导入' },
    ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label}（必填）` : f.label })),
  ];
  return (
    <Table<Column>
      data-testid="import-mapping"
      size="small"
      rowKey="col"
      dataSource={preview.columns}
      pagination={false}
      scroll={{ y: 320 }}
      columns={[
        { title: '列', dataIndex: 'col', width: 44 },
        {
          title: '文件中的表头',
          dataIndex: 'header',
          render: (header: string) => header || <Typography.Text type="secondary">（无表头）</Typography.Text>,
        },
        {
          title: '导入为',
          key: 'key',
          width: 216,
          render: (_, c) => (
            <Select
              aria-label={`列 ${c.col} 导入为`}
              size="small"
              style={{ width: 196 }}
              disabled={disabled}
              value={c.key ?? SKIP}
              showSearch={{ optionFilterProp: 'label' }}
              options={options}
              onChange={(v: string) => onChange(c.col, v === SKIP ? null : v)}
            />
          ),
        },
      ]}
    />
  );
}
