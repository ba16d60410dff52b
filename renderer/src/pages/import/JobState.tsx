import { Alert } from 'antd';
import type { JobHandle } from '../../components/useJob';
import { JobProgress } from '../../components/JobProgress';

/**
 * The job's progress bar with 取消 while it runs; once it has failed, the ledger's reason in full (e.g. "这是旧版
 * .xls 文件…请另存为 .xlsx") where the clerk is looking, instead of the bar's one grey line.
 */
export function JobState({ job, testId }: { job: JobHandle; testId: string }) {
  const s = job.status;
  if (s?.state !== '失败') return <JobProgress job={job} />;
  return <Alert data-testid={testId} type="error" showIcon title={s.error?.message ?? s.message} description={s.error?.hint} style={{ margin: '8px 0 12px' }} />;
}
