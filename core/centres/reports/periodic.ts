/**
 * 村级综合服务中心改造升级月度进度报告 and its weekly variant, the 周调度: five sheets for one period — milestones
 * reached, milestones missed, 形象进度 changes, money allocated and paid by source, and the progress photos. The
 * monthly report defaults to the current month up to today, the weekly one to the last 7 days. The figures come
 * from ./periodic-data.ts.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn, type ReportSheet } from '../../excel/builder';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { reportMeta, type ReportPeriod } from '../../reports/meta';
import { MODULE, numberedNotes, wan } from './common';
import { missedMilestones, moneyBySource, progressChanges, progressPhotos, reachedMilestones, type MoneyRow } from './periodic-data';

export const CENTRES_MONTHLY_ID = 'centres-monthly';
export const CENTRES_WEEKLY_ID = 'centres-weekly';
export const CENTRES_MONTHLY_TITLE = '村级综合服务中心改造升级月度进度报告';
export const CENTRES_WEEKLY_TITLE = '村级综合服务中心改造升级周调度报告';

type Kind = 'monthly' | 'weekly';

/** The period asked for; an open start is the 1st of the end's month (monthly) or 6 days before the end (weekly). */
export function periodicPeriod(ctx: LedgerContext, params: Pick<ReportParams, 'from' | 'to'>, kind: Kind): ReportPeriod & { from: string } {
  const to = params.to ?? today(ctx);
  const from = params.from ?? (kind === 'monthly' ? `${to.slice(0, 7)}-01` : dayjs(to).subtract(6, 'day').format('YYYY-MM-DD'));
  return { from, to, text: `${from} 至 ${to}` };
}

