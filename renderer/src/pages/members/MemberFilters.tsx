import { DatePicker, Input, Select, Space, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef } from 'react';
import { STAGES, stepDef, type StepNo } from '../../../../core/members/steps';
import type { Branch, Unit } from '../../../../core/org/schemas';
import { unitOptions } from '../../components/useUnits';
import type { MemberFilterValues } from './filters';
import { STAGE_NUMERALS, STATUS_GROUPS } from './labels';
import { BranchSelect } from '../../components/BranchSelect';

interface Props {
  value: MemberFilterValues;
  units: Unit[];
  branches: Branch[];
  branchesLoaded: boolean;
  onChange(patch: Partial<MemberFilterValues>): void;
}

const byLabel = { optionFilterProp: 'label' } as const;

export function MemberFilters({ value, units, branches, branchesLoaded, onChange }: Props) {
  // Search once the clerk pauses typing, not on every keystroke.
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const searchSoon = (q: string) => {
    clearTimeout(typing.current);
    typing.current = setTimeout(() => onChange({ q: q.trim() }), 350);
  };
  const toggle = (key: 'onlyOverdue' | 'onlyViolations', label: string) => (
    <Space size={6}>
      <Switch size="small" checked={value[key]} onChange={(on) => onChange({ [key]: on })} aria-label={label} />
      <span>{label}</span>
    </Space>
  );
  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        allowClear
        placeholder="姓名/身份证号"
        aria-label="搜索发展档案"
        style={{ width: 170 }}
        defaultValue={value.q}
        onSearch={(q) => {
          clearTimeout(typing.current);
          onChange({ q: q.trim() });
        }}
        onChange={(e) => searchSoon(e.target.value)}
      />
      <Select
        allowClear
        aria-label="阶段"
        placeholder="阶段"
        style={{ width: 110 }}
        popupMatchSelectWidth={false}
        value={value.stage ?? undefined}
        options={STAGES.map((s) => ({ value: s.no, label: `${STAGE_NUMERALS[s.no - 1]}、${s.name}` }))}
        onChange={(v) => onChange({ stage: v ?? null })}
      />
      <Select
        allowClear
        aria-label="状态"
        placeholder="状态"
        style={{ width: 90 }}
        value={value.status ?? undefined}
        options={STATUS_GROUPS.map((s) => ({ value: s, label: s }))}
        onChange={(v) => onChange({ status: v ?? null })}
      />
      <Select
        allowClear
        showSearch={byLabel}
        aria-label="村（社区）"
        placeholder="村（社区）"
        style={{ width: 130 }}
        popupMatchSelectWidth={false}
        value={value.unitId ?? undefined}
        options={unitOptions(units)}
        onChange={(v) => onChange({ unitId: v ?? null, branchId: null })}
      />
      <BranchSelect
        branches={branches}
        loaded={branchesLoaded}
        unitId={value.unitId}
        unitName={units.find((u) => u.id === value.unitId)?.name}
        inlineHint={false}
        aria-label="党支部"
        placeholder="党支部"
        style={{ width: 130 }}
        popupMatchSelectWidth={false}
        value={value.branchId ?? undefined}
        onChange={(v) => onChange({ branchId: v ?? null })}
      />
      <DatePicker
        picker="year"
        aria-label="积极分子年度"
        placeholder="积极分子年度"
        style={{ width: 136 }}
        value={value.year ? dayjs(`${value.year}-01-01`) : null}
        onChange={(d) => onChange({ year: d ? d.year() : null })}
      />
      {value.step && (
        // Set only by a link (the 汇总 figures): shown so the clerk sees why the list is short, and can drop it.
        <Tag closable data-testid="member-step-filter" onClose={() => onChange({ step: null, stepFrom: null, stepTo: null })}>
          第{value.step}节点“{stepDef(value.step as StepNo).name}”日期：{value.stepFrom ?? '不限'} 至 {value.stepTo ?? '不限'}
        </Tag>
      )}
      {toggle('onlyOverdue', '只看逾期')}
      {toggle('onlyViolations', '只看有问题')}
    </Space>
  );
}
