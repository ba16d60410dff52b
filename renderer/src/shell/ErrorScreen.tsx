import { Button, Result, Typography } from 'antd';
import type { AppStatus } from '../../../core/app/schemas';

interface Props {
  status: AppStatus | null;
  error: { message: string; hint?: string };
  onRetry(): void;
}

export function ErrorScreen({ status, error, onRetry }: Props) {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#fafafa' }}>
      <Result
        status="error"
        title="台账数据无法打开"
        subTitle={error.message}
        extra={
          <Button type="primary" size="large" onClick={onRetry}>
            重试
          </Button>
        }
      >
        {error.hint && <Typography.Paragraph strong>处理办法：{error.hint}</Typography.Paragraph>}
        {status?.dataDir && (
          <Typography.Paragraph>
            数据文件夹：<Typography.Text copyable>{status.dataDir}</Typography.Text>
          </Typography.Paragraph>
        )}
        {status?.version && <Typography.Paragraph type="secondary">程序版本：{status.version}</Typography.Paragraph>}
      </Result>
    </div>
  );
}
