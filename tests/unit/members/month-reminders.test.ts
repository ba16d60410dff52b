import { describe, expect, it } from 'vitest';
import { monthReminders } from '../../../core/members/reports/reminders';
import type { ReminderOut } from '../../../core/members/schemas';

const item = (personName: string, dueDate: string, status: ReminderOut['status']): ReminderOut => ({
  recordId: 1,
  personName,
  unitName: '多巴一村',
  branchName: null,
  kind: '谈话',
  title: '派人谈话',
  dueDate,
  status,
  daysLeft: 0,
  step: 2,
  ruleId: 'R02',
  level: 'warning',
});

const NOVEMBER = { from: '2025-11-01', to: '2025-11-30' };

describe('月度提醒清单 for one month', () => {
  it("lists earlier months' overdue items first, then the month's own by due date, and nothing due later", () => {
    const list = [
      item('本月逾期', '2025-11-05', 'overdue'),
      item('本月到期', '2025-11-28', 'due'),
      item('明年到期', '2026-05-19', 'upcoming'),
      item('十月逾期', '2025-10-20', 'overdue'),
      item('九月逾期', '2025-09-01', 'overdue'),
      item('下月到期', '2025-12-01', 'due'),
    ];
    expect(monthReminders(list, NOVEMBER).map((r) => r.personName)).toEqual(['九月逾期', '十月逾期', '本月逾期', '本月到期']);
  });

  it('counts both ends of the month in', () => {
    const list = [item('月末', '2025-11-30', 'due'), item('月初', '2025-11-01', 'overdue')];
    expect(monthReminders(list, NOVEMBER).map((r) => r.personName)).toEqual(['月初', '月末']);
  });
});
