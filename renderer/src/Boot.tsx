import { Spin } from 'antd';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../core/app/schemas';
import type { Settings } from '../../core/org/schemas';
import { ApiError, call, firstCall, forgetEarlyAnswers } from './api/client';
import { SessionContext, type Session } from './components/session';
import { ErrorScreen } from './shell/ErrorScreen';
import { AppShell } from './shell/AppShell';
import { preloadPage, warmPage } from './shell/menu';
import { PageLoadBoundary, PageLoading, lazyPage } from './shell/lazyPage';
import { setLedgerToday } from './pages/members/labels';

// Seen once per township, so its code (with the seed lists' UI) loads only when needed.
const SetupWizard = lazyPage(() => import('./pages/setup/SetupWizard'), 'SetupWizard');

/**
 * The first answers are asked for as soon as this code runs, not after React has drawn the loading screen: the
 * ledger's status, its settings, the code of the page in the address bar and that page's first data arrive side by
 * side. In web mode the status and settings are already in index.html (server/app.ts), so nothing waits for them.
 */
function startFirstLoad() {
  const route = window.location.hash.replace(/^#/, '').split('?')[0] || '/';
  preloadPage(route);
  const status = firstCall('app.status', {});
  // Only a ready ledger has a page to show; in web mode the status is already here, so this starts at once.
  status.then((s) => s.state === 'ready' && warmPage(route), () => undefined); // a failure is handled in settle
  // Used only when the ledger turns out to be ready; on any other state its failure is expected and ignored.
  const settings = firstCall('org.getSettings', {}).catch(() => null);
  return { status, settings };
}
let firstLoad: ReturnType<typeof startFirstLoad> | null = startFirstLoad();

type BootState =
  | { phase: 'loading' }
  | { phase: 'error'; status: AppStatus | null; error: { message: string; hint?: string } }
  | { phase: 'setup'; status: AppStatus }
  | { phase: 'ready'; status: AppStatus; settings: Settings };

/** Decides what the clerk sees first; whatever goes wrong, the answer is a Chinese screen, never a blank page. */
export function Boot() {
  const [state, setState] = useState<BootState>({ phase: 'loading' });

  const settle = useCallback(async (known?: AppStatus) => {
    const first = known ? null : firstLoad;
    firstLoad = null;
    let status: AppStatus | null = known ?? null;
    try {
      status ??= await (first?.status ?? call('app.status', {}));
      setLedgerToday(status.today);
      if (status.state === 'error') {
        setState({ phase: 'error', status, error: status.error ?? { message: '数据文件无法打开。' } });
      } else if (status.state === 'setup') {
        setState({ phase: 'setup', status });
      } else {
        const settings = (await first?.settings) ?? (await call('org.getSettings', {}));
        setState({ phase: 'ready', status, settings });
      }
    } catch (err) {
      const error = err instanceof ApiError ? { message: err.message, hint: err.hint } : { message: String(err) };
      setState({ phase: 'error', status, error });
    }
  }, []);

  const reboot = useCallback(
    (next?: AppStatus) => {
      // Whatever was fetched for the first screen describes the ledger before the reboot (setup, a reopened file).
      forgetEarlyAnswers();
      setState({ phase: 'loading' });
      void settle(next);
    },
    [settle],
  );

  useEffect(() => {
    void settle();
  }, [settle]);

  if (state.phase === 'loading') {
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在打开台账…">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  if (state.phase === 'error') {
    // A file that failed to open (locked by another program, say) is opened afresh; a lost connection just re-asks.
    const retry = () => {
      setState({ phase: 'loading' });
      const reopened = state.status?.state === 'error' ? call('app.reopen', {}) : Promise.resolve(undefined);
      reopened.then((next) => settle(next), () => settle());
    };
    return <ErrorScreen status={state.status} error={state.error} onRetry={retry} />;
  }
  if (state.phase === 'setup') {
    return (
      <PageLoadBoundary>
        <Suspense fallback={<PageLoading />}>
          <SetupWizard status={state.status} onDone={reboot} />
        </Suspense>
      </PageLoadBoundary>
    );
  }

  const session: Session = {
    status: state.status,
    settings: state.settings,
    reloadSettings: async () => {
      const settings = await call('org.getSettings', {});
      setState((s) => (s.phase === 'ready' ? { ...s, settings } : s));
    },
    reboot,
  };
  return (
    <SessionContext.Provider value={session}>
      <AppShell />
    </SessionContext.Provider>
  );
}
