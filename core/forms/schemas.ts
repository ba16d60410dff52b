/** The contract's shapes for 按上级模板填报 (issue 12 §3). Pure. */
import { z } from 'zod';
import { cleanText, id, isoDate } from '../schema/common';

/** Column letter → field key, or null for 不填. */
export const formMapping = z.record(z.string().regex(/^[A-Z]{1,3}$/, '列号应为 A、B … 这样的字母'), z.string().max(60).nullable());

/** What a clerk or a script sends: a column named by its letter or by its header text (基本情况/出生年月, 出生年月). */
export const chosenMapping = z.record(cleanText().min(1).max(200), z.string().max(60).nullable());

export const analyseInput = z.object({
  fileName: cleanText().min(1).max(200),
  /** The blank form, .xlsx, base64-encoded. */
  base64: z.string().min(1, '文件是空的'),
  sheetName: z.string().max(100).nullish(),
  /** The dataset to propose a mapping for; absent: the one remembered for this form, else the best fit. */
  reportId: z.string().max(60).nullish(),
});

export const fillInput = analyseInput.extend({
  reportId: z.string().min(1, '请选择用哪份数据填报').max(60),
  /** The clerk's mapping, by column letter or header text; a column it leaves out keeps the proposed field (never a mere suggestion). */
  mapping: chosenMapping.nullish(),
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  unitIds: z.array(id).nullish(),
  maskIdNumbers: z.boolean().default(true),
  /** Remember this mapping for the form (by its header signature). */
  remember: z.boolean().default(true),
});
export type FillInput = z.input<typeof fillInput>;

const column = z.object({
  col: z.string(),
  header: z.string(),
  key: z.string().nullable(),
  suggestion: z.string().nullable(),
  match: z.enum(['remembered', 'exact', 'suggested', 'none', 'chosen']),
});

const field = z.object({ key: z.string(), label: z.string(), group: z.string() });

export const formSource = z.object({
  reportId: z.string(),
  label: z.string(),
  kind: z.enum(['list', 'matrix']),
  /** Filters the report takes: 'period', 'units', 'mask'. */
  params: z.array(z.string()),
  /** Columns it fills exactly / suggests, for this form. */
  matched: z.number(),
  suggested: z.number(),
});

export const analyseResult = z.object({
  sheet: z.string(),
  sheets: z.array(z.string()),
  title: z.string(),
  /** 1-based rows of the header block and the blank data rows the form brings. */
  headerRows: z.tuple([z.number(), z.number()]),
  dataStart: z.number(),
  blankRows: z.number(),
  totalRows: z.array(z.number()),
  shape: z.enum(['list', 'matrix']),
  /** Matrix forms: the row labels and whether the chosen dataset has each. */
  rowLabels: z.array(z.object({ row: z.number(), label: z.string(), total: z.boolean(), matched: z.boolean() })),
  signature: z.string(),
  reportId: z.string(),
  sources: z.array(formSource),
  columns: z.array(column),
  fields: z.array(field),
  /** The mapping saved for this form the last time it was filled, when there is one. */
  remembered: z.object({ reportId: z.string(), savedAt: z.string() }).nullable(),
});
export type AnalyseResult = z.infer<typeof analyseResult>;

export const fillResult = z.object({
  fileName: z.string(),
  base64: z.string(),
  /** Records written (list) or rows filled (matrix). */
  rowCount: z.number(),
  mapping: z.array(z.object({ col: z.string(), header: z.string(), key: z.string(), label: z.string() })),
  unmapped: z.array(z.object({ col: z.string(), header: z.string() })),
  /** What the clerk should know: rows added, labels not found, villages not on the form. */
  notes: z.array(z.string()),
});
export type FillResult = z.infer<typeof fillResult>;
