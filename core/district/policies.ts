/**
 * How each report of the catalogue merges (tests/integration/district-policies.test.ts keeps this list and
 * core/reports/registry.ts in step). The layout itself comes from each file's `_meta.layout`, written by the report's
 * own builder; a policy only says what kind of table each printed sheet is:
 *
 * - `list`: one record per row (a 花名册, a 台账, a list of findings): rows concatenated township by township
 *   under a 乡镇（街道） column, with a 小计 after each township and the 合计 of all.
 * - `units`: one row per village with the township's 合计 (统计表 by 村（社区）): the district prints one row per
 *   township, its 合计 row, above the district's 合计.
 * - `categories`: fixed rows (职业, 指标, 资金来源 …): summed row by row, matched on `key`.
 *
 * `derived` recomputes a figure of a 合计 or township row that is not a sum (a share, a verdict, an average).
 */
import type { CellInput } from '../excel/types';
import type { SheetLayout } from '../excel/machine';

export type SheetKind = 'list' | 'units' | 'categories';

export interface SheetPolicy {
  kind: SheetKind;
  /** For `categories`: the column identifying a row across files (a code where the report has one). */
  key?: string;
  derived?: (row: Record<string, CellInput>, layout: SheetLayout) => Record<string, CellInput>;
}

export type MergePolicy = { sheets: SheetPolicy[] } | { refused: string };

const list: SheetPolicy = { kind: 'list' };

/** The 35岁及以下 share of the 统计表（二）, and whether it meets the target its header names ("是否达到80%"). */
function youthShare(row: Record<string, CellInput>, layout: SheetLayout): Record<string, CellInput> {
  const total = Number(row.total) || 0;
  const youth = Number(row.youth) || 0;
  const header = layout.columns.find((c) => c.key === 'youthMet')?.header;
  const target = Number(/(\d+)%/.exec([header ?? ''].flat().join(''))?.[1] ?? 80) / 100;
  const share = total ? youth / total : null;
  return { youthShare: share, youthMet: share === null ? '—' : share >= target ? '是' : '否' };
}

/** 人均 of the 培训经费使用明细表: the amount over the people it was shared among, to the 分. */
function perHead(row: Record<string, CellInput>): Record<string, CellInput> {
  const people = Number(row.people) || 0;
  return { perHead: people ? Math.round((Number(row.amount) / people) * 100) / 100 : null };
}

export const POLICIES: Record<string, MergePolicy> = {
  'people-roster': { sheets: [list] },
  'members-stats': { sheets: [{ kind: 'categories', key: 'label' }] },
  'members-stats-2': { sheets: [{ kind: 'units', derived: youthShare }] },
  'members-roster': { sheets: [list] },
  'members-review': { sheets: [list] },
  'members-reminders': { sheets: [list] },
  'members-compliance': { sheets: [list] },
  'members-dormant': { sheets: [list] },
  'reserves-roster': { sheets: [list] },
  'reserves-stats': { sheets: [{ kind: 'units' }] },
  'reserves-funds': { sheets: [{ kind: 'list', derived: perHead }, { kind: 'categories', key: 'source' }] },
  'reserves-changes': { sheets: [list] },
  'reserves-cards': {
    refused: '“后备人才一人一卡”是每人一页的档案卡，各乡镇留存备查，不是可以相加的汇总表。区县汇总请合并各乡镇的“村\u201c两委\u201d后备人才花名册”。',
  },
  'centres-progress': { sheets: [list] },
  'centres-chart': {
    refused: '“形象进度挂图”是逐个服务中心画出的进度甘特图，各乡镇的图不能相加。区县汇总请合并各乡镇的“村级综合服务中心改造升级进度表”。',
  },
  'centres-party-stats': { sheets: [{ kind: 'categories', key: 'code' }] },
  summary: {
    refused:
      '“基层党建工作汇总表”里的比例（如35岁及以下占比）和年度工作总结的表述是按本乡镇的数字算好的，直接相加会得出错误的比例和句子，所以不合并。区县汇总请分别合并它所依据的报表（发展党员情况统计表、后备人才培养情况统计表、服务中心进度表等）。',
  },
  'audit-log': { refused: '“操作日志”是各乡镇台账自身的操作记录，留在乡镇备查，不是上报的统计表，不合并。' },
  'centres-monthly': { sheets: [list, list, list, { kind: 'categories', key: 'source' }, list] },
  'centres-weekly': { sheets: [list, list, list, { kind: 'categories', key: 'source' }, list] },
};

export function policyOf(reportId: string, title: string): MergePolicy {
  return POLICIES[reportId] ?? { refused: `“${title || reportId}”还没有区县汇总的合并规则（报表编号 ${reportId}），暂不能合并。请联系台账维护人员。` };
}
