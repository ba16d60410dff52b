import { z } from 'zod';
import { id, isoDate } from '../schema/common';

export const reportParam = z.enum(['period', 'units', 'mask']);

export const reportInfo = z.object({
  id: z.string(),
  title: z.string(),
  module: z.string(),
  description: z.string(),
  params: z.array(reportParam),
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
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type ExportInput = z.input<typeof exportInput>;

export const exportResult = z.object({
  fileName: z.string(),
  base64: z.string(),
  rowCount: z.number(),
});
export type ExportResult = z.infer<typeof exportResult>;
