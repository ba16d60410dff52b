/**
 * 人员花名册: every person on record, village by village. It is also the template other rosters follow:
 * query, shape rows in the clerks' column order, hand them to the Excel builder.
 */
import { today, type LedgerContext } from '../context';
import { buildReport, type ReportColumn } from '../excel/builder';
import type { ReportDefinition, ReportParams } from '../reports/definition';
import { asOf, headcountTotals, reportMeta } from '../reports/meta';
import { EDUCATIONS, ETHNICITIES } from './codes';
import { idHasher } from '../district/origin';
import { maskIdNumber } from './idcard';
import { cachedStatement } from '../schema/statements';
import { comparePinyin } from './pinyin';

const TITLE = '人员花名册';

/** Code → name of 民族 (GB/T 3304) and 学历 (GB/T 4658): a roster prints the name and keeps the code in `_data`. */
export const ETHNICITY_LABELS: Record<string, string> = Object.fromEntries(ETHNICITIES.map((e) => [e.code, e.name]));
export const EDUCATION_LABELS: Record<string, string> = Object.fromEntries(EDUCATIONS.map((e) => [e.code, e.name]));

export const ROSTER_COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', align: 'center' },
  { key: 'unitName', header: '所在村（社区）' },
  { key: 'name', header: ['基本信息', '姓名'] },
  { key: 'gender', header: ['基本信息', '性别'], align: 'center' },
  { key: 'ethnicity', header: ['基本信息', '民族'], align: 'center', codes: ETHNICITY_LABELS },
  { key: 'birthDate', header: ['基本信息', '出生日期'], type: 'date' },
  { key: 'idNumber', header: ['基本信息', '公民身份号码'], align: 'center' },
  // The keyed hash of the full number (the county key), so the district finds one person across masked files.
  { key: 'idNumberKey', header: '公民身份号码密文', dataOnly: true },
  { key: 'education', header: ['基本信息', '学历'], align: 'center', codes: EDUCATION_LABELS },
  // The longest 职业 category would claim 34 units; wrapping it keeps the roster on one landscape page width.
  { key: 'occupation', header: ['职业情况', '职业'], width: 18 },
  { key: 'jobPost', header: ['职业情况', '工作岗位'] },
  { key: 'phone', header: ['联系方式', '联系电话'], width: 15, align: 'center' },
  { key: 'hukou', header: ['联系方式', '户籍地'] },
  { key: 'note', header: '备注' },
];

/** Pinyin order, as a clerk would look a name up on paper; SQLite would sort by code point. */

export interface RosterRow {
  [key: string]: string | number | null;
  seq: number;
  unitName: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  education: string;
  occupation: string;
  jobPost: string;
  phone: string;
  hukou: string;
  note: string;
}

/**
 * Only what the roster prints, already in its shape: at 100k people every extra column or object is megabytes held
 * until the file is written, and each row is finished in place once sorted.
 */
const ROSTER_SQL = `SELECT p.id, coalesce(u.name, '') AS unitName, p.name, p.gender, p.ethnicity, p.birth_date AS birthDate,
  p.id_number AS idNumber, coalesce(p.education, '') AS education, coalesce(p.occupation, '') AS occupation,
  coalesce(p.job_post, '') AS jobPost, coalesce(p.phone, '') AS phone, coalesce(p.hukou, '') AS hukou, coalesce(p.note, '') AS note,
  u.sort_order AS unitOrder
  FROM people p LEFT JOIN org_units u ON u.id = p.unit_id
  WHERE p.deleted_at IS NULL`;

/** A roster row as read, before its 序号 is given (after sorting). */
type FoundRow = RosterRow & { id: number; unitOrder: number | null };

export function rosterRows(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds' | 'maskIdNumbers'>): RosterRow[] {
  const found = (
    params.unitIds?.length
      ? cachedStatement(ctx.sqlite, `${ROSTER_SQL} AND p.unit_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(params.unitIds))
      : cachedStatement(ctx.sqlite, ROSTER_SQL).all()
  ) as FoundRow[];
  // People without a village go last rather than first, where a NULL sort order would put them. Equal texts
  // skip the collator: within a village every comparison would otherwise weigh the same village name.
  found.sort(
    (a, b) =>
      (a.unitOrder ?? Number.MAX_SAFE_INTEGER) - (b.unitOrder ?? Number.MAX_SAFE_INTEGER) ||
      pinyinOrder(a.unitName, b.unitName) ||
      pinyinOrder(a.name, b.name) ||
      a.id - b.id,
  );
  const mask = params.maskIdNumbers !== false;
  const idKey = idHasher(ctx);
  for (let i = 0; i < found.length; i++) {
    const row = found[i]!;
    row.seq = i + 1;
    row.idNumberKey = idKey(row.idNumber);
    if (mask) row.idNumber = maskIdNumber(row.idNumber);
  }
  return found;
}

function pinyinOrder(a: string, b: string): number {
  return a === b ? 0 : comparePinyin(a, b);
}

export const rosterReport: ReportDefinition = {
  info: {
    id: 'people-roster',
    title: TITLE,
    module: '人员库',
    description: '全部在册人员按村（社区）排列，含基本信息、职业与联系方式；可按村（社区）筛选，身份证号默认脱敏。',
    params: ['units', 'mask'],
  },
  async build(ctx, params) {
    const rows = rosterRows(ctx, params);
    const meta = reportMeta(ctx, 'people-roster', asOf(today(ctx)));
    const buffer = await buildReport(meta, [
      {
        sheetName: TITLE,
        title: TITLE,
        columns: ROSTER_COLUMNS,
        rows,
        totals: headcountTotals(rows.length),
        freezeColumns: 3,
      },
    ]);
    return { buffer, rowCount: rows.length };
  },
};
