/** The contract's shapes for 村"两委"后备人才. Pure: the renderer imports them for forms and types. */
import { z } from 'zod';
import { EDUCATION_GROUPS } from '../people/codes';
import { cleanText, id, isoDate, optionalText, pageOf, pageQuery, requiredText } from '../schema/common';
import { AGE_BANDS, COST_ITEMS, EVENT_KINDS, NOMINATION_METHODS, POLITICAL_STATUSES, RESERVE_STATUSES, YEAR_RATINGS } from './codes';
import { reserveConfig } from './config-schema';

export { reserveConfig };

const ids = z.array(id).min(1, '请至少选择一名后备人才').max(2000);
const fen = z.number().int('金额应精确到分').min(0, '金额不能为负数').max(100_000_000_00);

const reserveFields = {
  unitId: id,
  postDirection: requiredText('岗位方向', 20),
  source: requiredText('来源类别', 20),
  crossVillage: z.boolean().default(false),
  nominationMethod: z.enum(NOMINATION_METHODS, '请选择推荐方式'),
  nominatedBy: optionalText(60),
  nominatedOn: isoDate,
  villageReviewOn: isoDate.nullish(),
  townReviewOn: isoDate.nullish(),
  filedOn: isoDate.nullish(),
  mentorName: optionalText(30),
  mentorPost: optionalText(40),
  politicalStatus: z.enum(POLITICAL_STATUSES).nullish(),
  underDiscipline: z.boolean().default(false),
  unqualifiedYear: z.number().int().min(1950).max(2100).nullish(),
  note: optionalText(500),
};

/** The review chain must run forwards: 推荐 → 初审 → 复审 (入库) → 备案. */
function chainInOrder(r: { nominatedOn: string; villageReviewOn?: string | null; townReviewOn?: string | null; filedOn?: string | null }, ctx: z.RefinementCtx) {
  const chain = [
    ['nominatedOn', '推荐日期', r.nominatedOn],
    ['villageReviewOn', '村党组织考察初审日期', r.villageReviewOn],
    ['townReviewOn', '乡镇党委复审（入库）日期', r.townReviewOn],
    ['filedOn', '区县组织部备案日期', r.filedOn],
  ] as const;
  let last: (typeof chain)[number] | null = null;
  for (const step of chain) {
    if (!step[2]) continue;
    if (last && step[2] < last[2]!) ctx.addIssue({ code: 'custom', path: [step[0]], message: `${step[1]}不能早于${last[1]}（${last[2]}）` });
    last = step;
  }
  if (r.filedOn && !r.townReviewOn) ctx.addIssue({ code: 'custom', path: ['filedOn'], message: '备案须在乡镇党委复审之后，请先填写复审日期' });
}

export const reserveInput = z.object({ personId: id, ...reserveFields }).superRefine(chainInOrder);
export type ReserveInput = z.input<typeof reserveInput>;
export const reserveUpdate = z.object({ id, ...reserveFields }).superRefine(chainInOrder);

export const reserveWritten = z.object({ id: z.number(), warnings: z.array(z.string()) });

export const statusChangeInput = z
  .object({
    reserveId: id,
    kind: z.enum(['调整', '任用', '出库', '入库'], '请选择调整类型'),
    date: isoDate,
    reason: optionalText(300),
    post: optionalText(40),
  })
  .superRefine((e, ctx) => {
    if ((e.kind === '出库' || e.kind === '调整') && !e.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: `${e.kind}须写明原因` });
    if (e.kind === '任用' && !e.post) ctx.addIssue({ code: 'custom', path: ['post'], message: '请填写任用的职务' });
  });

export const reserveEvent = z.object({
  id: z.number(),
  kind: z.enum(EVENT_KINDS),
  date: z.string(),
  reason: z.string().nullable(),
  post: z.string().nullable(),
  /** A review-chain line (推荐, 考察, the first 入库): it follows the record's dates and cannot be 撤销 on its own. */
  chain: z.boolean(),
});

