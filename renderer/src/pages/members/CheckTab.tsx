import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { RULE_DEFS, type RuleId } from '../../../../core/members/rule-table';
import { call, saveReport } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';
import { useUnits } from '../../components/useUnits';
import { LEVEL_COLOR, LEVEL_LABEL, recordPath, shortBranch } from './labels';
import type { FindingView } from './types';

interface Filters {
  level: 'error' | 'warning' | null;
  ruleId: string | null;
  unitName: string | null;
}

const ruleText = (id: string) => RULE_DEFS[id as RuleId]?.description ?? '';

/** Every finding across all live files, errors first: what the 程序合规检查表 prints. */
export function CheckTab() {
  const { message, fail } = useNotify();
  const { settings } = useSession();
  const { units } = useUnits(false);
  const [rows, setRows] = useState<FindingView[] | null>(null);
  const [filters, setFilters] = useState<Filters>({ level: null, ruleId: null, unitName: null });
  const [exporting, setExporting] = useState(false);

  const load = useCallback(() => {
    setRows(null);
    call('members.check', {})
      .then((list) => setRows([...list].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1))))
      .catch((err: unknown) => {
        setRows([]);
        fail(err);
      });
  }, [fail]);
  useEffect(load, [load]);

  const shown = useMemo(
    () => (rows ?? []).filter((r) => (!filters.level || r.level === filters.level) && (!filters.ruleId || r.ruleId === filters.ruleId) && (!filters.unitName || r.unitName === filters.unitName)),
    [rows, filters],
  );
  const ruleIds = useMemo(() => [...new Set((rows ?? []).map((r) => r.ruleId))].sort(), [rows]);
  const unitNames = useMemo(() => [...new Set((rows ?? []).map((r) => r.unitName).filter((n): n is string => !!n))], [rows]);

  const exportIt = async () => {
    setExporting(true);
    try {
      const unitId = units.find((u) => u.name === filters.unitName)?.id;
      const result = await saveReport({ reportId: 'members-compliance', unitIds: unitId ? [unitId] : null });
      if (result.saved) message.success({ content: `已导出：${result.path ?? result.fileName}`, duration: 6 });
      else message.info('已取消保存');
    } catch (err) {
      fail(err);
    } finally {
      setExporting(false);
    }
  };

  const errors = shown.filter((r) => r.level === 'error').length;
  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Select allowClear aria-label="级别" placeholder="全部级别" style={{ width: 110 }} value={filters.level ?? undefined} options={[{ value: 'error', label: '错误' }, { value: 'warning', label: '提醒' }]} onChange={(v) => setFilters((f) => ({ ...f, level: v ?? null }))} />
        <Select
          allowClear
          aria-label="规则"
          placeholder="全部规则"
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          value={filters.ruleId ?? undefined}
          options={ruleIds.map((id) => ({ value: id, label: `${id} ${ruleText(id)}` }))}
          optionRender={(o) => <span title={String(o.label)}>{String(o.label)}</span>}
          labelRender={(o) => String(o.value)}
          onChange={(v) => setFilters((f) => ({ ...f, ruleId: v ?? null }))}
        />
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} aria-label="村（社区）" placeholder="全部村（社区）" style={{ width: 160 }} value={filters.unitName ?? undefined} options={unitNames.map((n) => ({ value: n, label: n }))} onChange={(v) => setFilters((f) => ({ ...f, unitName: v ?? null }))} />
        <Typography.Text type="secondary">
          共 {shown.length} 条，其中错误 {errors} 条
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={load}>
          重新检查
        </Button>
        <Button type="primary" icon={<FileExcelOutlined />} loading={exporting} onClick={exportIt}>
          导出 Excel
        </Button>
      </Space>
      <Table<FindingView>
        size="small"
        rowKey={(r) => `${r.recordId}-${r.ruleId}-${r.step ?? ''}-${r.message}`}
        loading={rows === null}
        dataSource={shown}
        scroll={{ x: 1100 }}
        locale={{ emptyText: rows?.length === 0 ? '未发现问题' : '没有符合条件的问题' }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100], showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '村（社区）', dataIndex: 'unitName', width: 110, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: '党支部', dataIndex: 'branchName', width: 150, ellipsis: { showTitle: false }, render: (v: string | null) => <span title={v ?? undefined}>{shortBranch(v, settings.townName)}</span> },
          { title: '姓名', dataIndex: 'personName', width: 80, render: (v: string, r) => <Link to={recordPath(r.recordId)}>{v}</Link> },
          { title: '规则', dataIndex: 'ruleId', width: 64, render: (v: string) => <Tooltip title={ruleText(v)}><Tag>{v}</Tag></Tooltip> },
          { title: '级别', dataIndex: 'level', width: 64, render: (v: 'error' | 'warning') => <Tag color={LEVEL_COLOR[v]}>{LEVEL_LABEL[v]}</Tag> },
          { title: '流程节点', key: 'step', width: 150, ellipsis: true, render: (_, r) => (r.step ? `${r.step} ${r.stepName}` : '—') },
          { title: '问题', dataIndex: 'message' },
          { title: '特殊情况说明', dataIndex: 'explanation', width: 180, render: (v: string | null) => v ?? '' },
        ]}
      />
    </>
  );
}
