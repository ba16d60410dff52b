/**
 * A centre's status, pure: the same arithmetic the list's SQL does over the stored columns (./state.ts and
 * ./sql.ts), kept here so tests pin the thresholds and the person page can explain a status.
 */
import { daysBetween } from './calendar';
import { COMPLETION_MILESTONE, IN_USE_MILESTONE, START_MILESTONE, type CentreStatus } from './codes';

export interface MilestoneFacts {
  name: string;
  plannedOn: string;
  actualOn: string | null;
}

export interface Thresholds {
  /** More than this many days late is 滞后. */
  lateDays: number;
  /** More than this many days late is 严重滞后. */
  severeDays: number;
}

/** Days late of one milestone on a day: fixed once done; growing with today while open and past due; else null. */
export function milestoneDaysLate(m: MilestoneFacts, today: string): number | null {
  if (m.actualOn) return daysBetween(m.plannedOn, m.actualOn);
  return m.plannedOn < today ? daysBetween(m.plannedOn, today) : null;
}

export interface Summary {
  /** The most days late of any milestone (negative: every done one was early); null when none is due yet. */
  daysBehind: number | null;
  status: CentreStatus;
}

export function centreStatus(milestones: readonly MilestoneFacts[], today: string, t: Thresholds): Summary {
  const done = (name: string) => milestones.find((m) => m.name === name)?.actualOn ?? null;
  const lates = milestones.map((m) => milestoneDaysLate(m, today)).filter((d): d is number => d !== null);
  const daysBehind = lates.length ? Math.max(...lates) : null;
  const status: CentreStatus = done(IN_USE_MILESTONE)
    ? '已投用'
    : done(COMPLETION_MILESTONE)
      ? '已完工'
      : daysBehind !== null && daysBehind > t.severeDays
        ? '严重滞后'
        : daysBehind !== null && daysBehind > t.lateDays
          ? '滞后'
          : !done(START_MILESTONE)
            ? '未开工'
            : daysBehind !== null && daysBehind < 0
              ? '提前'
              : '正常';
  return { daysBehind, status };
}

/**
 * The finish projected from the 形象进度 gained in the 30 days before the latest entry (from the last entry on or
 * before the window's start, or from 0 when there is none), the rest at that pace. '9999-12-31' when nothing was
 * gained (stalled); null with no entries or when already at 100%.
 */
export function projectedFinish(entries: readonly { date: string; percent: number }[]): string | null {
  if (entries.length === 0) return null;
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = sorted[sorted.length - 1]!;
  if (last.percent >= 100) return null;
  const windowStart = addDays(last.date, -WINDOW_DAYS);
  const base = [...sorted].reverse().find((e) => e.date <= windowStart)?.percent ?? 0;
  const gained = last.percent - base;
  if (gained <= 0) return STALLED;
  return addDays(last.date, Math.ceil(((100 - last.percent) * WINDOW_DAYS) / gained));
}

const WINDOW_DAYS = 30;
/** The projection of a centre whose progress has stopped: after every required date. */
export const STALLED = '9999-12-31';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
