import { PaperClipOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Attachment } from '../../../../core/attachments/schemas';
import { Attachments } from '../../components/Attachments';

/**
 * Scans for a table's rows, opened one row at a time under the row itself: a clerk checks one 考察 or 函调 at a time,
 * and listing every row's files up front would cost a query per row on every reload.
 */
export function useRowAttachments<T extends { id: number }>(ownerType: Attachment['ownerType']) {
  const [open, setOpen] = useState<number[]>([]);
  const toggle = (id: number) => setOpen((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));

  const expandable: TableProps<T>['expandable'] = {
    expandedRowKeys: open,
    showExpandColumn: false,
    expandedRowRender: (row) => (
      <div style={{ maxWidth: 560 }}>
        <Attachments ownerType={ownerType} ownerId={row.id} />
      </div>
    ),
  };

  /** `label` names the row for screen readers; `compact` drops the word where the column is narrow. */
  const button = (row: T, label: string, compact = false): ReactNode => (
    <Button
      type={compact ? 'text' : 'link'}
      size="small"
      icon={<PaperClipOutlined />}
      aria-label={`附件 ${label}`}
      aria-expanded={open.includes(row.id)}
      title={compact ? '附件（扫描件）' : undefined}
      onClick={() => toggle(row.id)}
    >
      {compact ? null : open.includes(row.id) ? '收起' : '附件'}
    </Button>
  );

  return { expandable, button };
}
