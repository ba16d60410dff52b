/** Building blocks shared by every module's zod schemas. Pure: the renderer imports these too. */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { z } from 'zod';
import { installChineseMessages } from './zh-messages';

dayjs.extend(customParseFormat);
// Default zod messages in plain Chinese, so even a message we did not word ourselves is readable by a clerk.
installChineseMessages();

export const isoDate = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写日期' : '应为日期（如 2026-01-31）') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期（如 2026-01-31）')
  .refine((s) => dayjs(s, 'YYYY-MM-DD', true).isValid(), '不是真实存在的日期（例如没有 2 月 30 日、13 月），请检查');

/**
 * Control characters (tabs and line breaks stay, for notes) and the invisible marks that reorder or hide text: a NUL
 * or a right-to-left override in a name would make "扫描件\u202Efdp.exe" read as 扫描件exe.pdf in every list and report.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
export const stripInvisible = (s: string) => s.replace(INVISIBLE, '');

/** Any text a clerk types or a file brings that may be shown or printed: invisible marks removed, then trimmed. */
export const cleanText = () => z.string().overwrite(stripInvisible).trim();

export const optionalText = (max = 200) =>
  cleanText()
    .max(max, `不能超过${max}个字`)
    .nullish()
    .transform((s) => (s ? s : null));

export const requiredText = (label: string, max = 100) =>
  cleanText().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

export const id = z.number().int().positive();
export const byId = z.object({ id });

export const sortOrder = z.enum(['ascend', 'descend']).nullish();

export const pageQuery = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(20),
  sortOrder,
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const ok = z.object({ ok: z.literal(true) });
