import { Button, Popconfirm, Progress, Space, Typography } from 'antd';
import type { JobHandle } from './useJob';

const BAR_STATUS = { 运行中: 'active', 已完成: 'success', 已取消: 'normal', 失败: 'exception' } as const;

/** The one progress bar with 取消 that every long job shows (re-judging, and later import, backup, restore). */
export function JobProgress({ job }: { job: JobHandle }) {
  const s = job.status;
  if (!s) return null;
  const percent = s.total ? Math.floor((s.done / s.total) * 100) : s.state === '已完成' ? 100 : 0;
  return (
    <div data-testid="job-progress" role="status" aria-live="polite" style={{ maxWidth: 560, margin: '8px 0 12px' }}>
      <Space size={12} align="center" style={{ width: '100%' }}>
        <Typography.Text strong>{s.label}</Typography.Text>
        <Typography.Text type="secondary" data-testid="job-state">
          {s.state}
        </Typography.Text>
        {job.running && (
          <Popconfirm
            title={`取消“${s.label}”？`}
            description="已做的部分不会保存，数据保持原样。"
            okText="确定取消"
            cancelText="继续进行"
            onConfirm={() => job.cancel()}
          >
            <Button size="small" disabled={s.cancelRequested}>
              {s.cancelRequested ? '正在取消…' : '取消'}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Progress percent={percent} status={BAR_STATUS[s.state]} aria-label={`${s.label}进度`} />
      <Typography.Text type={s.state === '失败' ? 'danger' : 'secondary'} data-testid="job-message">
        {s.message}
        {s.error?.hint ? `（${s.error.hint}）` : ''}
      </Typography.Text>
    </div>
  );
}
