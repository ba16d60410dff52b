import { useEffect, useState } from 'react';
import type { Branch } from '../../../../core/org/schemas';
import { call } from '../../api/client';
import { useNotify } from '../../components/useNotify';

/** A township has tens of branches, so pages fetch the list whole and filter it locally. */
export function useBranches(): Branch[] {
  const { fail } = useNotify();
  const [branches, setBranches] = useState<Branch[]>([]);
  useEffect(() => {
    call('org.listBranches', { includeRetired: false }).then(setBranches).catch(fail);
  }, [fail]);
  return branches;
}

export function branchOptions(branches: Branch[], unitId?: number | null) {
  return branches.filter((b) => !unitId || b.unitId === unitId).map((b) => ({ value: b.id, label: b.name }));
}
