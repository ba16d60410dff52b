/** The long work of 发展党员, registered with the jobs API (core/jobs). */
import { registerJobKind } from '../jobs/registry';
import { rejudgeAll } from './rejudge';

export const REJUDGE_JOB = registerJobKind('members.rejudge', {
  label: '重新校验全部发展档案',
  // It will store each file's derived state (issue 7): no other write may change a file it has already read.
  writes: true,
  run: (ctx, _input: unknown, reporter) => rejudgeAll(ctx, reporter),
  doneMessage: ({ files }) => `已重新校验 ${files} 份发展档案`,
});
