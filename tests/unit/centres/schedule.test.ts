import { describe, expect, it } from 'vitest';
import { HOLIDAYS_2026, WORKDAYS_2026, daysBefore, isWorkingDay, onOrBeforeWorkingDay, type WorkCalendar } from '../../../core/centres/calendar';
import { DEFAULT_MILESTONES } from '../../../core/centres/codes';
import { backSchedule, scheduleOrderProblem } from '../../../core/centres/schedule';

const calendarDays: WorkCalendar = { mode: 'calendar', holidays: HOLIDAYS_2026, workdays: WORKDAYS_2026 };
const workingDays: WorkCalendar = { ...calendarDays, mode: 'working' };

describe('倒排工期 in calendar days', () => {
  it('puts the last milestone on the required date and counts each earlier one back by its days', () => {
    const plan = backSchedule('2026-12-31', DEFAULT_MILESTONES, calendarDays);
    expect(plan.map((m) => m.name)).toEqual(DEFAULT_MILESTONES.map((m) => m.name));
    expect(plan.at(-1)).toEqual({ seq: 11, name: '投入使用', plannedOn: '2026-12-31' });
    // 投入使用 10 days after 审计决算, which is 20 after 竣工验收.
    expect(plan.find((m) => m.name === '审计决算')!.plannedOn).toBe('2026-12-21');
    expect(plan.find((m) => m.name === '竣工验收')!.plannedOn).toBe('2026-12-01');
    // 212 days of work in all, so 四议两公开 falls on 2026-06-02.
    expect(plan[0]!.plannedOn).toBe('2026-06-02');
  });

  it('crosses month ends and a leap-free February by the calendar, not by month lengths', () => {
    const plan = backSchedule('2026-03-31', [{ name: 'A', days: 0 }, { name: 'B', days: 30 }, { name: 'C', days: 31 }], calendarDays);
    expect(plan.map((m) => m.plannedOn)).toEqual(['2026-01-29', '2026-02-28', '2026-03-31']);
  });
});

describe('倒排工期 in working days', () => {
  it('knows 2026’s official holidays and 调休 working weekends', () => {
    expect(isWorkingDay('2026-02-16', workingDays)).toBe(false); // 春节
    expect(isWorkingDay('2026-02-14', workingDays)).toBe(true); // Saturday worked
    expect(isWorkingDay('2026-10-10', workingDays)).toBe(true); // Saturday worked after 国庆
    expect(isWorkingDay('2026-10-11', workingDays)).toBe(false); // Sunday
    expect(isWorkingDay('2026-05-06', workingDays)).toBe(true);
  });

  it('moves a required date on a holiday to the working day before it', () => {
    expect(onOrBeforeWorkingDay('2026-10-04', workingDays)).toBe('2026-09-30');
    expect(onOrBeforeWorkingDay('2026-10-04', calendarDays)).toBe('2026-10-04');
  });

  it('counts back over the 春节 break and its 调休 Saturday', () => {
    // From Wednesday 2026-02-25: 24 Tue, 14 Sat (worked), 13 Fri — the 15th–23rd are the holiday.
    expect(daysBefore('2026-02-25', 3, workingDays)).toBe('2026-02-13');
    expect(daysBefore('2026-02-25', 2, workingDays)).toBe('2026-02-14');
  });

  it('schedules every milestone on a working day', () => {
    const plan = backSchedule('2026-10-08', DEFAULT_MILESTONES, workingDays);
    for (const m of plan) expect(isWorkingDay(m.plannedOn, workingDays), m.name).toBe(true);
    expect(plan.at(-1)!.plannedOn).toBe('2026-10-08');
    // 10 working days back: 9-30, 29, 28, (中秋 25–27 off) 24, 23, 22, 21, 20 (Sunday worked), (19 off) 18, 17.
    expect(plan.at(-2)!.plannedOn).toBe('2026-09-17');
  });
});

describe('schedule order', () => {
  it('names the first milestone planned before the one ahead of it', () => {
    expect(scheduleOrderProblem([{ name: '开工', plannedOn: '2026-05-01' }, { name: '主体完工', plannedOn: '2026-04-30' }])).toEqual({
      index: 1,
      message: '“主体完工”计划日期 2026-04-30 早于上一节点“开工”的 2026-05-01',
    });
    expect(scheduleOrderProblem([{ name: 'A', plannedOn: '2026-05-01' }, { name: 'B', plannedOn: '2026-05-01' }])).toBeNull();
  });
});
