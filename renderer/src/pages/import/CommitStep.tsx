import { App, Button, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Preview } from './types';

export type CommitMode = 'valid' | 'all';

interface Props {
  preview: Preview;
  busy: boolean;
  onCommit(mode: CommitMode): void;
}

/** 第三步: how to treat the rows with errors, then one confirmation that states what will be written. */
export function CommitStep({ preview, busy, onCommit }: Props) {
  const { modal } = App.useApp();
  const [mode, setMode] = useState<CommitMode>('valid');
  const { 新增: inserts = 0, 更新: updates = 0, 跳过: skips = 0, 错误: errors = 0 } = preview.counts;
  const chosen: CommitMode = errors > 0 ? 'valid' : mode;
  const nothing = inserts + updates === 0;

  const confirm = () =>
    modal.confirm({
      title: '确认导入',
      content: (
        <>
          <p>
            将新增 {inserts} 条、更新 {updates} 条{skips ? `；${skips} 条与台账相同，跳过` : ''}
            {errors ? `；${errors} 行有错误，不导入` : ''}。
          </p>
          <p>所有写入在一次操作中完成，导入后可在“导入记录”中撤销。</p>
        </>
      ),
      okText: '开始导入',
      cancelText: '取消',
      onOk: () => onCommit(chosen),
    });

  return (
    <Space orientation="vertical" size={12} data-testid="import-commit">
      <Radio.Group aria-label="导入方式" value={chosen} onChange={(e) => setMode(e.target.value as CommitMode)}>
        <Space orientation="vertical">
          <Radio value="valid">只导入无误的行（有错误的行不导入，改好后可再导入）</Radio>
          <Radio value="all" disabled={errors > 0}>
            全部无误才导入
            {errors > 0 && <Typography.Text type="secondary">（还有 {errors} 行错误，改正后才能选择）</Typography.Text>}
          </Radio>
        </Space>
      </Radio.Group>
      <Space>
        <Button type="primary" onClick={confirm} loading={busy} disabled={nothing}>
          导入 {inserts + updates} 条
        </Button>
        {nothing && <Typography.Text type="secondary">没有需要新增或更新的行</Typography.Text>}
      </Space>
    </Space>
  );
}