const trainingFields = z.object({
  type: requiredText('培养类型', 20),
  title: optionalText(60),
  host: optionalText(60),
  startOn: isoDate,
  endOn: isoDate.nullish(),
  hours: z.number().min(0, '学时不能为负数').max(10000),
  costFen: fen.default(0),
  fundingSource: optionalText(30),
  costItem: z.enum(COST_ITEMS).nullish(),
  note: optionalText(500),
});

function trainingChecks(t: z.output<typeof trainingFields> & { reserveIds?: number[] }, ctx: z.RefinementCtx) {
  if (t.endOn && t.endOn < t.startOn) ctx.addIssue({ code: 'custom', path: ['endOn'], message: '结束（毕业）日期不能早于开始（入学）日期' });
  if (t.costFen > 0 && !t.fundingSource) ctx.addIssue({ code: 'custom', path: ['fundingSource'], message: '有经费的培训须选择经费来源' });
  if (t.costFen > 0 && !t.costItem) ctx.addIssue({ code: 'custom', path: ['costItem'], message: '有经费的培训须选择经费科目' });
  if (t.reserveIds && new Set(t.reserveIds).size !== t.reserveIds.length) ctx.addIssue({ code: 'custom', path: ['reserveIds'], message: '同一人不能重复报名' });
}

/** In list order: the first ones take the remainder of the cost split. */
export const trainingInput = trainingFields.extend({ reserveIds: ids }).superRefine(trainingChecks);
export type TrainingInput = z.input<typeof trainingInput>;

/** The class's facts without its trainees: those stay, and a changed cost is split over them again. */
export const trainingUpdate = trainingFields.extend({ id }).superRefine(trainingChecks);

export const enrolmentResultInput = z.object({ trainingId: id, reserveId: id, result: optionalText(100) });

export const trainingWritten = z.object({ id: z.number(), shares: z.array(z.object({ reserveId: z.number(), costFen: z.number() })) });

export const affairInput = z.object({
  date: isoDate,
  affairType: requiredText('事务类型', 20),
  description: optionalText(500),
  reserveIds: ids,
});

export const assessmentInput = z
  .object({
    reserveId: id,
    /** "2026Q1" … "2026Q4" for 季度积分, "2026" for 年度考核. */
    period: z.string().regex(/^\d{4}(Q[1-4])?$/, '考核期应为“2026Q1”（季度）或“2026”（年度）'),
    points: z.number().min(0).max(1000).nullish(),
    rating: z.enum(YEAR_RATINGS).nullish(),
    warningTalkOn: isoDate.nullish(),
    note: optionalText(300),
  })
  .superRefine((a, ctx) => {
    const yearly = !a.period.includes('Q');
    if (yearly && !a.rating) ctx.addIssue({ code: 'custom', path: ['rating'], message: '年度考核须选择等次' });
    if (!yearly && (a.points === null || a.points === undefined)) ctx.addIssue({ code: 'custom', path: ['points'], message: '季度考核须填写积分' });
  });

export const RESERVE_SORT_FIELDS = ['name', 'unitName', 'statusOn', 'trainingHours'] as const;

export const reserveQuery = z.object({
  q: cleanText().max(40).nullish(),
  unitId: id.nullish(),
  source: z.string().max(20).nullish(),
  status: z.enum(RESERVE_STATUSES).nullish(),
  postDirection: z.string().max(20).nullish(),
  ageBand: z.enum(AGE_BANDS.map((b) => b.key) as [string, ...string[]]).nullish(),
  educationGroup: z.enum(EDUCATION_GROUPS).nullish(),
  partyMember: z.boolean().nullish(),
  sortField: z.enum(RESERVE_SORT_FIELDS).nullish(),
  ...pageQuery,
});
export type ReserveQuery = z.input<typeof reserveQuery>;

