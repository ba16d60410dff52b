import { App, Button } from 'antd';
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
  /** A success message that offers to take the action back, where taking it back is cheap. */
  const doneWithUndo = useCallback(
    (key: string, text: string, undoLabel: string, undo: () => void) =>
      void message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span>
            {text}
            <Button
              type="link"
              size="small"
              onClick={() => {
                message.destroy(key);
                undo();
              }}
            >
              {undoLabel}
            </Button>
          </span>
        ),
      }),
    [message],
  );
  return { message, fail, doneWithUndo };
}
