import { Checkbox, Select, Space } from 'antd';
import type { Unit } from '../../../../core/org/schemas';
import { CENTRE_STATUSES, RENOVATION_TYPES } from '../../../../core/centres/codes';
import { unitOptions } from '../../components/useUnits';
import type { CentreFilterValues } from './filters';
import { asOptions } from './labels';
import type { CentreConfigView } from './types';

interface Props {
  value: CentreFilterValues;
  units: Unit[];
  config: CentreConfigView | null;
  onChange(patch: Partial<CentreFilterValues>): void;
}

const byLabel = { optionFilterProp: 'label' } as const;

export const SORT_OPTIONS = [
  { value: 'unitName', label: '按村排序' },
  { value: 'risk', label: '按风险排序' },
  { value: 'progress', label: '按形象进度排序' },
  { value: 'requiredOn', label: '按要求完成日期排序' },
];

export function CentreFilters({ value, units, config, onChange }: Props) {
  const select = <K extends keyof CentreFilterValues>(key: K, label: string, options: { value: string | number; label: string }[], width: number) => (
    <Select
      allowClear
      showSearch={byLabel}
      aria-label={label}
      placeholder={label}
      style={{ width }}
      popupMatchSelectWidth={false}
      value={(value[key] ?? undefined) as string | number | undefined}
      options={options}
      onChange={(v) => onChange({ [key]: v ?? null } as Partial<CentreFilterValues>)}
    />
  );
  return (
    <Space wrap size={[8, 8]}>
      {select('unitId', '村（社区）', unitOptions(units), 140)}
      {select('renovationType', '改造类型', asOptions(RENOVATION_TYPES), 110)}
      {select('status', '状态', asOptions(CENTRE_STATUSES), 110)}
      {select('fundingSource', '资金来源', asOptions(config?.fundingSources), 120)}
      <Checkbox checked={value.atRisk} onChange={(e) => onChange({ atRisk: e.target.checked })}>
        只看有风险
      </Checkbox>
      <Select aria-label="排序" style={{ width: 170 }} value={value.sortField ?? 'unitName'} options={SORT_OPTIONS} onChange={(v: string) => onChange({ sortField: v === 'unitName' ? null : (v as CentreFilterValues['sortField']), sortOrder: null })} />
    </Space>
  );
}
