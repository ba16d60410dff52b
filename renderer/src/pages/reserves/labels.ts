/** Chinese wording, colours and links shared by the 后备人才 pages. */
import type { Dayjs } from 'dayjs';
import { educationName } from '../../../../core/people/codes';
import { formatYuan } from '../../../../core/reserves/money';
import type { ReserveStatus } from '../../../../core/reserves/codes';

export const STATUS_COLOR: Record<ReserveStatus, string> = {
  推荐: 'default',
  考察: 'blue',
  在库: 'green',
  已任用: 'gold',
  出库: 'default',
};

/** The shell routes whole modules by exact path, so the person page and the plan travel in the query. */
export function reservePath(id: number): string {
  return `/reserves?reserve=${id}`;
}

export const PLAN_PATH = '/reserves?view=plan';
export const SETTINGS_PATH = '/reserves?view=settings';

export const iso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** "1234.50 元". */
export function yuan(fen: number): string {
  return `${formatYuan(fen)} 元`;
}

export function educationText(code: string | null): string {
  return educationName(code) || '—';
}

/** Server field errors as antd form errors, limited to the fields the form has. */
export function fieldErrors<T extends string>(fields: Record<string, string> | undefined, known: readonly T[]): { name: T; errors: string[] }[] {
  return Object.entries(fields ?? {})
    .filter(([name]) => (known as readonly string[]).includes(name))
    .map(([name, msg]) => ({ name: name as T, errors: [msg] }));
}
