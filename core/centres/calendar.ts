/**
 * Calendar and working days for 倒排工期. Working days are Monday–Friday, less the State Council's 放假 days, plus
 * its 调休 working weekends. Nothing can be fetched, so the current year's official table ships here and the
 * township edits it for the next year (设置 → 节假日).
 */
import dayjs from 'dayjs';

/** 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号, 2025-11-04). */
export const HOLIDAYS_2026 = [
  '2026-01-01', '2026-01-02', '2026-01-03',
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  '2026-04-04', '2026-04-05', '2026-04-06',
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
  '2026-06-19', '2026-06-20', '2026-06-21',
  '2026-09-25', '2026-09-26', '2026-09-27',
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
];
/** The weekends worked in exchange (调休上班). */
export const WORKDAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

export interface WorkCalendar {
  mode: 'calendar' | 'working';
  holidays: readonly string[];
  workdays: readonly string[];
}

export function isWorkingDay(date: string, cal: Pick<WorkCalendar, 'holidays' | 'workdays'>): boolean {
  if (cal.workdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const dow = dayjs(date).day();
  return dow !== 0 && dow !== 6;
}

/** The day itself when it is a working day (or the calendar counts every day), else the working day before it. */
export function onOrBeforeWorkingDay(date: string, cal: WorkCalendar): string {
  if (cal.mode === 'calendar') return date;
  let d = dayjs(date);
  while (!isWorkingDay(d.format('YYYY-MM-DD'), cal)) d = d.subtract(1, 'day');
  return d.format('YYYY-MM-DD');
}

/** `days` days (calendar or working, by the calendar's mode) before a date. */
export function daysBefore(date: string, days: number, cal: WorkCalendar): string {
  if (cal.mode === 'calendar') return dayjs(date).subtract(days, 'day').format('YYYY-MM-DD');
  let d = dayjs(date);
  for (let left = days; left > 0; ) {
    d = d.subtract(1, 'day');
    if (isWorkingDay(d.format('YYYY-MM-DD'), cal)) left--;
  }
  return d.format('YYYY-MM-DD');
}

/** Whole calendar days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayjs(b).diff(dayjs(a), 'day');
}
