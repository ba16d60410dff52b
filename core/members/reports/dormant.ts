/**
 * 多年不发展党员的党支部: every live 党支部 with nobody approved as 预备党员 (节点17) for the township's threshold
 * of years (组织设置 → 单位设置), longest idle first, with the files still on their way, so the 党委 can see
 * where 发展党员 has stalled.
 */
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { reportMeta } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import type { DormantBranch } from '../dormant';
import { COUNT_BASIS } from '../indicators';
import { dormancy } from '../overview';
import { MODULE, unitFilter } from './common';

export const DORMANT_ID = 'members-dormant';
const TITLE = '多年不发展党员的党支部';

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'unitName', header: '村（社区）', width: 16 },
  { key: 'branchName', header: '党支部', width: 32 },
  { key: 'lastApproval', header: '最近一次审批日期', type: 'date', width: 18 },
  // Counted from the last approval, or from the start of the branch's history when there is none.
  { key: 'years', header: '连续未发展年数', type: 'int', width: 16, align: 'center' },
  { key: 'activeFiles', header: '在培养人数', type: 'int', width: 12, align: 'center', total: 'sum' },
  { key: 'remark', header: '说明', width: 40 },
];

export function dormantRows(list: DormantBranch[]): Record<string, CellInput>[] {
  return list.map((b, i) => ({
    seq: i + 1,
    unitName: b.unitName,
    branchName: b.branchName,
    lastApproval: b.lastApproval,
    years: b.years,
    activeFiles: b.activeFiles,
    remark: b.lastApproval ? `${b.lastApproval} 后未再审批发展党员` : `台账中无审批记录，自 ${b.since} 起计`,
  }));
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const keep = unitFilter(params);
  const { years, branches } = dormancy(ctx);
  const rows = dormantRows(branches.filter((b) => keep(b.unitId)));
  const buffer = await buildReport(reportMeta(ctx, DORMANT_ID, `截至 ${today(ctx)}`), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: COLUMNS,
      rows,
      totals: { label: '合计', labelKey: 'seq', values: { branchName: `${rows.length} 个党支部` } },
      notes: [
        `注：1. ${COUNT_BASIS}：连续 ${years} 年及以上没有经上级党委审批接收预备党员的党支部列入本表（年限在“组织设置 → 单位设置”中修改）。`,
        '　　2. 台账中没有审批记录的党支部，从录入本台账之日或其最早一份发展档案的日期起计，不足年限的不列入；已撤销的党支部不列入。在培养人数是该支部进行中的发展档案数。',
      ],
      freezeColumns: 3,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const dormantReport: ReportDefinition = {
  info: {
    id: DORMANT_ID,
    title: TITLE,
    module: MODULE,
    description: `连续多年（默认3年，可在组织设置中修改）没有经上级党委审批发展党员的党支部（${COUNT_BASIS}），列出最近一次发展日期、连续未发展年数和在培养人数；截至今天，可按村（社区）筛选。`,
    params: ['units'],
  },
  build,
};
