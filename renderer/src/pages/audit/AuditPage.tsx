import { Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry } from '../../../../core/audit/schemas';
import { call } from '../../api/client';
import { remotePagination } from '../../components/remoteTable';
import { useNotify } from '../../components/useNotify';
import { useRemotePage } from '../../components/useRemotePage';
import { AuditDiff } from './AuditDiff';
import { AuditExportButton } from './AuditExportButton';
import { ACTIONS, ENTITY_LABELS } from '../../../../core/audit/labels';

interface Filters {
  entity: string | null;
  action: string | null;
  q: string;
  range: [Dayjs | null, Dayjs | null] | null;
}

const ACTION_COLORS: Record<string, string> = { 新增: 'green', 修改: 'blue', 删除: 'red', 撤销: 'orange', 恢复: 'cyan', 合并: 'purple' };

const NO_ENTRIES = { items: [] as AuditEntry[], total: 0 };

export function AuditPage() {
  const { fail } = useNotify();
  const [filters, setFilters] = useState<Filters>({ entity: null, action: null, q: '', range: null });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { data, loading } = useRemotePage(() => {
    const [from, to] = filters.range ?? [null, null];
    return call('audit.list', {
      entity: filters.entity,
      action: filters.action,
      q: filters.q || null,
      from: from ? from.format('YYYY-MM-DD') : null,
      to: to ? to.format('YYYY-MM-DD') : null,
      sortOrder: 'descend',
      ...page,
    });
  }, [filters, page], NO_ENTRIES, fail);

  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Card title="操作日志">
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部对象"
          aria-label="对象"
          style={{ width: 150 }}
          value={filters.entity ?? undefined}
          onChange={(v) => change({ entity: v ?? null })}
          options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="全部操作"
          aria-label="操作"
          style={{ width: 150 }}
          value={filters.action ?? undefined}
          onChange={(v) => change({ action: v ?? null })}
          options={ACTIONS.map((a) => ({ value: a, label: a }))}
        />
        <Input.Search allowClear placeholder="搜索内容，如姓名" style={{ width: 220 }} onSearch={(q) => change({ q })} />
        <DatePicker.RangePicker allowEmpty={[true, true]} value={filters.range} onChange={(range) => change({ range })} />
        <AuditExportButton range={filters.range} />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data.items}
        expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: (e) => e.before !== null || e.after !== null, expandRowByClick: true }}
        locale={{ emptyText: '没有符合条件的操作记录' }}
        pagination={{ ...remotePagination(page, data.total, '条'), onChange: (p, pageSize) => setPage({ page: p, pageSize }) }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 180 },
          { title: '对象', dataIndex: 'entity', width: 120, render: (e: string) => ENTITY_LABELS[e] ?? e },
          { title: '操作', dataIndex: 'action', width: 110, render: (a: string) => <Tag color={ACTION_COLORS[a]}>{a}</Tag> },
          { title: '内容', dataIndex: 'summary' },
        ]}
      />
    </Card>
  );
}
