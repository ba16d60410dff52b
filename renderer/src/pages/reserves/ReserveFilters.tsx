import { Input, Select, Space } from 'antd';
import { useEffect, useRef } from 'react';
import type { Unit } from '../../../../core/org/schemas';
import { EDUCATION_GROUPS } from '../../../../core/people/codes';
import { AGE_BANDS, RESERVE_STATUSES } from '../../../../core/reserves/codes';
import { unitOptions } from '../../components/useUnits';
import type { ReserveFilterValues } from './filters';
import type { ReserveConfigView } from './types';
import { asOptions } from './useReserveConfig';

interface Props {
  value: ReserveFilterValues;
  units: Unit[];
  config: ReserveConfigView | null;
  onChange(patch: Partial<ReserveFilterValues>): void;
}

const byLabel = { optionFilterProp: 'label' } as const;
const PARTY = [
  { value: '1', label: '党员' },
  { value: '0', label: '非党员' },
];

export function ReserveFilters({ value, units, config, onChange }: Props) {
  // Search once the clerk pauses typing, not on every keystroke.
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const searchSoon = (q: string) => {
    clearTimeout(typing.current);
    typing.current = setTimeout(() => onChange({ q: q.trim() }), 350);
  };
  const select = <K extends keyof ReserveFilterValues>(key: K, label: string, options: { value: string | number; label: string }[], width: number) => (
    <Select
      allowClear
      showSearch={byLabel}
      aria-label={label}
      placeholder={label}
      style={{ width }}
      popupMatchSelectWidth={false}
      value={(value[key] ?? undefined) as string | number | undefined}
      options={options}
      onChange={(v) => onChange({ [key]: v ?? null } as Partial<ReserveFilterValues>)}
    />
  );
  return (
    <Space wrap size={[8, 8]}>
      <Input.Search
        allowClear
        placeholder="姓名/身份证号/电话"
        aria-label="搜索后备人才"
        style={{ width: 180 }}
        defaultValue={value.q}
        onSearch={(q) => {
          clearTimeout(typing.current);
          onChange({ q: q.trim() });
        }}
        onChange={(e) => searchSoon(e.target.value)}
      />
      {select('unitId', '村（社区）', unitOptions(units), 130)}
      {select('source', '来源类别', asOptions(config?.sources), 130)}
      {select('status', '状态', asOptions(RESERVE_STATUSES), 90)}
      {select('postDirection', '岗位方向', asOptions(config?.postDirections), 120)}
      {select('ageBand', '年龄段', AGE_BANDS.map((b) => ({ value: b.key, label: b.label })), 110)}
      {select('educationGroup', '学历', asOptions(EDUCATION_GROUPS), 100)}
      <Select
        allowClear
        aria-label="是否党员"
        placeholder="是否党员"
        style={{ width: 100 }}
        value={value.partyMember === null ? undefined : value.partyMember ? '1' : '0'}
        options={PARTY}
        onChange={(v?: string) => onChange({ partyMember: v === undefined ? null : v === '1' })}
      />
    </Space>
  );
}
