/** The long work of 发展党员, registered with the jobs API (core/jobs). */
import { registerJobKind } from '../jobs/registry';
import { changeRules, rejudgeAll } from './rejudge';
import type { RuleTableOverrides } from './rule-table';

export const REJUDGE_JOB = registerJobKind('members.rejudge', {
  label: '重新校验全部发展档案',
  // It will store each file's derived state (issue 7): no other write may change a file it has already read.
  writes: true,
  run: (ctx, _input: unknown, reporter) => rejudgeAll(ctx, reporter),
  doneMessage: ({ files }) => `已重新校验 ${files} 份发展档案`,
});

export const RULES_JOB = registerJobKind('members.updateRules', {
  label: '保存规则设置并重新校验发展档案',
  writes: true,
  run: (ctx, overrides: RuleTableOverrides, reporter) => changeRules(ctx, overrides, reporter),
  doneMessage: ({ version, files }) => `已生成第 ${version} 版规则${files ? `，已按新规则重新校验 ${files} 份发展档案` : '（尚未施行，到施行日期自动按新规则校验）'}`,
});
