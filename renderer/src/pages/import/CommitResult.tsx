import { Button, Result, Space, Statistic } from 'antd';
import { useCallback } from 'react';
import type { CommitResult as Outcome } from './types';
import { useUndoBatch } from './useUndoBatch';

interface Props {
  result: Outcome;
  fileName: string;
  undone: boolean;
  onUndone(undone: boolean): void;
  onAnother(): void;
}

/** What the import wrote, with 撤销本次导入 while nothing has touched it. */
export function CommitResult({ result, fileName, undone, onUndone, onAnother }: Props) {
  const undo = useUndoBatch(useCallback((_id: number, ok: boolean) => onUndone(ok), [onUndone]));
  const wrote = result.inserted + result.updated;

  return (
    <Result
      data-testid="import-result"
      status={undone ? 'info' : 'success'}
      title={undone ? '本次导入已撤销' : wrote ? '导入完成' : '没有写入任何记录'}
      subTitle={result.errors ? `${result.errors} 行有错误未导入，可下载错误说明，改好后再导入这些行。` : undefined}
      extra={
        <Space>
          {result.batchId !== null && !undone && (
            <Button danger onClick={() => undo({ id: result.batchId!, fileName, inserted: result.inserted, updated: result.updated })}>
              撤销本次导入
            </Button>
          )}
          <Button type="primary" onClick={onAnother}>
            导入其他文件
          </Button>
        </Space>
      }
    >
      <Space size={48} style={{ justifyContent: 'center', width: '100%' }}>
        <Statistic title="新增" value={result.inserted} />
        <Statistic title="更新" value={result.updated} />
        <Statistic title="跳过" value={result.skipped} />
      </Space>
    </Result>
  );
}
