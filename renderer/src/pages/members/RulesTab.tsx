import { App, Button, DatePicker, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { todayIso } from './labels';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RuleLevel } from '../../../../core/members/rule-table';
import { rangeText, thresholdSpec, type ThresholdSpec } from '../../../../core/members/rules-thresholds';
import { call } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useSession } from '../../components/session';
import { useJob } from '../../components/useJob';
import { useNotify } from '../../components/useNotify';
import { SOURCE_COLOR } from './ruleLabels';
import type { RuleView, RulesView } from './types';

type Draft = Record<string, { level: RuleLevel; thresholds: Record<string, number> }>;

const LEVEL_OPTIONS = [
  { value: 'error', label: '错误' },
  { value: 'warning', label: '提醒' },
  { value: 'off', label: '关闭' },
];

function toDraft(view: RulesView): Draft {
  return Object.fromEntries(view.rules.map((r) => [r.id, { level: r.level, thresholds: { ...r.thresholds } }]));
}

/** Every edit becomes a new version of the one rule table, effective from a date; old versions stay on record. */
export function RulesTab() {
  const { modal } = App.useApp();
  const { message, fail } = useNotify();
  const { status } = useSession();
  const [view, setView] = useState<RulesView | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [effective, setEffective] = useState<Dayjs>(dayjs(todayIso()));
  const rejudge = useJob((s) => s.state === '已完成' && message.success(s.message));
  const rulesJob = useJob((s) => {
    if (s.state === '已完成') message.success(s.message);
    load();
  });

  const load = useCallback(() => {
    call('members.rules', {})
      .then((v) => {
        setView(v);
        setDraft(toDraft(v));
      })
      .catch(fail);
  }, [fail]);
  useEffect(load, [load]);

  const changed = useMemo(
    () => (view?.rules ?? []).filter((r) => JSON.stringify(draft[r.id]) !== JSON.stringify({ level: r.level, thresholds: r.thresholds })),
    [view, draft],
  );

  const patch = (id: string, next: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [id]: { ...d[id]!, ...next } }));

  const save = () => {
    if (!view) return;
    const date = effective.format('YYYY-MM-DD');
    modal.confirm({
      title: '保存规则设置',
      content: `将生成第 ${view.latestVersion + 1} 版规则，自 ${date} 起施行。修改的规则：${changed.map((r) => r.id).join('、')}。`,
      okText: '保存',
      cancelText: '取消',
      // A version in force today re-judges every file first: a job, with its progress bar and 取消.
      onOk: () =>
        rulesJob.start(() =>
          call('members.updateRules', {
            effectiveDate: date,
            rules: Object.fromEntries(changed.map((r) => [r.id, draft[r.id]])),
          }),
        ),
    });
  };

  if (!view) return null;
  return (
    <>
      {/* The table is long: keep 版本 and 保存 in sight while the clerk scrolls to a rule (below the demo banner). */}
      <Space wrap style={{ marginBottom: 12, position: 'sticky', top: status.demo ? 40 : 0, zIndex: 3, background: '#fff', padding: '8px 0', width: '100%' }}>
        <Typography.Text strong data-testid="rule-version">
          现行规则：第 {view.version} 版，自 {view.effectiveDate} 起施行
        </Typography.Text>
        <Typography.Text type="secondary">修改后自</Typography.Text>
        <DatePicker allowClear={false} value={effective} onChange={(d) => d && setEffective(d)} format="YYYY-MM-DD" aria-label="施行日期" />
        <Typography.Text type="secondary">起施行</Typography.Text>
        <Button onClick={() => setDraft(toDraft(view))} disabled={changed.length === 0}>
          放弃修改
        </Button>
        <Button type="primary" onClick={save} loading={rulesJob.running} disabled={changed.length === 0 || rejudge.running}>
          保存{changed.length ? `（${changed.length} 条）` : ''}
        </Button>
        <Button onClick={() => rejudge.start(() => call('members.rejudge', {}))} loading={rejudge.running} disabled={rulesJob.running}>
          重新校验全部档案
        </Button>
      </Space>
      <JobProgress job={rejudge} />
      <JobProgress job={rulesJob} />
      <Table<RuleView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={view.rules}
        scroll={{ x: 1000 }}
        rowClassName={(r) => (changed.includes(r) ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '编号', dataIndex: 'id', width: 64 },
          {
            title: '说明',
            dataIndex: 'description',
            render: (v: string, r) => (
              <>
                {v}
                {r.unverified && <Tag color="gold" style={{ marginInlineStart: 6 }}>未经核实</Tag>}
              </>
            ),
          },
          { title: '来源', dataIndex: 'source', width: 64, render: (v: string) => <Tag color={SOURCE_COLOR[v]}>{v}</Tag> },
          {
            title: '级别',
            key: 'level',
            width: 96,
            render: (_, r) =>
              r.computed ? (
                <Typography.Text type="secondary">计算项</Typography.Text>
              ) : r.hard ? (
                <Tooltip title={r.id === 'ORD' ? '日期先后顺序错误是录入错误，不能改为提醒或关闭' : '党章规定的条件，不能改为提醒或关闭，也不能以特殊情况说明保存'}>
                  <Tag color="red" data-testid={`rule-hard-${r.id}`}>错误（不可更改）</Tag>
                </Tooltip>
              ) : (
                <Select size="small" aria-label={`${r.id}级别`} style={{ width: 80 }} value={draft[r.id]?.level} options={LEVEL_OPTIONS} onChange={(level: RuleLevel) => patch(r.id, { level })} />
              ),
          },
          {
            title: '阈值',
            key: 'thresholds',
            width: 330,
            render: (_, r) => (
              <Space wrap size={[12, 4]}>
                {Object.keys(r.thresholds).map((key) => {
                  const l: ThresholdSpec = thresholdSpec(r.id, key) ?? { label: key, unit: '', min: 0, max: Number.MAX_SAFE_INTEGER, integer: false };
                  return (
                    <Space key={key} size={4}>
                      <span>{l.label}</span>
                      <InputNumber
                        size="small"
                        min={l.min}
                        max={l.max}
                        precision={l.integer ? 0 : 2}
                        title={`可填${rangeText(l)}`}
                        disabled={l.min === l.max}
                        step={l.step ?? 1}
                        style={{ width: 72 }}
                        aria-label={`${r.id}${l.label}`}
                        value={draft[r.id]?.thresholds[key]}
                        onChange={(v) => typeof v === 'number' && patch(r.id, { thresholds: { ...draft[r.id]!.thresholds, [key]: v } })}
                      />
                      {l.unit && <span>{l.unit}</span>}
                      {l.min !== l.max && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          （{l.min}–{l.max}）
                        </Typography.Text>
                      )}
                    </Space>
                  );
                })}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
