import { Layout, Menu, Typography } from 'antd';
import { Suspense, useEffect, useRef } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../components/session';
import { DemoBanner } from './DemoBanner';
import { LockButton } from '../pages/lock/LockButton';
import { LockGate } from '../pages/lock/LockGate';
import { PageLoadBoundary, PageLoading } from './lazyPage';
import { MODULES, modulesFor, preloadPage, warmPage } from './menu';

/** How long a menu click waits for the page's first answers before it opens the page without them. */
const FIRST_ANSWER_WAIT_MS = 200;

/** The app lock (pages/lock) sits around the whole shell, so its screen covers every page and dialog. */
export function AppShell() {
  return (
    <LockGate>
      <ShellLayout />
    </LockGate>
  );
}

function ShellLayout() {
  const { settings, status } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // Only the newest menu click opens its page, whichever answer comes in first.
  const lastClick = useRef(0);
  const current = MODULES.filter((m) => m.path === '/' ? pathname === '/' : pathname.startsWith(m.path)).map((m) => m.path);

  // Once the first page has drawn and the browser is idle, every other page's code is fetched and run ahead, so a
  // click on the menu draws its page instead of waiting for its code first.
  useEffect(() => {
    const preloadAll = () => MODULES.forEach((m) => preloadPage(m.path));
    const idle = window.requestIdleCallback?.(preloadAll, { timeout: 3000 });
    const timer = idle === undefined ? window.setTimeout(preloadAll, 1000) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {status.demo && <DemoBanner />}
      <Layout>
        <Layout.Sider width={184} theme="light" breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '18px 16px', fontWeight: 600, fontSize: 16, color: '#c8161d', whiteSpace: 'nowrap', overflow: 'hidden' }}>基层党建工作台账</div>
          <Menu
            mode="inline"
            selectedKeys={current}
            items={modulesFor(settings.mode).map((m) => ({ key: m.path, icon: m.icon, label: m.label }))}
            onClick={({ key }) => {
              const click = ++lastClick.current;
              const open = () => click === lastClick.current && navigate(key);
              // The page's first data is asked for now. A page drawn with it is opened once it is in, so it is
              // drawn once with its rows, not empty and then again; a slow answer opens the page anyway.
              const answered = key !== pathname ? warmPage(key) : undefined;
              if (!answered) return open();
              void Promise.race([answered, new Promise((done) => window.setTimeout(done, FIRST_ANSWER_WAIT_MS))]).then(open);
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="town-name">
              {settings.countyName}
              {settings.townName}
            </Typography.Title>
            <Typography.Text type="secondary">{settings.unitName}</Typography.Text>
            <span style={{ marginLeft: 'auto' }}>
              <LockButton />
            </span>
          </Layout.Header>
          <Layout.Content style={{ padding: 16 }}>
            <PageLoadBoundary key={pathname}>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  {modulesFor(settings.mode).map((m) => (
                    <Route key={m.path} path={m.path} element={<m.page />} />
                  ))}
                  <Route path="*" element={<Navigate to={settings.mode === 'county' ? '/district' : '/'} replace />} />
                </Routes>
              </Suspense>
            </PageLoadBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </Layout>
  );
}
