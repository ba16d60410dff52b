/**
 * 政治审查情况表: the "一谈一报一审一定" of every 发展对象 (a file with 确定发展对象 recorded), so the 党委
 * can see at a glance whose 结论 is missing or dated before a 函调.
 */
import { today, type LedgerContext } from '../../context';
import { getSettings } from '../../org/settings';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { headcountTotals, reportMeta } from '../../reports/meta';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { keyDate } from '../record';
import { MODULE, loadedWhere, unitDisplay } from './common';
import { toMemberRecord, type LoadedRecord } from '../load';
import { STEP_OF_KEY } from '../steps';

export const REVIEW_ID = 'members-review';
const TITLE = '政治审查情况表';

const date = (key: string, header: string[]): ReportColumn => ({ key, header, type: 'date', width: 11 });

/** The four part headings carry the township's own names for 谈/报/审/定 (组织设置 → 单位设置). */
function columns([talk, report, exam, decide]: readonly string[]): ReportColumn[] {
  return [
    { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
    { key: 'name', header: '姓名', width: 8, align: 'center' },
    { key: 'unitName', header: '村（社区）', width: 12 },
    { key: 'branchName', header: '党支部', width: 14 },
    { key: 'fDate', header: '确定发展对象日期', type: 'date', width: 11 },
    date('talkDate', [`谈：${talk}`, '日期']),
    { key: 'talkBy', header: [`谈：${talk}`, '谈话人'], width: 8, align: 'center' },
    date('reportDate', [`报：${report}`, '日期']),
    { key: 'reportMaterials', header: [`报：${report}`, '材料'], width: 18 },
    date('examDate', [`审：${exam}`, '查档日期']),
    { key: 'letters', header: [`审：${exam}`, '函调次数'], type: 'int', width: 10, align: 'center', total: 'sum' },
    date('lastLetter', [`审：${exam}`, '最后函调日期']),
    { key: 'result', header: [`定：${decide}`, '结论'], width: 9, align: 'center' },
    date('conclusionDate', [`定：${decide}`, '日期']),
    { key: 'signer', header: [`定：${decide}`, '签署人'], width: 8, align: 'center' },
    { key: 'afterLetters', header: '结论是否晚于全部函调', width: 10, align: 'center' },
  ];
}

/** '是' / '否', or '—' while there is no dated 结论 to judge. */
function afterAllLetters(conclusionDate: string | null | undefined, letterDates: string[]): string {
  if (!conclusionDate) return '—';
  return letterDates.every((d) => conclusionDate > d) ? '是' : '否';
}

export function reviewRows(files: LoadedRecord[]): Record<string, CellInput>[] {
  return files
    .map((loaded) => ({ loaded, record: toMemberRecord(loaded) }))
    .filter((j) => keyDate(j.record, 'F') !== undefined)
    .map((j, i) => {
      const r = j.loaded.review;
      const letterDates = j.loaded.letters.map((l) => l.date).sort();
      return {
        seq: i + 1,
        name: j.loaded.person.name,
        unitName: unitDisplay(j.loaded.unitName),
        branchName: j.loaded.branchName ?? '',
        fDate: keyDate(j.record, 'F'),
        talkDate: r?.talkDate,
        talkBy: r?.talkBy,
        reportDate: r?.reportDate,
        reportMaterials: r?.reportMaterials,
        examDate: r?.examDate,
        letters: letterDates.length,
        lastLetter: letterDates.at(-1),
        result: r?.conclusionResult ?? '未作结论',
        conclusionDate: r?.conclusionDate,
        signer: r?.conclusionSigner,
        afterLetters: afterAllLetters(r?.conclusionDate, letterDates),
      };
    });
}

async function build(ctx: LedgerContext, params: ReportParams) {
  // Only files that reached 确定发展对象 (the step the 政审 follows) have a row.
  const rows = reviewRows(loadedWhere(ctx, params, 's.record_id IN (SELECT record_id FROM member_steps WHERE step_no = @step)', { step: STEP_OF_KEY.F }));
  const buffer = await buildReport(reportMeta(ctx, REVIEW_ID, `截至 ${today(ctx)}`), [
    {
      sheetName: TITLE,
      title: TITLE,
      columns: columns(getSettings(ctx).reviewPartLabels),
      rows,
      totals: headcountTotals(rows.length),
      freezeColumns: 2,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const reviewReport: ReportDefinition = {
  info: {
    id: REVIEW_ID,
    title: TITLE,
    module: MODULE,
    description: '已确定为发展对象的人员的政治审查“一谈一报一审一定”：谈话、报送材料、查档与函调、审查结论，并标出结论是否晚于全部函调；可按村（社区）筛选。',
    params: ['units'],
  },
  build,
};
