/** Building blocks shared by every module's zod schemas. Pure: the renderer imports these too. */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { z } from 'zod';

dayjs.extend(customParseFormat);
// Default zod messages in Chinese, so even a message we did not word ourselves is readable by a clerk.
z.config(z.locales.zhCN());

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => dayjs(s, 'YYYY-MM-DD', true).isValid(), '不是有效日期');

export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, `不能超过${max}个字`)
    .nullish()
    .transform((s) => (s ? s : null));

export const requiredText = (label: string, max = 100) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);

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
