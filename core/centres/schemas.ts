/** The contract's shapes for 村级综合服务中心改造升级. Pure: the renderer imports them for forms and types. */
import { z } from 'zod';
import { cleanText, id, isoDate, optionalText, pageOf, pageQuery } from '../schema/common';
import { CENTRE_STATUSES, DECISION_STEPS, MONEY_KINDS, RENOVATION_TYPES } from './codes';
import { centreConfig } from './config-schema';

export { centreConfig };

const fen = z.number().int('金额应精确到分').min(0, '金额不能为负数').max(100_000_000_00);
const area = z.number().min(0, '面积不能为负数').max(100_000);
const phone = z
  .string()
  .trim()
  .regex(/^[\d\-+ ]*$/, '联系电话只能包含数字和“-”')
  .max(30)
  .nullish()
  .transform((s) => (s ? s : null));

export const plannedMilestone = z.object({ seq: z.number().int().min(1), name: z.string(), plannedOn: isoDate });

const centreFields = {
  unitId: id,
  name: optionalText(60),
  currentArea: area.nullish(),
  buildYear: z.number().int().min(1949, '建成年份不早于1949年').max(2100).nullish(),
  isDangerous: z.boolean().default(false),
  isOld: z.boolean().default(false),
  isCramped: z.boolean().default(false),
  isSmall: z.boolean().default(false),
  conditionNote: optionalText(300),
  renovationType: z.enum(RENOVATION_TYPES, '请选择改造类型'),
  targetArea: area.nullish(),
  hallArea: area.nullish(),
  rooms: z.array(z.object({ name: cleanText().min(1).max(20), area: area.nullish() })).max(30).default([]),
  contractor: optionalText(60),
  leaderName: optionalText(30),
  leaderPhone: phone,
  responsibleName: optionalText(30),
  responsiblePhone: phone,
  decisionDates: z.partialRecord(z.enum(DECISION_STEPS), isoDate).default({}),
  requiredOn: isoDate,
  totalFen: fen.default(0),
  /** 总投资 by 资金来源: must add up to the total. */
  funds: z.array(z.object({ source: cleanText().min(1).max(20), fen })).max(20).default([]),
  assetRegisteredOn: isoDate.nullish(),
  notEncumbered: z.boolean().default(false),
  note: optionalText(500),
};

export const centreInput = z.object({
  ...centreFields,
  /** The milestones as accepted or adjusted; absent means the proposed 倒排工期 as it stands. */
  milestones: z.array(plannedMilestone).max(40).nullish(),
});
export type CentreInput = z.input<typeof centreInput>;
export const centreUpdate = z.object({ id, ...centreFields });

export const centreWritten = z.object({ id: z.number(), warnings: z.array(z.string()) });

export const proposeInput = z.object({ requiredOn: isoDate });
export const proposal = z.array(plannedMilestone);

export const replanInput = z.object({ centreId: id, milestones: z.array(z.object({ seq: z.number().int().min(1), plannedOn: isoDate })).min(1), reason: optionalText(300) });

export const milestoneDoneInput = z.object({ centreId: id, seq: z.number().int().min(1), actualOn: isoDate.nullable(), note: optionalText(300) });

export const progressInput = z.object({
  centreId: id,
  date: isoDate,
  percent: z.number().int('形象进度为整数百分比').min(0, '形象进度在 0 至 100 之间').max(100, '形象进度在 0 至 100 之间'),
  note: optionalText(500),
});

export const moneyInput = z.object({ centreId: id, kind: z.enum(MONEY_KINDS), source: cleanText().min(1).max(20), date: isoDate, amountFen: fen.min(1, '金额应大于0'), note: optionalText(200) });

export const CENTRE_SORT_FIELDS = ['unitName', 'risk', 'progress', 'requiredOn'] as const;

export const centreQuery = z.object({
  unitId: id.nullish(),
  renovationType: z.enum(RENOVATION_TYPES).nullish(),
  status: z.enum(CENTRE_STATUSES).nullish(),
  fundingSource: z.string().max(20).nullish(),
  atRisk: z.boolean().nullish(),
  sortField: z.enum(CENTRE_SORT_FIELDS).nullish(),
  ...pageQuery,
});

export const centreRow = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  name: z.string().nullable(),
  renovationType: z.string(),
  targetArea: z.number().nullable(),
  totalFen: z.number(),
  requiredOn: z.string(),
  progressPercent: z.number(),
  progressOn: z.string().nullable(),
  status: z.enum(CENTRE_STATUSES),
  daysBehind: z.number().nullable(),
  nextMilestone: z.string().nullable(),
  nextDue: z.string().nullable(),
  atRisk: z.boolean(),
  projectedOn: z.string().nullable(),
});
export type CentreRow = z.infer<typeof centreRow>;
export const centrePage = pageOf(centreRow);

export const milestoneRow = z.object({
  id: z.number(),
  seq: z.number(),
  name: z.string(),
  plannedOn: z.string(),
  baselineOn: z.string(),
  actualOn: z.string().nullable(),
  note: z.string().nullable(),
  daysLate: z.number().nullable(),
  /** done / done-late / late / due / planned: the chart's colours. */
  state: z.enum(['done', 'doneLate', 'late', 'open']),
});

export const centreDetail = z.object({
  row: centreRow,
  facts: z.object({ id: z.number(), ...centreFields }),
  milestones: z.array(milestoneRow),
  progress: z.array(z.object({ id: z.number(), date: z.string(), percent: z.number(), note: z.string().nullable() })),
  money: z.array(z.object({ id: z.number(), kind: z.enum(MONEY_KINDS), source: z.string(), date: z.string(), amountFen: z.number(), note: z.string().nullable() })),
  moneyBySource: z.array(z.object({ source: z.string(), plannedFen: z.number(), allocatedFen: z.number(), paidFen: z.number() })),
  warnings: z.array(z.string()),
});
export type CentreDetail = z.infer<typeof centreDetail>;

export const chartInput = z.object({ sortField: z.enum(['unitName', 'risk']).default('unitName'), unitId: id.nullish() }).default({ sortField: 'unitName' });
export const chartOut = z.object({
  today: z.string(),
  milestoneNames: z.array(z.string()),
  centres: z.array(z.object({ id: z.number(), unitName: z.string(), status: z.enum(CENTRE_STATUSES), daysBehind: z.number().nullable(), atRisk: z.boolean(), progressPercent: z.number(), requiredOn: z.string(), milestones: z.array(milestoneRow) })),
});

export const centresOverview = z.object({
  total: z.number(),
  byStatus: z.array(z.object({ status: z.enum(CENTRE_STATUSES), count: z.number() })),
  averageProgress: z.number(),
  lateMilestones: z.number(),
  atRisk: z.number(),
  plannedFen: z.number(),
  allocatedFen: z.number(),
  paidFen: z.number(),
});

export const centreVerifyResult = z.object({
  centres: z.number(),
  mismatches: z.array(z.object({ centreId: z.number(), unitName: z.string(), problem: z.string() })),
});
