import { describe, expect, it } from 'vitest';
import { remindersFor, sortReminders, type Reminder } from '../../../core/members/reminders';
import { DEFAULT_RULE_TABLE } from '../../../core/members/rule-table';
import { recordUpTo, setStep, tableWith } from './helpers';

const remind = (r: Parameters<typeof remindersFor>[0], today: string, table = DEFAULT_RULE_TABLE) => remindersFor(r, table, today);
const kind = (list: Reminder[], k: Reminder['kind']) => list.find((x) => x.kind === k);

describe('reminders', () => {
  it('makes the 谈话 due within a month of the application, then overdue', () => {
    const r = setStep(recordUpTo(1), 1, { date: '2024-01-10' });
    expect(kind(remind(r, '2024-01-20'), '谈话')).toMatchObject({ dueDate: '2024-02-10', status: 'due', daysLeft: 21, step: 2 });
    expect(kind(remind(r, '2024-02-10'), '谈话')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(kind(remind(r, '2024-02-11'), '谈话')).toMatchObject({ status: 'overdue', daysLeft: -1, level: 'error' });
    expect(remind(setStep(r, 2, { date: '2024-01-15' }), '2024-02-11')).toEqual([]);
  });

  it('tracks the half-yearly 考察 from J', () => {
    const r = recordUpTo(5); // J 2021-06-01
    r.periodic = { inspections: [], thoughtReports: [] };
    expect(kind(remind(r, '2021-10-01'), '考察')).toMatchObject({ dueDate: '2021-12-01', status: 'upcoming' });
    expect(kind(remind(r, '2021-11-15'), '考察')).toMatchObject({ status: 'due' });
    expect(kind(remind(r, '2021-12-02'), '考察')).toMatchObject({ status: 'overdue' });
    r.periodic.inspections = ['2021-08-01'];
    expect(kind(remind(r, '2021-10-01'), '考察')).toMatchObject({ dueDate: '2022-06-01', status: 'upcoming' });
  });

  it('marks the year of 培养 reached as due, never overdue', () => {
    const r = recordUpTo(5);
    expect(kind(remind(r, '2022-05-01'), '培养期满')).toMatchObject({ dueDate: '2022-06-01', status: 'upcoming' });
    expect(kind(remind(r, '2022-06-01'), '培养期满')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(kind(remind(r, '2022-09-01'), '培养期满')).toMatchObject({ status: 'due' });
  });

  it('warns of the 预备期 end within 30 days and after it while no 转正 meeting is recorded', () => {
    const r = recordUpTo(20); // Z 2022-09-10, 预备期 ends 2023-09-09
    expect(kind(remind(r, '2023-05-01'), '预备期满')).toMatchObject({ dueDate: '2023-09-09', status: 'upcoming' });
    expect(kind(remind(r, '2023-08-15'), '预备期满')).toMatchObject({ status: 'due', daysLeft: 25 });
    expect(kind(remind(r, '2023-09-10'), '预备期满')).toMatchObject({ status: 'overdue' });
    expect(kind(remind(setStep(r, 23, { date: '2023-09-10' }), '2023-09-20'), '预备期满')).toBeUndefined();
  });

  it('closes the approval window: overdue after 3 months, an error after 6', () => {
    const r = recordUpTo(16); // Z 2022-09-10
    expect(kind(remind(r, '2022-11-20'), '接收审批')).toMatchObject({ dueDate: '2022-12-10', status: 'due' });
    expect(kind(remind(r, '2022-12-11'), '接收审批')).toMatchObject({ status: 'overdue', level: 'warning' });
    expect(kind(remind(r, '2023-03-11'), '接收审批')).toMatchObject({ status: 'overdue', level: 'error' });
  });

  it('reminds of the 转正 approval within 3 months of Q', () => {
    const r = recordUpTo(23); // Q 2023-09-10
    expect(kind(remind(r, '2023-12-10'), '转正审批')).toMatchObject({ dueDate: '2023-12-10', status: 'due' });
    expect(kind(remind(r, '2023-12-11'), '转正审批')).toMatchObject({ status: 'overdue' });
  });

  it('lists overdue first, then due, then upcoming', () => {
    const r = recordUpTo(5);
    r.periodic = { inspections: [], thoughtReports: [] };
    const list = remind(r, '2021-12-02');
    expect(list.map((x) => [x.kind, x.status])).toEqual([
      ['考察', 'overdue'],
      ['培养期满', 'upcoming'],
    ]);
    const mixed = sortReminders([
      { ...list[1]!, status: 'upcoming', dueDate: '2021-01-01' },
      { ...list[0]!, status: 'due', dueDate: '2021-03-01' },
      { ...list[0]!, status: 'due', dueDate: '2021-02-01' },
      { ...list[0]!, status: 'overdue', dueDate: '2021-05-01' },
    ]);
    expect(mixed.map((x) => `${x.status} ${x.dueDate}`)).toEqual(['overdue 2021-05-01', 'due 2021-02-01', 'due 2021-03-01', 'upcoming 2021-01-01']);
  });

  it('drops reminders whose rule is off, and all of them once the person left', () => {
    const r = recordUpTo(1);
    expect(remind(r, '2021-03-05', tableWith('R02', 'off'))).toEqual([]);
    r.exits = { terminated: { date: '2021-03-04', reason: '本人撤回申请' } };
    expect(remind(r, '2021-03-05')).toEqual([]);
  });

  it('takes the lead time as an option', () => {
    const r = setStep(recordUpTo(1), 1, { date: '2024-01-10' });
    expect(remindersFor(r, DEFAULT_RULE_TABLE, '2024-01-20', { leadDays: 10 })[0]?.status).toBe('upcoming');
  });
});
