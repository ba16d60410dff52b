import { useEffect, useState } from 'react';
import type { Branch } from '../../../core/org/schemas';
import { call } from '../api/client';
import { useNotify } from './useNotify';

/**
 * A township has tens of branches, so pages fetch the list whole and filter it locally. `loaded` tells an empty list
 * from one still on its way, so the "where to add one" hint never flashes while it loads.
 */
export function useBranches(): { branches: Branch[]; loaded: boolean } {
  const { fail } = useNotify();
  const [branches, setBranches] = useState<Branch[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    call('org.listBranches', { includeRetired: false })
      .then((list) => {
        setBranches(list);
        setLoaded(true);
      })
      .catch(fail);
  }, [fail]);
  return { branches, loaded };
}

export function branchOptions(branches: Branch[], unitId?: number | null) {
  return branches.filter((b) => !unitId || b.unitId === unitId).map((b) => ({ value: b.id, label: b.name }));
}
