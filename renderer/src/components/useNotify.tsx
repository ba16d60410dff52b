import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client';

/** Every failure the clerk sees is Chinese and, where the core offers one, says what to do next. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return err.hint ? `${err.message}（${err.hint}）` : err.message;
  if (err instanceof Error) return `操作失败：${err.message}`;
  return '操作失败，请重试。';
}

export function useNotify() {
  const { message } = App.useApp();
  const fail = useCallback((err: unknown) => void message.error({ content: describeError(err), duration: 6 }), [message]);
  return { message, fail };
}
