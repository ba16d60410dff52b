/** The contract's shapes for 发展党员. Pure: the renderer imports them for forms and types. */
import { z } from 'zod';
import { cleanText, id, isoDate, optionalText, pageOf, pageQuery } from '../schema/common';
import type { MemberRecord } from './record';
import { RULE_IDS, ruleTableOverridesSchema } from './rule-table';

const stepNo = z.number().int().min(1, '流程节点应为1至25').max(25, '流程节点应为1至25');
const count = z.number().int().min(0, '不能为负数').max(100_000);

export const stepPerson = z.object({
  name: cleanText().min(1, '请填写姓名').max(30),
  title: optionalText(40),
  phone: optionalText(30),
  /** 正式党员? Required true for 培养联系人 and 介绍人 by R06/R10. */
  isFullMember: z.boolean().nullish(),
});
export type StepPersonInput = z.input<typeof stepPerson>;

export const meetingCounts = z
  .object({ expected: count, present: count, for: count, against: count, abstain: count })
  .superRefine((m, ctx) => {
    if (m.present > m.expected) ctx.addIssue({ code: 'custom', path: ['present'], message: '实到人数不能多于应到人数' });
    if (m.for + m.against + m.abstain > m.present) ctx.addIssue({ code: 'custom', path: ['for'], message: '赞成、反对、弃权之和不能多于实到人数' });
  });

const dateRange = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: '公示结束日期不能早于开始日期', path: ['to'] });

export const recordStepInput = z.object({
  recordId: id,
  stepNo,
  date: isoDate,
  people: z.array(stepPerson).max(10).nullish(),
  meeting: meetingCounts.nullish(),
  publicity: dateRange.nullish(),
  training: z.object({ days: count.nullish(), hours: count.nullish() }).nullish(),
  note: optionalText(1000),
  /** 特殊情况说明: lets an error-level violation be recorded; kept and printed in reports. */
  overrideReason: optionalText(500),
});
export type RecordStepInput = z.input<typeof recordStepInput>;

export const createRecordInput = z.object({
  personId: id,
  branchId: id.nullish(),
  applicationDate: isoDate,
  leagueMember: z.boolean().default(false),
  leagueRecommendDate: isoDate.nullish(),
  leavingSoon: z.boolean().default(false),
  note: optionalText(500),
  overrideReason: optionalText(500),
});

export const updateRecordInput = z.object({
  id,
  branchId: id.nullish(),
  leagueMember: z.boolean().optional(),
  leagueRecommendDate: isoDate.nullish(),
  leavingSoon: z.boolean().optional(),
  note: optionalText(500),
});

export const reviewInput = z.object({
  recordId: id,
  talkDate: isoDate.nullish(),
  talkBy: optionalText(60),
  talkSummary: optionalText(2000),
  reportDate: isoDate.nullish(),
  reportMaterials: optionalText(1000),
  examDate: isoDate.nullish(),
  examNote: optionalText(2000),
  contentItems: z.array(cleanText().max(1000)).max(4).nullish(),
  conclusionResult: z.enum(['合格', '不合格']).nullish(),
  conclusionDate: isoDate.nullish(),
  conclusionSigner: optionalText(30),
});

export const letterInput = z.object({
  recordId: id,
  date: isoDate,
  target: cleanText().min(1, '请填写函调单位').max(100),
  replyDate: isoDate.nullish(),
  note: optionalText(500),
});

export const periodicInput = z.object({
  recordId: id,
  kind: z.enum(['考察', '思想汇报']),
  date: isoDate,
  summary: optionalText(2000),
});

