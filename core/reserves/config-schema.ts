/** The township's own lists, the "223"-style plan and the eligibility warnings. Pure: the settings page validates with it. */
import { z } from 'zod';
import { cleanText } from '../schema/common';
import { EDUCATION_GROUPS } from '../people/codes';
import {
  DEFAULT_AFFAIR_TYPES,
  DEFAULT_FUNDING_SOURCES,
  DEFAULT_POST_DIRECTIONS,
  DEFAULT_SOURCES,
  DEFAULT_TRAINING_TYPES,
  SECRETARY_DIRECTION,
} from './codes';

const list = (label: string) =>
  z
    .array(cleanText().min(1).max(20))
    .min(1, `${label}至少要有一项`)
    .refine((xs) => new Set(xs).size === xs.length, `${label}有重复项`);

export const reserveConfig = z.object({
  postDirections: list('岗位方向').refine((xs) => xs.includes(SECRETARY_DIRECTION), `岗位方向须包含“${SECRETARY_DIRECTION}”`),
  sources: list('来源类别'),
  trainingTypes: list('培养类型'),
  fundingSources: list('经费来源'),
  affairTypes: list('村级事务类型'),
  plan: z.object({
    /** Per village: at least this many in the pool, of whom this many 书记后备. */
    minPerVillage: z.number().int().min(0).max(50),
    minSecretaryPerVillage: z.number().int().min(0).max(20),
    /** Percent of the pool aged 35 or under. */
    youngSharePercent: z.number().int().min(0).max(100),
    /** Everyone at this 学历 group or higher (党内统计 groups, highest first). */
    minEducationGroup: z.enum(EDUCATION_GROUPS),
    womanPerVillage: z.boolean(),
    /** 人次 per training type per year; a type missing here has no target. */
    yearTargets: z.record(z.string(), z.number().int().min(0).max(100000)),
    budgetFen: z.number().int().min(0),
  }),
  eligibility: z.object({
    maxAge: z.union([z.literal(40), z.literal(45)]),
    minEducationGroup: z.enum(EDUCATION_GROUPS),
    unqualifiedYears: z.number().int().min(1).max(10),
  }),
  /** The bottom share of each quarter's ranking that gets a 警示提醒谈话. */
  warningSharePercent: z.number().int().min(1).max(50),
});
export type ReserveConfig = z.infer<typeof reserveConfig>;

export const DEFAULT_RESERVE_CONFIG: ReserveConfig = {
  postDirections: DEFAULT_POST_DIRECTIONS,
  sources: DEFAULT_SOURCES,
  trainingTypes: DEFAULT_TRAINING_TYPES,
  fundingSources: DEFAULT_FUNDING_SOURCES,
  affairTypes: DEFAULT_AFFAIR_TYPES,
  plan: {
    minPerVillage: 3,
    minSecretaryPerVillage: 1,
    youngSharePercent: 50,
    minEducationGroup: '高中中技',
    womanPerVillage: true,
    // A township's share of the district's year (19 / 85 / 111 / 380 over 17 units, 30万元 of funds).
    yearTargets: { 入企挂职: 2, 乡镇机关历练: 6, 大专班: 7, 集中培训: 25 },
    budgetFen: 2000000,
  },
  eligibility: { maxAge: 40, minEducationGroup: '高中中技', unqualifiedYears: 5 },
  warningSharePercent: 10,
};
