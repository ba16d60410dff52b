import { CloseOutlined } from '@ant-design/icons';
import { DatePicker, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';

interface Props {
  /** From Form.Item: YYYY-MM-DD dates. */
  value?: string[];
  onChange?(next: string[]): void;
  id?: string;
  label: string;
}

/** A list of dates as tags grouped by year: the picker adds one, × removes one. */
export function DateListInput({ value = [], onChange, id, label }: Props) {
  const sorted = [...value].sort();
  const years = [...new Set(sorted.map((d) => d.slice(0, 4)))];
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid={`dates-${label}`}>
      {years.map((y) => (
        <div key={y}>
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {y} 年（{sorted.filter((d) => d.startsWith(y)).length} 天）
          </Typography.Text>
          <Space size={[4, 4]} wrap style={{ display: 'inline-flex' }}>
            {sorted
              .filter((d) => d.startsWith(y))
              .map((d) => (
                <Tag
                  key={d}
                  closable
                  closeIcon={<CloseOutlined aria-label={`删除${label} ${d}`} />}
                  style={{ marginInlineEnd: 0 }}
                  onClose={(e) => {
                    e.preventDefault();
                    onChange?.(value.filter((x) => x !== d));
                  }}
                >
                  {d.slice(5)}
                </Tag>
              ))}
          </Space>
        </div>
      ))}
      <DatePicker
        id={id}
        size="small"
        aria-label={`新增${label}`}
        placeholder={`新增${label}`}
        format="YYYY-MM-DD"
        value={null as Dayjs | null}
        onChange={(d: Dayjs | null) => {
          const iso = d?.format('YYYY-MM-DD');
          if (iso && !value.includes(iso)) onChange?.([...value, iso].sort());
        }}
      />
    </Space>
  );
}
