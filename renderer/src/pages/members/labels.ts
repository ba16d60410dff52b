/** Chinese wording and colours shared by the 发展党员 pages, so a level or a status reads the same everywhere. */
import dayjs from 'dayjs';
import { STAGES, stepDef, type StepNo } from '../../../../core/members/steps';

export const LEVEL_LABEL = { error: '错误', warning: '提醒', off: '关闭' } as const;
export const LEVEL_COLOR = { error: 'error', warning: 'warning', off: 'default' } as const;

export const STAGE_NUMERALS = ['一', '二', '三', '四', '五'] as const;

export function stageTitle(no: number): string {
  return `第${STAGE_NUMERALS[no - 1] ?? no}阶段　${STAGES[no - 1]?.name ?? ''}`;
}

/** "7 确定发展对象": the form a clerk recognises from the paper 全程纪实表. */
export function stepLabel(no: number): string {
  return `${no} ${stepDef(no as StepNo).name}`;
}

export const STATUS_COLOR: Record<string, string> = {
  入党申请人: 'default',
  入党积极分子: 'blue',
  发展对象: 'geekblue',
  预备党员: 'purple',
  正式党员: 'green',
  已终止培养: 'default',
  已取消预备党员资格: 'red',
};

export const STATUS_GROUPS = ['进行中', '已转正', '已终止'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

let ledgerToday: string | null = null;

/** Boot records the ledger's "today" (app.status), so forms judge dates by the same day the service does. */
export function setLedgerToday(today: string): void {
  ledgerToday = today;
}

export function todayIso(): string {
  return ledgerToday ?? dayjs().format('YYYY-MM-DD');
}

export function daysLeftText(days: number): string {
  if (days < 0) return `已逾期 ${-days} 天`;
  if (days === 0) return '今天到期';
  return `剩 ${days} 天`;
}

/** The link to one person's 发展档案; the shell routes whole modules, so the record travels in the query. */
export function recordPath(id: number, tab?: string): string {
  return `/members?record=${id}${tab ? `&tab=${tab}` : ''}`;
}

/** "中共多巴镇城西村支部委员会" reads as "城西村支部委员会" inside one township's ledger; the full name stays as a tooltip. */
export function shortBranch(name: string | null, townName: string): string {
  if (!name) return '—';
  const prefix = `中共${townName}`;
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}
