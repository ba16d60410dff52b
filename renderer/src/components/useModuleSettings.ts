import { App } from 'antd';
import { useEffect, useState } from 'react';
import { useNotify } from './useNotify';

/** A module's settings methods: its reader and its writer, which answers with what it stored. */
interface SettingsMethods<C> {
  read: () => Promise<C>;
  write: (config: C) => Promise<C>;
}

/**
 * The settings pages' shared life: load once, a fresh form for each saved value (so its unsaved-changes guard starts
 * clean), and 恢复默认 behind a confirmation with an undo that writes the previous value back.
 */
export function useModuleSettings<C>(methods: SettingsMethods<C>, defaults: C, undoKey: string, resetWarning: string) {
  const { message, fail, doneWithUndo } = useNotify();
  const { modal } = App.useApp();
  const [saved, setSaved] = useState<{ config: C; version: number } | null>(null);

  useEffect(() => {
    methods.read().then((config) => setSaved({ config, version: 0 }), fail);
    // The methods are fixed for a page: loading again on each render would discard the clerk's edits.
  }, [fail]);

  const show = (config: C) => setSaved((s) => ({ config, version: (s?.version ?? 0) + 1 }));

  const reset = () => {
    if (!saved) return;
    const before = saved.config;
    modal.confirm({
      title: '恢复默认设置？',
      content: resetWarning,
      okText: '恢复默认',
      cancelText: '取消',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: async () => {
        try {
          show(await methods.write(defaults));
          doneWithUndo(undoKey, '已恢复默认设置', '撤销', () =>
            void methods.write(before).then((c) => {
              show(c);
              message.success('已撤销，设置恢复为原来的值');
            }, fail),
          );
        } catch (err) {
          fail(err);
        }
      },
    });
  };

  return { saved, show, reset };
}

