import type { ReminderView, StepView } from './types';

/** The step's date hint: most reminders are deadlines, but a 预备期 end or a year of 培养 is a "not before". */
export function stepHint(s: StepView, r: ReminderView | undefined): { text: string; status: StepView['status'] } | null {
  if (s.status === 'done') return null;
  const date = r?.dueDate ?? s.deadline;
  if (!date) return null;
  // A reminder weeks away is not yet "due": only the rule's lead window turns the dot orange.
  const status = s.status === 'due' && r?.status === 'upcoming' ? 'todo' : s.status;
  if (r?.kind === '预备期满') return { text: r.status === 'overdue' ? `预备期已于 ${date} 期满` : `预备期 ${date} 期满`, status };
  if (r?.kind === '培养期满') return { text: `${date} 起可确定为发展对象`, status: 'todo' };
  return { text: status === 'overdue' ? `已逾期：应在 ${date} 前` : `截止 ${date}`, status };
}

