import { z } from 'zod';
import { cleanText } from '../schema/common';

export const districtFile = z.object({
  fileName: cleanText().min(1).max(260),
  /** The township's .xlsx, base64-encoded (web mode uploads it; the CLI and the desktop read it from disk). */
  base64: z.string().min(1, '文件是空的'),
});

export const districtInput = z.object({
  /** The report to merge; absent: the report most of the files are. */
  reportId: cleanText().min(1).max(60).nullish(),
  files: z.array(districtFile).min(1, '请至少选择一个文件').max(300, '一次最多合并 300 个文件'),
  /** Merge files changed by hand after export (the clerk has checked them with the township). */
  acceptEdited: z.boolean().default(false),
});
export type DistrictInput = z.input<typeof districtInput>;

export const previewLine = z.object({
  level: z.enum(['error', 'confirm', 'warning', 'info']),
  text: z.string(),
  fileName: z.string().optional(),
});

export const districtPreview = z.object({
  reportId: z.string(),
  title: z.string(),
  lines: z.array(previewLine),
  files: z.array(
    z.object({
      fileName: z.string(),
      area: z.string(),
      areaCode: z.string().nullable(),
      records: z.number(),
      hash: z.string(),
      hashOk: z.boolean(),
    }),
  ),
  duplicates: z.array(z.object({ idNumber: z.string(), names: z.array(z.string()), areas: z.array(z.string()) })),
  /** No error line: the merge can go ahead (with acceptEdited when `edited` is not empty). */
  canMerge: z.boolean(),
  edited: z.array(z.string()),
});
export type DistrictPreview = z.infer<typeof districtPreview>;

export const districtMerged = z.object({
  fileName: z.string(),
  base64: z.string(),
  rowCount: z.number(),
  preview: districtPreview,
});
export type DistrictMerged = z.infer<typeof districtMerged>;
