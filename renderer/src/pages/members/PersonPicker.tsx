import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

export interface PickedPerson {
  id: number;
  name: string;
  unitId: number | null;
}

interface Props {
  id?: string;
  value?: number | null;
  onChange?(id: number | null): void;
  onPick?(person: PickedPerson | null): void;
  autoFocus?: boolean;
}

interface Option {
  value: number;
  label: string;
  person: PickedPerson;
}

/** Searches the 人员库 on the server as the clerk types: a township can hold 10,000+ people. */
export function PersonPicker({ id, value, onChange, onPick, autoFocus }: Props) {
  const { fail } = useNotify();
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);

  const search = (q: string) => {
    clearTimeout(typing.current);
    typing.current = setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      call('people.list', { q: q.trim() || null, pageSize: 30 })
        .then((page) => {
          if (ticket !== latest.current) return;
          setOptions(
            page.items.map((p) => ({
              value: p.id,
              label: `${p.name}（${p.unitName ?? '未填村（社区）'}，${p.idNumberMasked}）`,
              person: { id: p.id, name: p.name, unitId: p.unitId },
            })),
          );
        })
        .catch(fail)
        .finally(() => ticket === latest.current && setLoading(false));
    }, 250);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(typing.current);
    // Only the first, empty search on open; later ones follow typing.
  }, []);

  return (
    <Select<number, Option>
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      autoFocus={autoFocus}
      placeholder="输入姓名或身份证号查找"
      loading={loading}
      value={value ?? undefined}
      options={options}
      notFoundContent={loading ? '正在查找…' : '人员库中没有找到，请先到“人员库”新增'}
      onChange={(v, option) => {
        onChange?.(v ?? null);
        onPick?.(option && !Array.isArray(option) ? option.person : null);
      }}
    />
  );
}
