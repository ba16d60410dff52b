import { Button, Result, Spin } from 'antd';
import { Component, lazy, useState, type ComponentType, type ReactNode } from 'react';

/**
 * A page whose code loads on its first visit, so the first screen does not wait for every other page (the bundle
 * was 3.4 MB in one file). Pages keep their named exports; this picks one out for React.lazy.
 */
export function lazyPage<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  let loaded: ComponentType<P> | null = null;
  // One fetch shared by the early preload and React.lazy; a failed one is forgotten so the next attempt retries.
  const preload = () =>
    (loading ??= load().then(
      (m) => {
        loaded = m[name];
        return { default: loaded };
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
  const Lazy = lazy(preload);
  // React.lazy suspends on its first drawing even when the code is already here, and the page then appears only
  // after the loading screen has had its turn (about 300 ms). Code already loaded is drawn at once. Chosen once per
  // mounted page: switching from Lazy to the loaded component later would start the page over.
  function LazyPage(props: P) {
    const [Page] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Page {...props} />;
  }
  return Object.assign(LazyPage, { preload });
}

/** What the content area shows while a page's code arrives: on an office PC, a fraction of a second. */
export function PageLoading() {
  return (
    <div style={{ minHeight: 240, display: 'grid', placeItems: 'center' }} data-testid="page-loading">
      <Spin size="large" description="加载中…">
        <div style={{ width: 160, height: 60 }} />
      </Spin>
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
}

/**
 * A page whose code cannot be loaded (the program was updated or its files damaged while the window stayed open)
 * gets a Chinese screen with a way out, never a blank window.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="warning"
        title="页面加载失败"
        subTitle="程序文件可能已更新或损坏。请重新加载；如果仍然失败，请重新安装台账程序。"
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  }
}
