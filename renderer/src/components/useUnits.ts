import { useCallback, useEffect, useRef, useState } from 'react';
import type { Unit } from '../../../core/org/schemas';
import { firstCall } from '../api/client';
import { useFirstAnswer } from './useFirstAnswer';
import { useNotify } from './useNotify';

/** The village/community list is small (tens of rows), so pages simply fetch it whole. */
export function useUnits(includeRetired = false) {
  const { fail } = useNotify();
  const first = useFirstAnswer('org.listUnits', { includeRetired });
  const [units, setUnits] = useState<Unit[]>(first ?? []);
  const [loading, setLoading] = useState(!first);
  const hasFirst = useRef(first !== undefined);
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
    if (hasFirst.current) {
      hasFirst.current = false;
      return;
    }
    void reload();
  }, [reload]);
  return { units, loading, reload };
}

export function unitOptions(units: Unit[]) {
  return units.map((u) => ({ value: u.id, label: u.retiredAt ? `${u.name}（已撤销）` : u.name, disabled: !!u.retiredAt }));
}
