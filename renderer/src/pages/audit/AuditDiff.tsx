import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../../../core/audit/schemas';
import { displayValue, fieldLabel } from '../../../../core/audit/labels';

interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** Internal ids and bookkeeping mean nothing to a clerk; the names next to them carry the same information. */
const HIDDEN = new Set(['id', 'unitId', 'mergedIntoId', 'sortOrder', 'isDemo', 'setUp', 'createdAt']);

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** An edit shows only what changed; a creation or deletion shows the filled-in fields of the record. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const both = entry.before !== null && entry.after !== null;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN.has(k));
  const all: DiffRow[] = keys.map((key) => ({
    key,
    label: fieldLabel(entry.entity, key),
    before: displayValue(entry.entity, key, before[key]),
    after: displayValue(entry.entity, key, after[key]),
  }));
  const rows = both ? all.filter((r) => r.before !== r.after && r.key !== 'updatedAt') : all.filter((r) => (entry.after !== null ? r.after : r.before) !== '—');
  const unchanged = both ? all.length - rows.length : 0;

  if (rows.length === 0) return <Typography.Text type="secondary">此操作没有记录可显示的内容。</Typography.Text>;
  return (
    <>
      <Table<DiffRow>
        size="small"
        pagination={false}
        dataSource={rows}
        rowKey="key"
        style={{ maxWidth: 900 }}
        columns={[
          { title: '项目', dataIndex: 'label', width: 180 },
          ...(both
            ? [
                { title: '修改前', dataIndex: 'before' as const },
                { title: '修改后', dataIndex: 'after' as const, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              ]
            : [{ title: '内容', dataIndex: entry.after !== null ? ('after' as const) : ('before' as const) }]),
        ]}
      />
      {unchanged > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          其余 {unchanged} 项未改动。
        </Typography.Paragraph>
      )}
    </>
  );
}
