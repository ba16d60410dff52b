import { z } from 'zod';
import { id, isoDate } from '../schema/common';

/**
 * What a report lets the user choose: 'period' (from/to), 'units' (villages), 'mask' (ID numbers), 'paper' (A4/A3),
 * 'selection' (the records picked in a list, e.g. 一人一卡 for the chosen reserves).
 */
export const reportParam = z.enum(['period', 'units', 'mask', 'paper', 'selection']);

export const paper = z.enum(['A4', 'A3']);
export type Paper = z.infer<typeof paper>;

export const reportInfo = z.object({
  id: z.string(),
  title: z.string(),
  module: z.string(),
  description: z.string(),
  params: z.array(reportParam),
  /** The paper it prints on unless told otherwise (A4 when absent). */
  defaultPaper: paper.optional(),
});
export type ReportInfo = z.infer<typeof reportInfo>;

export const exportInput = z
  .object({
    reportId: z.string().min(1),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
    unitIds: z.array(id).nullish(),
    /** Mask 公民身份号码 in the file: the default, since exports travel by USB stick and WeChat. */
    maskIdNumbers: z.boolean().default(true),
    /** Paper to print on; absent means the report's own default (the wide 台账: A3, everything else: A4). */
    paper: z.enum(['A4', 'A3']).optional(),
    /** The records picked in a list, for reports with the 'selection' parameter; absent means all. */
    ids: z.array(id).max(5000).nullish(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ExportInput = z.input<typeof exportInput>;

export const exportResult = z.object({
  fileName: z.string(),
  base64: z.string(),
  rowCount: z.number(),
});
export type ExportResult = z.infer<typeof exportResult>;
