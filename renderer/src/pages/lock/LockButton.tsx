import { LockOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useLock } from './lockContext';

/** 锁定 in the shell header; Ctrl+L does the same. */
export function LockButton() {
  const { lockNow, status } = useLock();
  return (
    <Tooltip title={status?.hasPassword ? '锁定屏幕（Ctrl+L）' : '先在“组织设置 → 锁屏密码”中设置密码'}>
      <Button icon={<LockOutlined />} onClick={lockNow} data-testid="lock-button">
        锁定
      </Button>
    </Tooltip>
  );
}
