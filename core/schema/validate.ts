import type { z } from 'zod';
import { invalid, type LedgerError } from '../errors';

/** zod issues become one Chinese message plus a field → message map the form can show at each field. */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  throw toInvalid(result.error);
}

export function toInvalid(error: z.ZodError): LedgerError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const where = first && first[0] !== '_' ? `（${first[0]}）` : '';
  return invalid(`输入有误${where}：${first?.[1] ?? '格式不正确'}`, fields);
}
