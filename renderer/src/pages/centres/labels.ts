/** Chinese wording, colours and links shared by the 服务中心 pages. */
import type { Dayjs } from 'dayjs';
import type { CentreStatus } from '../../../../core/centres/codes';
import { fenToWan, formatYuan } from '../../../../core/centres/money';
import type { MilestoneState } from './types';

export const STATUS_COLOR: Record<CentreStatus, string> = {
  未开工: 'default',
  提前: 'cyan',
  正常: 'green',
  滞后: 'orange',
  严重滞后: 'red',
  已完工: 'blue',
  已投用: 'purple',
};

/** The chart's colours, one per milestone state: the same on screen, on paper and in the legend. */
export const STATE_STYLE: Record<MilestoneState, { label: string; color: string; background: string }> = {
  done: { label: '按期完成', color: '#389e0d', background: '#d9f7be' },
  doneLate: { label: '逾期完成', color: '#d46b08', background: '#ffe7ba' },
  late: { label: '逾期未完成', color: '#cf1322', background: '#ffccc7' },
  open: { label: '未到期', color: '#595959', background: '#f0f0f0' },
};

/** The shell routes whole modules by exact path, so the centre page and the views travel in the query. */
export function centrePath(id: number): string {
  return `/centres?centre=${id}`;
}

export const LIST_PATH = '/centres';
export const CHART_PATH = '/centres?view=chart';
export const SETTINGS_PATH = '/centres?view=settings';

export const iso = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

/** "1234.50 元". */
export function yuan(fen: number): string {
  return `${formatYuan(fen)} 元`;
}

/** "12.35 万元": the unit the department above reads investment in. */
export function wan(fen: number): string {
  return `${fenToWan(fen).toFixed(2)} 万元`;
}

export function areaText(m2: number | null | undefined): string {
  return m2 == null ? '—' : `${m2} ㎡`;
}

/** "滞后 12 天" / "提前 3 天" / "—". */
export function behindText(days: number | null): string {
  if (days === null) return '—';
  if (days > 0) return `滞后 ${days} 天`;
  if (days < 0) return `提前 ${-days} 天`;
  return '按期';
}

/** Server field errors as antd form errors, limited to the fields the form has. */
export function fieldErrors<T extends string>(fields: Record<string, string> | undefined, known: readonly T[]): { name: T; errors: string[] }[] {
  return Object.entries(fields ?? {})
    .filter(([name]) => (known as readonly string[]).includes(name))
    .map(([name, msg]) => ({ name: name as T, errors: [msg] }));
}

export const asOptions = (xs: readonly string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));
