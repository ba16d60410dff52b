import { z } from 'zod';
import { cleanText, id, optionalText, requiredText } from '../schema/common';
import { BRANCH_KINDS, UNIT_KINDS } from '../people/codes';
import { DORMANT_YEARS } from './limits';

export const unitKind = z.enum(UNIT_KINDS);
export const branchKind = z.enum(BRANCH_KINDS);

export const settings = z.object({
  countyName: z.string(),
  townName: z.string(),
  /** The 填报单位 printed on reports, e.g. 中共湟中区多巴镇委员会. */
  unitName: z.string(),
  fillerName: z.string(),
  reviewerName: z.string(),
  phone: z.string(),
  fontTitle: z.string(),
  fontHeader: z.string(),
  fontBody: z.string(),
  isDemo: z.boolean(),
  setUp: z.boolean(),
  /** The four parts of 政治审查 "一谈一报一审一定"; no public text fixes them, so the township names them. */
  reviewPartLabels: z.array(z.string()).length(4),
  /** "多年不发展党员": a 党支部 with nobody approved (节点17) for this many years is flagged on 首页 and in a report. */
  dormantYears: z.number().int(),
  /** 'county' when the ledger runs at the district's 组织部 (区县汇总 only, no villages); 'town' otherwise. */
  mode: z.enum(['town', 'county']),
  /** The county's townships, for the 区县汇总 check that no township is missing (county mode). */
  countyTowns: z.array(z.object({ name: z.string(), code: z.string().nullable() })),
  /** The county key the district gives its townships: masked exports carry HMAC-SHA256(key, ID number) beside each number. */
  countyKey: z.string(),
});
export type Settings = z.infer<typeof settings>;

export const settingsPatch = z.object({
  unitName: requiredText('填报单位').optional(),
  fillerName: cleanText().max(20).optional(),
  reviewerName: cleanText().max(20).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[\d\-+ ()（）转]*$/, '联系电话只能包含数字和“-”')
    .max(30)
    .optional(),
  fontTitle: cleanText().min(1).max(30).optional(),
  fontHeader: cleanText().min(1).max(30).optional(),
  fontBody: cleanText().min(1).max(30).optional(),
  reviewPartLabels: z.array(cleanText().min(1, '名称不能为空').max(12)).length(4, '政治审查须有四个环节').optional(),
  dormantYears: z
    .number({ error: '“多年不发展党员”年限须是整数' })
    .int('“多年不发展党员”年限须是整数')
    .min(DORMANT_YEARS.min, `“多年不发展党员”年限不能少于 ${DORMANT_YEARS.min} 年`)
    .max(DORMANT_YEARS.max, `“多年不发展党员”年限不能超过 ${DORMANT_YEARS.max} 年`)
    .optional(),
  countyKey: z
    .string()
    .trim()
    .max(200)
    .refine((v) => v === '' || v.length >= 16, '区县密钥至少 16 个字符（由区县组织部统一下发，各乡镇填写相同的密钥）')
    .optional(),
  countyTowns: z
    .array(z.object({ name: requiredText('乡镇（街道）名称', 30), code: cleanText().max(12).nullable() }))
    .max(100)
    .optional(),
});

export const seedTown = z.object({ name: z.string(), kind: z.string(), code: z.string(), unitCount: z.number() });
export const seedUnit = z.object({ name: z.string(), kind: unitKind });

export const setupInput = z.object({
  countyName: requiredText('县（区）名称', 30),
  townName: requiredText('乡镇（街道）名称', 30),
  unitName: requiredText('填报单位', 60),
  units: z
    .array(
      z.object({
        name: requiredText('村（社区）名称', 60),
        kind: unitKind,
        /** The 党支部 created with the unit (一村一支部); null or absent when the clerk unticked it. */
        branchName: requiredText('党支部名称', 60).nullish(),
      }),
    )
    .max(500),
  fillerName: cleanText().max(20).default(''),
  reviewerName: cleanText().max(20).default(''),
  phone: cleanText().max(30).default(''),
  /** 'county': the district's own ledger for 区县汇总; no villages are set up and `townName` is the county's name. */
  mode: z.enum(['town', 'county']).default('town'),
  countyTowns: z.array(z.object({ name: requiredText('乡镇（街道）名称', 30), code: cleanText().max(12).nullable() })).max(100).optional(),
  countyKey: cleanText().max(200).optional(),
});

export const unit = z.object({
  id,
  name: z.string(),
  kind: unitKind,
  code: z.string().nullable(),
  sortOrder: z.number(),
  retiredAt: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  mergedIntoName: z.string().nullable(),
  branchCount: z.number(),
  peopleCount: z.number(),
});
export type Unit = z.infer<typeof unit>;

export const unitInput = z.object({
  name: requiredText('名称', 60),
  kind: unitKind,
  code: optionalText(30),
});

export const unitPatch = z.object({ id, name: requiredText('名称', 60).optional(), kind: unitKind.optional(), code: optionalText(30) });

export const mergeInput = z.object({ fromId: id, intoId: id });

export const branch = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  name: z.string(),
  kind: branchKind,
  retiredAt: z.string().nullable(),
});
export type Branch = z.infer<typeof branch>;

export const branchInput = z.object({ unitId: id, name: requiredText('党组织名称', 60), kind: branchKind.default('党支部') });
export const branchPatch = z.object({ id, name: requiredText('党组织名称', 60).optional(), kind: branchKind.optional() });
