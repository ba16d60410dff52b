import { Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { AddVillageButton, missingVillage } from './AddVillageButton';
import { problemText, STATUS_COLOR, STATUSES, type Preview, type PreviewRow, type RowStatus } from './types';

type Filter = RowStatus | '全部';

/** The counts per status, each a filter, over the rows as the ledger judged them. */
export function PreviewRows({ preview, busy, onRecheck }: { preview: Preview; busy: boolean; onRecheck(): void }) {
  const [filter, setFilter] = useState<Filter>('全部');
  const rows = useMemo(() => (filter === '全部' ? preview.rows : preview.rows.filter((r) => r.status === filter)), [preview, filter]);
  const count = (s: RowStatus) => preview.counts[s] ?? 0;

  return (
    <>
      <Segmented<Filter>
        data-testid="import-counts"
        aria-label="按状态查看"
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 8 }}
        options={[
          { value: '全部', label: `全部 ${preview.rows.length}` },
          ...STATUSES.map((s) => ({
            value: s,
            label: (
              <span>
                <Tag color={STATUS_COLOR[s]} style={{ marginInlineEnd: 4 }}>
                  {s}
                </Tag>
                {count(s)}
              </span>
            ),
          })),
        ]}
      />
      <Table<PreviewRow>
        data-testid="import-rows"
        size="small"
        rowKey="row"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => `共 ${n} 行` }}
        locale={{ emptyText: filter === '全部' ? '文件中没有数据行' : `没有“${filter}”的行` }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 64 },
          { title: '状态', dataIndex: 'status', width: 72, render: (s: RowStatus) => <Tag color={STATUS_COLOR[s]}>{s}</Tag> },
          { title: '人员', dataIndex: 'label', width: 190, render: (v: string) => v || '—' },
          {
            title: '问题与说明',
            key: 'problems',
            render: (_, r) =>
              r.problems.length + r.notes.length === 0 ? null : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {r.problems.map((p, i) => (
                    <li key={`p${i}`}>
                      <Typography.Text type="danger">{problemText(p)}</Typography.Text>
                      {missingVillage(p.message) && <AddVillageButton name={missingVillage(p.message)!} disabled={busy} onAdded={onRecheck} />}
                    </li>
                  ))}
                  {r.notes.map((p, i) => (
                    <li key={`n${i}`}>
                      <Typography.Text type="secondary">{problemText(p)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </>
  );
}
