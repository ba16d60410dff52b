import { useCallback, useEffect, useState } from 'react';
import type { Unit } from '../../../core/org/schemas';
import { firstCall } from '../api/client';
import { useNotify } from './useNotify';

/** The village/community list is small (tens of rows), so pages simply fetch it whole. */
export function useUnits(includeRetired = false) {
  const { fail } = useNotify();
  const [units, setUnits] = useState<Unit[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setUnits(await firstCall('org.listUnits', { includeRetired }));
    } catch (err) {
      fail(err);
    } finally {
      setLoading(false);
    }
  }, [includeRetired, fail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { units, loading, reload };
}

export function unitOptions(units: Unit[]) {
  return units.map((u) => ({ value: u.id, label: u.retiredAt ? `${u.name}（已撤销）` : u.name, disabled: !!u.retiredAt }));
}