const seq: ReportColumn = { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' };
const unit: ReportColumn = { key: 'unitName', header: '村（社区）', width: 13 };
const date = (key: string, header: string, width = 11): ReportColumn => ({ key, header, type: 'date', width });
const days = (key: string, header: string): ReportColumn => ({ key, header, type: 'int', width: 8, align: 'center' });
const money = (key: string, header: string | string[]): ReportColumn => ({ key, header, type: 'money', width: 14 });
const count = (n: number, what = '个') => ({ label: '合计', labelKey: 'seq', values: { unitName: `${n} ${what}` } });

const REACHED: ReportColumn[] = [seq, date('actualOn', '完成日期'), unit, { key: 'milestone', header: '节点', width: 16 }, date('plannedOn', '计划日期'), days('daysLate', '逾期天数'), { key: 'note', header: '说明', width: 24 }];
const MISSED: ReportColumn[] = [
  seq,
  unit,
  { key: 'milestone', header: '节点', width: 16 },
  date('plannedOn', '计划日期'),
  days('daysLate', '逾期天数'),
  date('actualOn', '期末后完成日期', 12),
  { key: 'note', header: '说明', width: 20 },
];
const PROGRESS: ReportColumn[] = [
  seq,
  unit,
  { key: 'fromPercent', header: ['形象进度', '期初'], type: 'percent', width: 8, align: 'center' },
  { key: 'toPercent', header: ['形象进度', '期末'], type: 'percent', width: 8, align: 'center' },
  { key: 'change', header: ['形象进度', '增加'], type: 'percent', width: 8, align: 'center' },
  date('lastOn', '最近记录日期'),
  { key: 'entries', header: '记录次数', type: 'int', width: 6, align: 'center', total: 'sum' },
  { key: 'note', header: '最近进度说明', width: 30 },
];
const MONEY: ReportColumn[] = [
  { key: 'source', header: '资金来源', width: 18 },
  money('plannedWan', '计划投资（万元）'),
  money('allocatedWan', ['本期（万元）', '下拨']),
  money('paidWan', ['本期（万元）', '支付']),
  money('allocatedToDateWan', ['截至期末累计（万元）', '下拨']),
  money('paidToDateWan', ['截至期末累计（万元）', '支付']),
];
const PHOTOS: ReportColumn[] = [seq, date('date', '进度日期'), unit, { key: 'percent', header: '形象进度', type: 'percent', width: 8, align: 'center' }, { key: 'photos', header: '照片张数', type: 'int', width: 7, align: 'center', total: 'sum' }, { key: 'files', header: '照片文件名', width: 36 }];

function moneySheet(rows: MoneyRow[]): { rows: Record<string, CellInput>[]; totals: Record<string, CellInput> } {
  const keys = ['planned', 'allocated', 'paid', 'allocatedToDate', 'paidToDate'] as const;
  const sums = Object.fromEntries(keys.map((k) => [k, 0])) as Record<(typeof keys)[number], number>;
  const out = rows.map((r) => {
    const row: Record<string, CellInput> = { source: r.source };
    for (const k of keys) {
      const fen = r[`${k}Fen`];
      row[`${k}Wan`] = wan(fen);
      sums[k] += fen;
    }
    return row;
  });
  // Summed as 分 and converted once.
  return { rows: out, totals: Object.fromEntries(keys.map((k) => [`${k}Wan`, wan(sums[k])])) };
}

export async function buildPeriodic(ctx: LedgerContext, params: ReportParams, kind: Kind) {
  const period = periodicPeriod(ctx, params, kind);
  const label = kind === 'monthly' ? '月报' : '周调度';
  const title = (section: string) => `村级综合服务中心改造升级${label}：${section}`;
  const reached = reachedMilestones(ctx, params, period);
  const missed = missedMilestones(ctx, params, period);
  const progress = progressChanges(ctx, params, period);
  const funds = moneySheet(moneyBySource(ctx, params, period));
  const photos = progressPhotos(ctx, params, period);
  const scope = params.unitIds?.length ? '所选村（社区）' : '全部村（社区）';
  const lateDays = reached.filter((r) => r.daysLate > 0).length;

  const sheets: ReportSheet[] = [
    {
      sheetName: '节点完成',
      title: title('节点完成情况'),
      columns: REACHED,
      rows: reached.map((r, i) => ({ seq: i + 1, ...r, daysLate: Math.max(0, r.daysLate), note: r.note ?? '' })),
      totals: count(reached.length),
      notes: numberedNotes([
        `${scope}在 ${period.text} 内实际完成的节点，按完成日期排列；其中逾期完成 ${lateDays} 个。逾期天数为完成日期晚于计划日期的天数，按期或提前完成的记 0。`,
      ]),
      freezeColumns: 3,
    },
    {
      sheetName: '节点逾期',
      title: title('节点逾期情况'),
      columns: MISSED,
      rows: missed.map((r, i) => ({ seq: i + 1, ...r, actualOn: r.actualOn ?? '', note: r.note ?? '' })),
      totals: count(missed.length),
      notes: numberedNotes([
        `计划日期在 ${period.to} 之前（统计时段内或更早）、到 ${period.to} 当天结束仍未完成的节点，按村（社区）和节点顺序排列；逾期天数算到 ${period.to}。`,
        '“期末后完成日期”为统计时段结束后才完成的节点的实际完成日期，空白的至今未完成。',
      ]),
      freezeColumns: 2,
    },
    {
      sheetName: '形象进度',
      title: title('形象进度变化情况'),
      columns: PROGRESS,
      rows: progress.map((r, i) => ({
        seq: i + 1,
        unitName: r.unitName,
        fromPercent: r.fromPercent / 100,
        toPercent: r.toPercent / 100,
        change: (r.toPercent - r.fromPercent) / 100,
        lastOn: r.lastOn,
        entries: r.entries,
        note: r.note ?? '',
      })),
      totals: count(progress.length),
      notes: numberedNotes([
        `列出统计时段内记录过形象进度的服务中心：期初为 ${period.from} 之前最后一次记录（没有的记 0），期末为 ${period.to} 及以前最后一次记录；说明取统计时段内最近一条写了说明的记录。`,
      ]),
      freezeColumns: 2,
    },
    {
      sheetName: '资金',
      title: title('资金下拨和支付情况'),
      columns: MONEY,
      rows: funds.rows,
      totals: { label: '合计', labelKey: 'source', values: funds.totals },
      notes: numberedNotes([
        `按资金来源统计${scope}服务中心的资金：本期为 ${period.text} 内记录的下拨和支付，累计为截至 ${period.to} 的全部记录，计划投资为各中心总投资按来源分列之和。`,
        '金额单位为万元，显示两位小数（单元格数值精确到分），合计按分累加后折合万元。',
      ]),
      freezeColumns: 1,
    },
    {
      sheetName: '进度照片',
      title: title('进度照片清单'),
      columns: PHOTOS,
      rows: photos.map((r, i) => ({ seq: i + 1, ...r, percent: r.percent / 100 })),
      totals: count(photos.length, '条'),
      notes: numberedNotes([`统计时段内的形象进度记录所附的照片，按进度日期排列；照片文件保存在台账数据文件夹中，可在服务中心页面查看。`]),
      freezeColumns: 3,
    },
  ];
  const buffer = await buildReport(reportMeta(ctx, kind === 'monthly' ? CENTRES_MONTHLY_ID : CENTRES_WEEKLY_ID, period), sheets);
  return { buffer, rowCount: sheets.reduce((a, s) => a + s.rows.length, 0) };
}

export const centresMonthlyReport: ReportDefinition = {
  info: {
    id: CENTRES_MONTHLY_ID,
    title: CENTRES_MONTHLY_TITLE,
    module: MODULE,
    description:
      '一个月的服务中心改造进度：本月完成的节点（日期、村、节点、计划日期、逾期天数），逾期未完成的节点，形象进度变化（期初、期末、最近说明），按资金来源的本期与累计下拨、支付，以及本月进度照片清单；默认本月1日至今，可按村（社区）筛选。',
    params: ['period', 'units'],
  },
  build: (ctx, params) => buildPeriodic(ctx, params, 'monthly'),
};

export const centresWeeklyReport: ReportDefinition = {
  info: {
    id: CENTRES_WEEKLY_ID,
    title: CENTRES_WEEKLY_TITLE,
    module: MODULE,
    description: '每周调度用：与月度进度报告相同的五张表（节点完成、节点逾期、形象进度变化、资金下拨和支付、进度照片），默认最近7天（含今天），可按村（社区）筛选。',
    params: ['period', 'units'],
  },
  build: (ctx, params) => buildPeriodic(ctx, params, 'weekly'),
};
