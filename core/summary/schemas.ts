/**
 * 汇总 (domain.md §6, catalogue item 8; issue 12 §4): the headline figures of every module for a period, each with
 * where it comes from and the list behind it, and the year-end sentences built from them. Pure: the renderer
 * imports the types and the period check.
 */
import { z } from 'zod';
import { isoDate } from '../schema/common';

export const summaryInput = z
  .object({ from: isoDate.nullish(), to: isoDate.nullish() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .default({});
export type SummaryInput = z.input<typeof summaryInput>;

export const SUMMARY_MODULES = ['人员库', '发展党员', '后备人才', '服务中心'] as const;

export const summaryFigure = z.object({
  /** Stable code ("members.admitted"): the `_data` key a district merges on, and the e2e test's handle. */
  key: z.string(),
  module: z.enum(SUMMARY_MODULES),
  label: z.string(),
  /** A count, 元/万元 (two decimals, exact to the 分), or a share 0..1 for unit '%'. */
  value: z.number(),
  unit: z.string(),
  /** 说明/口径: which records, which date, as of when, and which report shows the same figure. */
  basis: z.string(),
  /** The key of the figure this one is part of ("其中：…"), so nobody adds it twice. */
  subsetOf: z.string().nullable(),
  /** The ledger page (a renderer route with its filter) that lists the records behind the figure. */
  link: z.string().nullable(),
});
export type SummaryFigure = z.infer<typeof summaryFigure>;

export const summarySentence = z.object({
  key: z.string(),
  /** What the sentence is about ("后备人才"). */
  topic: z.string(),
  /** Ready to paste into the year-end report. */
  text: z.string(),
  /** The figures whose numbers the sentence quotes, in order. */
  figures: z.array(z.string()),
});
export type SummarySentence = z.infer<typeof summarySentence>;

export const summaryOut = z.object({
  period: z.object({ from: z.string(), to: z.string(), text: z.string() }),
  /** Figures that describe the state now (not the period) are as of this day. */
  asOf: z.string(),
  figures: z.array(summaryFigure),
  sentences: z.array(summarySentence),
});
export type SummaryOut = z.infer<typeof summaryOut>;
