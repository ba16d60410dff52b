/**
 * 人员花名册: every person on record, village by village. It is also the template other rosters follow:
 * query, shape rows in the clerks' column order, hand them to the Excel builder.
 */
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { orgUnits, people } from '../../db/schema';
import { today, type LedgerContext } from '../context';
import { buildReport, type ReportColumn } from '../excel/builder';
import type { ReportDefinition, ReportParams } from '../reports/definition';
import { asOf, headcountTotals, reportMeta } from '../reports/meta';
import { EDUCATIONS, ETHNICITIES } from './codes';
import { maskIdNumber } from './idcard';
import { comparePinyin } from './pinyin';
import { personColumns } from './service';

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
  { key: 'education', header: ['基本信息', '学历'], align: 'center', codes: EDUCATION_LABELS },
  // The longest 职业 category would claim 34 units; wrapping it keeps the roster on one landscape page width.
  { key: 'occupation', header: ['职业情况', '职业'], width: 18 },
  { key: 'jobPost', header: ['职业情况', '工作岗位'] },
  { key: 'phone', header: ['联系方式', '联系电话'], align: 'center' },
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

export function rosterRows(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds' | 'maskIdNumbers'>): RosterRow[] {
  const where: SQL[] = [isNull(people.deletedAt)];
  if (params.unitIds?.length) where.push(inArray(people.unitId, params.unitIds));
  // Only what the roster prints: at 100k people every extra column is megabytes held until the file is written.
  const { id, name, gender, ethnicity, birthDate, idNumber, education, occupation, jobPost, unitName, phone, hukou, note } = personColumns;
  const found = ctx.db
    .select({ id, name, gender, ethnicity, birthDate, idNumber, education, occupation, jobPost, unitName, phone, hukou, note, unitOrder: orgUnits.sortOrder })
    .from(people)
    .leftJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(and(...where))
    .all();
  // People without a village go last rather than first, where a NULL sort order would put them. Equal texts
  // skip the collator: within a village every comparison would otherwise weigh the same village name.
  found.sort(
    (a, b) =>
      (a.unitOrder ?? Number.MAX_SAFE_INTEGER) - (b.unitOrder ?? Number.MAX_SAFE_INTEGER) ||
      pinyinOrder(a.unitName ?? '', b.unitName ?? '') ||
      pinyinOrder(a.name, b.name) ||
      a.id - b.id,
  );
  const mask = params.maskIdNumbers !== false;
  const rows = new Array<RosterRow>(found.length);
  // Each fetched record is let go as soon as its row exists, so the two lists are not held whole at once.
  const fetched: ((typeof found)[number] | null)[] = found;
  for (let i = 0; i < fetched.length; i++) {
    const p = fetched[i]!;
    fetched[i] = null;
    rows[i] = {
      seq: i + 1,
      unitName: p.unitName ?? '',
      name: p.name,
      gender: p.gender,
      ethnicity: p.ethnicity,
      birthDate: p.birthDate,
      idNumber: mask ? maskIdNumber(p.idNumber) : p.idNumber,
      education: p.education ?? '',
      occupation: p.occupation ?? '',
      jobPost: p.jobPost ?? '',
      phone: p.phone ?? '',
      hukou: p.hukou ?? '',
      note: p.note ?? '',
    };
  }
  return rows;
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
