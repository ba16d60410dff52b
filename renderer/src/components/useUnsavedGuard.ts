import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';

/**
 * Every form in a modal or drawer: closing it (Esc, the mask, 取消, ×) after the clerk typed something asks
 * "放弃未保存的修改？" first, and while it holds unsaved input a reload or window close asks too (beforeunload; the
 * desktop shell turns that into its own dialog). "Typed something" is antd's onValuesChange, which fires for the
 * clerk's edits only, never for values the page fills in.
 *
 * `open` and `subject` (e.g. the step or person being edited) start a fresh, clean session when either changes.
 */
export function useUnsavedGuard(open: boolean, subject?: unknown) {
  const { modal } = App.useApp();
  const dirty = useRef(false);

  useEffect(() => {
    dirty.current = false;
    if (!open) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      // Older Chromium (and Electron's will-prevent-unload) still look at returnValue.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [open, subject]);

  /** For the form's onValuesChange. */
  const markDirty = useCallback(() => {
    dirty.current = true;
  }, []);

  /** Wraps the close handler of the modal or drawer and of its 取消 button. */
  const guardClose = useCallback(
    (close: () => void) => () => {
      if (!dirty.current) return close();
      modal.confirm({
        title: '放弃未保存的修改？',
        content: '刚才填写的内容还没有保存，关闭后将不会保留。',
        okText: '放弃修改',
        cancelText: '继续填写',
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
        onOk: () => {
          dirty.current = false;
          close();
        },
      });
    },
    [modal],
  );

  return { markDirty, guardClose };
}
