import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';
import type { CentreConfigView } from './types';

/** The township's lists, milestones and standards: small, fetched whole by each page that offers them. */
export function useCentreConfig(): CentreConfigView | null {
  const { fail } = useNotify();
  const [config, setConfig] = useState<CentreConfigView | null>(null);
  useEffect(() => {
    call('centres.config', {}).then(setConfig).catch(fail);
  }, [fail]);
  return config;
}
