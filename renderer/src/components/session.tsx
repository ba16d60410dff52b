import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../core/app/schemas';
import type { Settings } from '../../../core/org/schemas';

export interface Session {
  status: AppStatus;
  settings: Settings;
  /** Re-read settings after the 单位设置 tab saves, so the header follows. */
  reloadSettings(): Promise<void>;
  /** Re-run the boot sequence, e.g. after switching between demo and real data. */
  reboot(next?: AppStatus): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}