export const exitInput = z
  .object({
    recordId: id,
    kind: z.enum(['延长预备期', '取消预备党员资格', '终止培养']),
    date: isoDate,
    months: z.number().int().min(1).max(24).nullish(),
    meetingDate: isoDate.nullish(),
    approvalDate: isoDate.nullish(),
    reason: optionalText(500),
  })
  .superRefine((e, ctx) => {
    if (e.kind === '延长预备期' && !e.months) ctx.addIssue({ code: 'custom', path: ['months'], message: '请填写延长的月数（6至12个月）' });
    if (e.kind !== '延长预备期' && !e.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请填写原因' });
  });

export const violation = z.object({
  ruleId: z.enum(RULE_IDS),
  level: z.enum(['error', 'warning']),
  step: z.number().optional(),
  field: z.string().optional(),
  message: z.string(),
  dates: z.record(z.string(), z.string()),
  explanation: z.string().optional(),
  /** A 党章 condition or ORD: a write that adds it is refused, whatever the 特殊情况说明. */
  hard: z.boolean().optional(),
});
export type ViolationOut = z.infer<typeof violation>;

export const reminder = z.object({
  recordId: id,
  personName: z.string(),
  unitName: z.string().nullable(),
  branchName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(['overdue', 'due', 'upcoming']),
  daysLeft: z.number(),
  step: z.number().optional(),
  ruleId: z.string(),
  /** 'error' once a hard limit has passed (审批 beyond six months, an overdue [N] deadline). */
  level: z.enum(['error', 'warning', 'info']),
});
export type ReminderOut = z.infer<typeof reminder>;

export const stepView = z.object({
  /** The recorded step's row id (attachments hang off it); null while the step is not recorded. */
  id: z.number().nullable(),
  stepNo: z.number(),
  stage: z.number(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(['done', 'overdue', 'due', 'todo']),
  deadline: z.string().nullable(),
  date: z.string().nullable(),
  people: z.array(stepPerson.extend({ title: z.string().nullish(), phone: z.string().nullish() })),
  meeting: z.object({ expected: z.number(), present: z.number(), for: z.number(), against: z.number(), abstain: z.number() }).nullable(),
  publicity: z.object({ from: z.string(), to: z.string() }).nullable(),
  training: z.object({ days: z.number().nullish(), hours: z.number().nullish() }).nullable(),
  note: z.string().nullable(),
  overrideReason: z.string().nullable(),
});

export const recordSummary = z.object({
  id,
  personId: id,
  personName: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
  branchId: z.number().nullable(),
  branchName: z.string().nullable(),
  stage: z.number(),
  stageName: z.string(),
  status: z.string(),
  lastStep: z.number(),
  nextStep: z.number().nullable(),
  nextStepName: z.string().nullable(),
  dates: z.record(z.string(), z.string()),
  errors: z.number(),
  warnings: z.number(),
  overdue: z.number(),
  probationEnd: z.string().nullable(),
  /** The file's most pressing deadline (overdue first, then nearest), for the list's 截止时间 column. */
  deadline: z.object({ dueDate: z.string(), status: z.enum(['overdue', 'due', 'upcoming']), daysLeft: z.number(), title: z.string() }).nullable(),
});
export type RecordSummary = z.infer<typeof recordSummary>;

export const recordDetail = recordSummary.extend({
  leagueMember: z.boolean(),
  leagueRecommendDate: z.string().nullable(),
  leavingSoon: z.boolean(),
  note: z.string().nullable(),
  partyAgeStart: z.string().nullable(),
  steps: z.array(stepView),
  review: reviewInput.omit({ recordId: true }).extend({ letters: z.array(letterInput.omit({ recordId: true }).extend({ id })) }),
  periodic: z.array(z.object({ id, kind: z.string(), date: z.string(), summary: z.string().nullable() })),
  exits: z.array(z.object({ id, kind: z.string(), date: z.string(), months: z.number().nullable(), meetingDate: z.string().nullable(), approvalDate: z.string().nullable(), reason: z.string().nullable() })),
  violations: z.array(violation),
  reminders: z.array(reminder),
  /** The plain record the pure rules judge, so the form can give instant feedback with the same functions. */
  ruleInput: z.custom<MemberRecord>((v) => typeof v === 'object' && v !== null),
});
export type RecordDetail = z.infer<typeof recordDetail>;

export const RECORD_SORT_FIELDS = ['personName', 'lastStep', 'deadline', 'problems'] as const;
export type RecordSortField = (typeof RECORD_SORT_FIELDS)[number];

export const recordQuery = z.object({
  q: cleanText().max(40).nullish(),
  stage: z.number().int().min(1).max(5).nullish(),
  unitId: id.nullish(),
  branchId: id.nullish(),
  activistYear: z.number().int().min(1950).max(2100).nullish(),
  /** Files whose 流程节点 `stepNo` is dated from stepFrom to stepTo (both included): the 汇总 figures' drill-down. */
  stepNo: z.number().int().min(1).max(25).nullish(),
  stepFrom: isoDate.nullish(),
  stepTo: isoDate.nullish(),
  onlyOverdue: z.boolean().default(false),
  onlyViolations: z.boolean().default(false),
  status: z.enum(['进行中', '已转正', '已终止']).nullish(),
  /** Without one, files come in village order, oldest first. */
  sortField: z.enum(RECORD_SORT_FIELDS).nullish(),
  ...pageQuery,
});
export const recordPage = pageOf(recordSummary);

export const ruleTableOut = z.object({
  version: z.number(),
  /** The highest version stored, which can be a later-dated one not yet in force; the next edit is this + 1. */
  latestVersion: z.number(),
  effectiveDate: z.string(),
  publicitySteps: z.array(z.number()),
  rules: z.array(
    z.object({
      id: z.enum(RULE_IDS),
      description: z.string(),
      source: z.string(),
      level: z.enum(['error', 'warning', 'off']),
      defaultLevel: z.enum(['error', 'warning', 'off']),
      thresholds: z.record(z.string(), z.number()),
      unverified: z.boolean(),
      computed: z.boolean(),
      /** A 党章 condition or ORD: always an error, never overridden by a 特殊情况说明. */
      hard: z.boolean(),
    }),
  ),
});
export { ruleTableOverridesSchema };

export const verifyResult = z.object({
  files: z.number(),
  mismatches: z.array(z.object({ recordId: z.number(), personName: z.string(), problem: z.string() })),
});

export const finding = z.object({
  recordId: id,
  personName: z.string(),
  unitName: z.string().nullable(),
  branchName: z.string().nullable(),
  ruleId: z.string(),
  level: z.enum(['error', 'warning']),
  step: z.number().nullable(),
  stepName: z.string().nullable(),
  message: z.string(),
  dates: z.record(z.string(), z.string()),
  explanation: z.string().nullable(),
});

export const periodInput = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] });

