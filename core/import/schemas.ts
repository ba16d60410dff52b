/** The contract's shapes for import. Pure. */
import { z } from 'zod';
import { cleanText, id } from '../schema/common';

/** The largest file an import takes (the web server's request limit leaves room for it once base64-encoded). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const IMPORT_KINDS = ['people', 'org', 'members', 'reserves', 'reserve-trainings', 'centres', 'centre-progress'] as const;
export const importKind = z.enum(IMPORT_KINDS, '不支持的导入类型');

export const importFileInput = z.object({
  kind: importKind,
  fileName: cleanText().min(1).max(200),
  /** The .xlsx file, base64-encoded. */
  base64: z.string().min(1, '文件是空的'),
  sheetName: z.string().max(100).nullish(),
  /** Column letter → field key, or null to ignore the column; absent uses the mapping remembered for this layout. */
  mapping: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.string().max(40).nullable()).nullish(),
});

export const commitInput = importFileInput.extend({ mode: z.enum(['valid', 'all']).default('valid') });

const rowStatus = z.enum(['新增', '更新', '跳过', '错误']);
const cellProblem = z.object({ row: z.number(), col: z.string().nullable(), header: z.string().nullable(), value: z.string(), message: z.string() });

export const importPreview = z.object({
  kind: z.string(),
  sheet: z.string(),
  headerRow: z.number(),
  columns: z.array(z.object({ col: z.string(), header: z.string(), key: z.string().nullable(), label: z.string().nullable() })),
  layout: z.string(),
  counts: z.record(rowStatus, z.number()),
  rows: z.array(z.object({ row: z.number(), status: rowStatus, label: z.string(), problems: z.array(cellProblem), notes: z.array(cellProblem) })),
  /** The kind's fields, for the mapping correction's drop-downs. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
});
export type ImportPreviewOut = z.infer<typeof importPreview>;

export const commitResult = z.object({ batchId: z.number().nullable(), inserted: z.number(), updated: z.number(), skipped: z.number(), errors: z.number() });

export const importBatch = z.object({
  id,
  kind: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  inserted: z.number(),
  updated: z.number(),
  skipped: z.number(),
  at: z.string(),
  undoneAt: z.string().nullable(),
});

export const templateInput = z.object({ kind: importKind });
export const templateFile = z.object({ fileName: z.string(), base64: z.string() });
