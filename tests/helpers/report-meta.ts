import type { ReportMeta } from '../../core/excel/builder';

/** The 填报单位 and signature facts of a 多巴镇 report, for tests that build sheets without a ledger. */
export const REPORT_META: ReportMeta = {
  unitName: '中共湟中区多巴镇委员会',
  filledDate: '2026-11-27',
  fillerName: '张明',
  reviewerName: '李红梅',
  phone: '0971-2231234',
  fonts: { title: '黑体', header: '黑体', body: '宋体' },
};
