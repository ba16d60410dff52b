import { Input, Select, Space, Switch } from 'antd';
import { useEffect, useRef } from 'react';
import { EDUCATIONS, ETHNICITIES, GENDERS, OCCUPATIONS, type Gender } from '../../../../core/people/codes';
import type { Unit } from '../../../../core/org/schemas';
import { unitOptions } from '../../components/useUnits';

export interface PeopleFilterValues {
  q: string;
  unitId: number | null;
  gender: Gender | null;
  ethnicity: string | null;
  education: string | null;
  occupation: string | null;
}

interface Props {
  value: PeopleFilterValues;
  units: Unit[];
  deleted: boolean;
  onChange(patch: Partial<PeopleFilterValues>): void;
  onDeletedChange(deleted: boolean): void;
}

const byLabel = { optionFilterProp: 'label' } as const;

export function PeopleFilters({ value, units, deleted, onChange, onDeletedChange }: Props) {
  // Search as the clerk types, but only once they pause: each keystroke would otherwise be a query.
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const searchSoon = (q: string) => {
    clearTimeout(typing.current);
    typing.current = setTimeout(() => onChange({ q: q.trim() }), 350);
  };
  const select = (key: keyof PeopleFilterValues, placeholder: string, options: { value: string | number; label: string }[], width = 130) => (
    <Select
      allowClear
      showSearch={byLabel}
      aria-label={placeholder}
      placeholder={placeholder}
      style={{ width }}
      value={value[key] ?? undefined}
      options={options}
      popupMatchSelectWidth={false}
      onChange={(v) => onChange({ [key]: v ?? null })}
    />
  );
  return (
    <Space wrap>
      <Input.Search
        allowClear
        placeholder="姓名 / 身份证号 / 电话"
        aria-label="搜索人员"
        style={{ width: 220 }}
        defaultValue={value.q}
        onSearch={(q) => {
          clearTimeout(typing.current);
          onChange({ q: q.trim() });
        }}
        onChange={(e) => searchSoon(e.target.value)}
      />
      {select('unitId', '全部村（社区）', unitOptions(units).map((o) => ({ value: o.value, label: o.label })), 160)}
      {select('gender', '性别', GENDERS.map((g) => ({ value: g, label: g })), 80)}
      {select('ethnicity', '民族', ETHNICITIES.map((e) => ({ value: e.code, label: e.name })), 100)}
      {select('education', '学历', EDUCATIONS.map((e) => ({ value: e.code, label: e.name })), 110)}
      {select('occupation', '职业', OCCUPATIONS.map((o) => ({ value: o, label: o })), 150)}
      <Space size={6}>
        <Switch checked={deleted} onChange={onDeletedChange} aria-label="已删除" />
        <span>已删除</span>
      </Space>
    </Space>
  );
}