export const reserveRow = z.object({
  id: z.number(),
  personId: z.number(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  age: z.number(),
  education: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  postDirection: z.string(),
  source: z.string(),
  status: z.enum(RESERVE_STATUSES),
  statusOn: z.string(),
  appointedPost: z.string().nullable(),
  politicalStatus: z.string(),
  trainingCount: z.number(),
  trainingHours: z.number(),
  affairCount: z.number(),
  townReviewOn: z.string().nullable(),
  mentorName: z.string().nullable(),
});
export type ReserveRow = z.infer<typeof reserveRow>;
export const reservePage = pageOf(reserveRow);

export const enrolment = z.object({
  trainingId: z.number(),
  type: z.string(),
  title: z.string().nullable(),
  host: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  hours: z.number(),
  costFen: z.number(),
  fundingSource: z.string().nullable(),
  costItem: z.string().nullable(),
  classSize: z.number(),
  /** The whole class's cost, of which costFen is this trainee's share. */
  classCostFen: z.number(),
  result: z.string().nullable(),
  note: z.string().nullable(),
});

export const reserveDetail = z.object({
  row: reserveRow,
  facts: z.object({ personId: z.number(), ...reserveFields }),
  person: z.object({ idNumber: z.string(), ethnicity: z.string(), phone: z.string().nullable(), occupation: z.string().nullable() }),
  /** 政治面貌 comes from the 发展档案 when there is one. */
  politicalFromRecord: z.boolean(),
  events: z.array(reserveEvent),
  trainings: z.array(enrolment),
  affairs: z.array(z.object({ affairId: z.number(), date: z.string(), affairType: z.string(), description: z.string().nullable() })),
  assessments: z.array(
    z.object({ id: z.number(), period: z.string(), points: z.number().nullable(), rating: z.string().nullable(), warningTalkOn: z.string().nullable(), note: z.string().nullable() }),
  ),
  warnings: z.array(z.string()),
});
export type ReserveDetail = z.infer<typeof reserveDetail>;

export const rankingInput = z.object({ period: z.string().regex(/^\d{4}Q[1-4]$/, '季度应为“2026Q1”形式') });
export const rankingRow = z.object({
  reserveId: z.number(),
  name: z.string(),
  unitName: z.string(),
  points: z.number(),
  rank: z.number(),
  /** In the bottom share: a 警示提醒谈话 is due. */
  warn: z.boolean(),
  warningTalkOn: z.string().nullable(),
});

export const villageGap = z.object({
  unitId: z.number(),
  unitName: z.string(),
  target: z.number(),
  actual: z.number(),
  gap: z.number(),
  secretaryTarget: z.number(),
  secretaries: z.number(),
  secretaryGap: z.number(),
  shortfalls: z.array(z.string()),
});

export const planOut = z.object({
  villages: z.array(villageGap),
  township: z.object({ target: z.number(), actual: z.number(), gap: z.number(), secretaryTarget: z.number(), secretaries: z.number(), secretaryGap: z.number() }),
  structure: z.object({ pool: z.number(), young: z.number(), youngPercent: z.number(), youngTarget: z.number(), educated: z.number(), women: z.number() }),
  /** Villages with nobody as 书记后备: the 党内统计 counts them. */
  noSecretary: z.array(z.string()),
  year: z.number(),
  trainings: z.array(z.object({ type: z.string(), target: z.number().nullable(), people: z.number(), times: z.number() })),
  budgetFen: z.number(),
  spentFen: z.number(),
});

export const fundsOut = z.object({
  year: z.number(),
  budgetFen: z.number(),
  totalFen: z.number(),
  byType: z.array(z.object({ key: z.string(), fen: z.number() })),
  bySource: z.array(z.object({ key: z.string(), fen: z.number() })),
  byItem: z.array(z.object({ key: z.string(), fen: z.number() })),
  byMonth: z.array(z.object({ key: z.string(), fen: z.number() })),
});

export const reservesOverview = z.object({
  pool: z.number(),
  bySource: z.array(z.object({ key: z.string(), count: z.number() })),
  trainedThisYear: z.number(),
  fundsUsedFen: z.number(),
  budgetFen: z.number(),
  villagesBelowTarget: z.number(),
  noSecretary: z.number(),
});

export const yearInput = z.object({ year: z.number().int().min(2000).max(2100).nullish() }).default({});

export const reserveVerifyResult = z.object({
  reserves: z.number(),
  mismatches: z.array(z.object({ reserveId: z.number(), personName: z.string(), problem: z.string() })),
});
