import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, call } from '../../api/client';
import { describeError, useNotify } from '../../components/useNotify';

interface UndoTarget {
  id: number;
  fileName: string;
  inserted: number;
  updated: number;
}

/**
 * 撤销本次导入, asked first: the records go back to how they were before the import. The ledger refuses when any of
 * them has been changed since; that refusal is a reasoned answer the clerk must read, so it opens as a dialog.
 */
export function useUndoBatch(onSettled: (batchId: number, undone: boolean) => void) {
  const { modal } = App.useApp();
  const { message, fail } = useNotify();

  return useCallback(
    (batch: UndoTarget) => {
      modal.confirm({
        title: `撤销导入“${batch.fileName}”？`,
        content: `将删除本次新增的 ${batch.inserted} 条记录，并把更新的 ${batch.updated} 条恢复为导入前的内容。`,
        okText: '撤销导入',
        cancelText: '不撤销',
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
        onOk: async () => {
          try {
            const { undone } = await call('import.undo', { batchId: batch.id });
            message.success(`已撤销导入：${batch.fileName}（${undone} 条记录已恢复为导入前）`);
            onSettled(batch.id, true);
          } catch (err) {
            if (err instanceof ApiError && err.code === 'CONFLICT') {
              modal.error({ title: '无法撤销本次导入', content: describeError(err), okText: '知道了' });
            } else fail(err);
            onSettled(batch.id, false);
          }
        },
      });
    },
    [modal, message, fail, onSettled],
  );
}
