import { Button, Result, Spin } from 'antd';
import { Component, lazy, type ComponentType, type ReactNode } from 'react';

/**
 * A page whose code loads on its first visit, so the first screen does not wait for every other page (the bundle
 * was 3.4 MB in one file). Pages keep their named exports; this picks one out for React.lazy.
 */
export function lazyPage<K extends string, P extends object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K) {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  // One fetch shared by the early preload and React.lazy; a failed one is forgotten so the next attempt retries.
  const preload = () =>
    (loading ??= load().then(
      (m) => ({ default: m[name] }),
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
  return Object.assign(lazy(preload), { preload });
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
