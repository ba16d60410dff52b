/**
 * 倒排工期: milestone dates counted back from the required completion date. Pure, so the form proposes the same
 * dates the service would, and tests pin the arithmetic.
 */
import { daysBefore, onOrBeforeWorkingDay, type WorkCalendar } from './calendar';

export interface MilestoneTemplate {
  name: string;
  /** Days from the milestone before it. */
  days: number;
}

export interface PlannedMilestone {
  seq: number;
  name: string;
  plannedOn: string;
}

/** The last milestone falls on the required date (or the working day before it); each earlier one its days before the next. */
export function backSchedule(requiredOn: string, milestones: readonly MilestoneTemplate[], cal: WorkCalendar): PlannedMilestone[] {
  const out: PlannedMilestone[] = [];
  let next = onOrBeforeWorkingDay(requiredOn, cal);
  for (let i = milestones.length - 1; i >= 0; i--) {
    out.unshift({ seq: i + 1, name: milestones[i]!.name, plannedOn: next });
    next = daysBefore(next, milestones[i]!.days, cal);
  }
  return out;
}

/** The first milestone whose planned date comes before the one ahead of it, with why; null when in order. */
export function scheduleOrderProblem(planned: readonly { name: string; plannedOn: string }[]): { index: number; message: string } | null {
  for (let i = 1; i < planned.length; i++) {
    const [a, b] = [planned[i - 1]!, planned[i]!];
    if (b.plannedOn < a.plannedOn) return { index: i, message: `“${b.name}”计划日期 ${b.plannedOn} 早于上一节点“${a.name}”的 ${a.plannedOn}` };
  }
  return null;
}
