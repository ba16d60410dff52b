import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LockStatus } from '../../../../core/lock/schemas';
import { call } from '../../api/client';
import { useSession } from '../../components/session';
import { useNotify } from '../../components/useNotify';
import { LockContext, type LockControl } from './lockContext';
import { LockScreen } from './LockScreen';

/**
 * The data sets unlocked in this page's life. Kept outside React so switching to demo data and back does not ask
 * again, while a reload (F5) or a restart forgets it and starts locked: otherwise a reload would undo the lock.
 */
const unlocked = new Set<string>();

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
/** How often idleness is checked; a lock comes at most this late. */
const CHECK_MS = 5_000;

export const NO_PASSWORD_HINT = '尚未设置锁屏密码：请先在“组织设置 → 锁屏密码”中设置密码，之后可随时锁定。';

/** Covers the whole UI with the lock screen when locked; what is behind it (an unsaved form) stays as it was. */
export function LockGate({ children }: { children: ReactNode }) {
  const { status: app } = useSession();
  const { message } = useNotify();
  const fileKey = `${app.dataDir}|${app.demo ? 'demo' : 'real'}`;
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [locked, setLocked] = useState(false);
  const lastActive = useRef(Date.now());

  const refresh = useCallback(async () => {
    try {
      const next = await call('lock.status', {});
      setStatus(next);
      if (!next.hasPassword) unlocked.delete(fileKey);
      return next;
    } catch {
      // A file the lock cannot be read from (an old version, say) is shown unguarded rather than not at all.
      const none = { hasPassword: false, idleMinutes: 0 };
      setStatus(none);
      return none;
    }
  }, [fileKey]);

  useEffect(() => {
    void refresh().then((s) => s.hasPassword && !unlocked.has(fileKey) && setLocked(true));
  }, [refresh, fileKey]);

  const lockNow = useCallback(() => {
    if (!status?.hasPassword) {
      void message.warning({ content: NO_PASSWORD_HINT, duration: 6 });
      return;
    }
    unlocked.delete(fileKey);
    setLocked(true);
  }, [status, fileKey, message]);

  // Ctrl+L locks from anywhere, as on a Windows desktop's Win+L.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        if (!locked) lockNow();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [lockNow, locked]);

  // Idle lock: any mouse, keyboard or scroll counts as activity; 0 minutes means never.
  const idleMs = status?.hasPassword && status.idleMinutes > 0 ? status.idleMinutes * 60_000 : 0;
  useEffect(() => {
    if (!idleMs || locked) return;
    lastActive.current = Date.now();
    const seen = () => {
      lastActive.current = Date.now();
    };
    ACTIVITY.forEach((type) => window.addEventListener(type, seen, { capture: true, passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - lastActive.current >= idleMs) {
        unlocked.delete(fileKey);
        setLocked(true);
      }
    }, Math.min(CHECK_MS, idleMs));
    return () => {
      ACTIVITY.forEach((type) => window.removeEventListener(type, seen, { capture: true }));
      window.clearInterval(timer);
    };
  }, [idleMs, locked, fileKey]);

  const control = useMemo<LockControl>(() => ({ status, lockNow, refresh: async () => void (await refresh()) }), [status, lockNow, refresh]);

  return (
    <LockContext.Provider value={control}>
      {children}
      {status === null && <div aria-hidden style={{ position: 'fixed', inset: 0, background: '#fff', zIndex: 3000 }} />}
      {locked && (
        <LockScreen
          onUnlocked={() => {
            unlocked.add(fileKey);
            setLocked(false);
          }}
        />
      )}
    </LockContext.Provider>
  );
}