const share = z.object({ count: z.number(), share: z.number().nullable() });
export const indicatorsOut = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  total: z.number(),
  youth: share.extend({ maxAge: z.number(), target: z.number(), met: z.boolean().nullable() }),
  female: share,
  minority: share,
  collegeOrAbove: share,
  farmers: share,
  frontLine: share,
  leagueMembers: share,
  leagueRecommended: share,
  ageBands: z.record(z.string(), z.number()),
  unknownAge: z.number(),
  perStage: z.array(z.object({ stage: z.number(), name: z.string(), count: z.number() })),
  perUnit: z.array(z.object({ unitId: z.number().nullable(), unitName: z.string(), count: z.number() })),
});

export const overviewOut = z.object({
  /** Files in progress per stage 1–5. */
  perStage: z.array(z.number()),
  active: z.number(),
  overdue: z.number(),
  problems: z.number(),
  reminders: z.array(reminder),
  /** 党支部 with nobody approved (节点17) for `years` years or more. */
  dormant: z.object({
    years: z.number(),
    branches: z.array(
      z.object({
        branchId: z.number(),
        branchName: z.string(),
        unitId: z.number(),
        unitName: z.string(),
        lastApproval: z.string().nullable(),
        since: z.string(),
        years: z.number(),
        activeFiles: z.number(),
      }),
    ),
  }),
});
