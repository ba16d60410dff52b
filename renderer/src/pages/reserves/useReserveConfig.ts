import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import type { ReserveConfigView } from './types';

/** The township's own lists (岗位方向, 来源, 培养类型 …): small, fetched whole by each page that offers them. */
export function useReserveConfig(): ReserveConfigView | null {
  const { fail } = useNotify();
  const [config, setConfig] = useState<ReserveConfigView | null>(null);
  useEffect(() => {
    call('reserves.config', {}).then(setConfig).catch(fail);
  }, [fail]);
  return config;
}

export const asOptions = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));
