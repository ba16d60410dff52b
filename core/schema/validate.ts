import type { z } from 'zod';
import { invalid, type LedgerError } from '../errors';
import { clip } from '../../lib/errors';
import { fieldPlace } from './field-labels';

/** zod issues become one Chinese message plus a field → message map the form can show at each field. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw toInvalid(result.error);
}

/**
 * The form keys its field messages by path (for antd Form); the one-line message names the field in Chinese where it
 * is known ("出生日期：应为日期（如 2026-01-31）") and never shows a path, a zod type name or the input itself.
 */
export function toInvalid(error: z.ZodError): LedgerError {
  const fields: Record<string, string> = {};
  let first: { place: string; message: string } | null = null;
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    const message = clip(issue.message, 120);
    fields[path] ??= message;
    first ??= { place: fieldPlace(issue.path), message };
  }
  const head = first?.place ? `“${first.place}”填写有误` : '输入有误';
  const more = error.issues.length > 1 ? `（另有 ${error.issues.length - 1} 处需要修改）` : '';
  return invalid(`${head}：${first?.message ?? '格式不正确'}${more}`, fields);
}
