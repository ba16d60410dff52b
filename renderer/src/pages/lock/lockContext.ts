import { createContext, useContext } from 'react';
import type { LockStatus } from '../../../../core/lock/schemas';

export interface LockControl {
  /** null until the ledger has answered lock.status. */
  status: LockStatus | null;
  /** 锁定: covers the screen at once (or says how to set a password first). */
  lockNow(): void;
  /** Re-read after the 锁屏密码 tab changed something, so the idle timer follows. */
  refresh(): Promise<void>;
}

export const LockContext = createContext<LockControl | null>(null);

export function useLock(): LockControl {
  const lock = useContext(LockContext);
  if (!lock) throw new Error('useLock outside LockGate');
  return lock;
}
