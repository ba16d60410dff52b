/** The township's standards, lists, milestones and calendar for the centres. Pure: the settings page validates with it. */
import { z } from 'zod';
import { HOLIDAYS_2026, WORKDAYS_2026 } from './calendar';
import { COMPLETION_MILESTONE, DEFAULT_FUNDING_SOURCES, DEFAULT_MILESTONES, DEFAULT_ROOMS, IN_USE_MILESTONE, START_MILESTONE } from './codes';
import { cleanText, isoDate } from '../schema/common';

const names = (label: string) =>
  z
    .array(cleanText().min(1).max(20))
    .min(1, `${label}至少要有一项`)
    .refine((xs) => new Set(xs).size === xs.length, `${label}有重复项`);

export const centreConfig = z.object({
  fundingSources: names('资金来源'),
  rooms: names('功能室'),
  milestones: z
    .array(z.object({ name: cleanText().min(1).max(20), days: z.number().int().min(0).max(730) }))
    .min(3)
    .refine((ms) => new Set(ms.map((m) => m.name)).size === ms.length, '节点名称有重复')
    .refine(
      (ms) => [START_MILESTONE, COMPLETION_MILESTONE, IN_USE_MILESTONE].every((n) => ms.some((m) => m.name === n)),
      `节点须包含“${START_MILESTONE}”“${COMPLETION_MILESTONE}”“${IN_USE_MILESTONE}”（状态按它们判断）`,
    ),
  calendar: z.object({
    /** Count milestone durations in calendar days or in working days. */
    mode: z.enum(['calendar', 'working']),
    holidays: z.array(isoDate),
    workdays: z.array(isoDate),
  }),
  standards: z.object({
    villageArea: z.number().min(0),
    communityArea: z.number().min(0),
    villageHallArea: z.number().min(0),
    communityHallArea: z.number().min(0),
    /** A current building under this area is suggested 改扩建. */
    expandBelowArea: z.number().min(0),
  }),
  thresholds: z
    .object({ lateDays: z.number().int().min(0).max(365), severeDays: z.number().int().min(1).max(730) })
    .refine((t) => t.severeDays > t.lateDays, { message: '严重滞后天数应大于滞后天数', path: ['severeDays'] }),
});
export type CentreConfig = z.infer<typeof centreConfig>;

export const DEFAULT_CENTRE_CONFIG: CentreConfig = {
  fundingSources: DEFAULT_FUNDING_SOURCES,
  rooms: DEFAULT_ROOMS,
  milestones: DEFAULT_MILESTONES,
  calendar: { mode: 'calendar', holidays: HOLIDAYS_2026, workdays: WORKDAYS_2026 },
  standards: { villageArea: 200, communityArea: 300, villageHallArea: 40, communityHallArea: 60, expandBelowArea: 250 },
  thresholds: { lateDays: 7, severeDays: 30 },
};
