/**
 * 村"两委"后备人才花名册: one row per live reserve, village by village in the township's order, pinyin order
 * within a village. Everyone is listed with the status they have today (在库, 已任用 with the post, 出库 …),
 * so the 花名册 is also the record of who has left; the note under the table says so and counts each status.
 */
import { today, type LedgerContext } from '../../context';
import { buildReport, type CellInput, type ReportColumn } from '../../excel/builder';
import { idHasher } from '../../district/origin';
import { maskIdNumber } from '../../people/idcard';
import { EDUCATION_LABELS, ETHNICITY_LABELS } from '../../people/roster-report';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { asOf, headcountTotals, reportMeta } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { RESERVE_STATUSES, type ReserveStatus } from '../codes';
import { FROM_RESERVES, POLITICAL_SQL, ageSql } from '../sql';
import { MODULE, STATUS_CODES, STATUS_LABELS, VILLAGE_ORDER, numberedNotes, unitsWhere } from './common';

export const RESERVES_ROSTER_ID = 'reserves-roster';
export const RESERVES_ROSTER_TITLE = '村"两委"后备人才花名册';
const SHEET = '后备人才花名册';

const COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
  { key: 'unitName', header: '村（社区）', width: 12 },
  { key: 'name', header: '姓名', width: 8, align: 'center' },
  { key: 'gender', header: '性别', width: 5, align: 'center' },
  { key: 'ethnicity', header: '民族', width: 7, align: 'center', codes: ETHNICITY_LABELS },
  { key: 'birthDate', header: '出生年月', type: 'date', width: 11 },
  { key: 'age', header: '年龄', type: 'int', width: 5, align: 'center' },
  { key: 'education', header: '学历', width: 9, align: 'center', codes: EDUCATION_LABELS },
  { key: 'political', header: '政治面貌', width: 9, align: 'center' },
  { key: 'source', header: '来源类别', width: 11 },
  { key: 'postDirection', header: '岗位方向', width: 9, align: 'center' },
  { key: 'crossVillage', header: '是否跨村', width: 5, align: 'center', codes: { '1': '是', '0': '否' } },
  { key: 'enteredOn', header: '入库日期', type: 'date', width: 11 },
  { key: 'filedOn', header: '区县备案日期', type: 'date', width: 11 },
  { key: 'status', header: '状态', width: 11, align: 'center' },
  // The status alone, coded, for a reader that counts: the printed 状态 also names the post taken.
  { key: 'statusCode', header: '状态代码', dataOnly: true, codes: STATUS_LABELS },
  { key: 'mentor', header: '帮带导师', width: 14 },
  { key: 'trainings', header: '培养次数', type: 'int', width: 5, align: 'center', total: 'sum' },
  // 学时 may be fractional (a half-day session): printed as written; the builder's number types print whole numbers or 元.
  { key: 'hours', header: '学时', width: 6, align: 'center' },
  // Wide enough for 11 digits / 18 characters on one line in LibreOffice's and WPS's fonts too.
  { key: 'phone', header: '联系电话', width: 14, align: 'center' },
  { key: 'idNumber', header: '公民身份号码', width: 22, align: 'center' },
  { key: 'idNumberKey', header: '公民身份号码密文', dataOnly: true },
];

interface RosterSqlRow {
  unitName: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  age: number;
  education: string | null;
  political: string;
  source: string;
  postDirection: string;
  crossVillage: number;
  enteredOn: string | null;
  filedOn: string | null;
  status: string;
  appointedPost: string | null;
  mentorName: string | null;
  mentorPost: string | null;
  trainings: number;
  hours: number;
  phone: string | null;
  idNumber: string;
}

/** The rows as the 花名册 prints them; exported for the tests and the 一人一卡 selection. */
export function reserveRosterRows(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds' | 'maskIdNumbers'>): Record<string, CellInput>[] {
  const on = today(ctx);
  const units = unitsWhere(params);
  // ageSql takes a date literal: `on` is the ledger's own clock, never typed by anyone.
  const found = cachedStatement(
    ctx.sqlite,
    `SELECT u.name AS unitName, p.name, p.gender, p.ethnicity, p.birth_date AS birthDate, ${ageSql(on)} AS age, p.education,
       ${POLITICAL_SQL} AS political, r.source, r.post_direction AS postDirection, r.cross_village AS crossVillage,
       r.town_review_on AS enteredOn, r.filed_on AS filedOn, r.status, r.appointed_post AS appointedPost,
       r.mentor_name AS mentorName, r.mentor_post AS mentorPost, r.training_count AS trainings, r.training_hours AS hours,
       p.phone, p.id_number AS idNumber
     ${FROM_RESERVES}${units.sql} ORDER BY ${VILLAGE_ORDER}`,
  ).all(units.bind) as RosterSqlRow[];
  const mask = params.maskIdNumbers !== false;
  const idKey = idHasher(ctx);
  return found.map((r, i) => ({
    seq: i + 1,
    unitName: r.unitName,
    name: r.name,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: r.birthDate,
    age: r.age,
    education: r.education ?? '',
    political: r.political,
    source: r.source,
    postDirection: r.postDirection,
    crossVillage: r.crossVillage ? '1' : '0',
    enteredOn: r.enteredOn ?? '',
    filedOn: r.filedOn ?? '',
    status: r.status === '已任用' && r.appointedPost ? `已任用（${r.appointedPost}）` : r.status,
    statusCode: STATUS_CODES[r.status as ReserveStatus] ?? r.status,
    mentor: r.mentorName ? `${r.mentorName}${r.mentorPost ? `（${r.mentorPost}）` : ''}` : '',
    trainings: r.trainings,
    hours: hoursText(r.hours),
    phone: r.phone ?? '',
    idNumber: mask ? maskIdNumber(r.idNumber) : r.idNumber,
    idNumberKey: idKey(r.idNumber),
  }));
}

/** 32 → "32", 32.5 → "32.5": at most one decimal, as hours are entered. */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** "在库 12 人、已任用 3 人、出库 1 人": the statuses present, in the register's order. */
export function statusSummary(rows: Record<string, CellInput>[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const label = STATUS_LABELS[String(r.statusCode)] ?? String(r.statusCode);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = RESERVE_STATUSES.filter((s) => counts.has(s)).map((s) => `${s} ${counts.get(s)} 人`);
  return parts.length ? parts.join('、') : '无';
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const rows = reserveRosterRows(ctx, params);
  const on = today(ctx);
  const meta = { ...reportMeta(ctx, RESERVES_ROSTER_ID, asOf(on)), paper: params.paper ?? 'A4' };
  const buffer = await buildReport(meta, [
    {
      sheetName: SHEET,
      title: RESERVES_ROSTER_TITLE,
      columns: COLUMNS,
      rows,
      totals: { ...headcountTotals(rows.length), values: { ...headcountTotals(rows.length).values, hours: hoursText(rows.reduce((a, r) => a + Number(r.hours), 0)) } },
      notes: numberedNotes([
        `本表列出全部后备人才（含已任用、已出库及推荐考察中的人员），“状态”为截至 ${on} 的状态；其中${statusSummary(rows)}。统计在库人数请以“状态”栏为准。`,
        `年龄按 ${on} 计算；入库日期为乡镇党委复审日期；政治面貌取其发展党员档案，无档案的按录入。`,
      ]),
      freezeColumns: 3,
    },
  ]);
  return { buffer, rowCount: rows.length };
}

export const reservesRosterReport: ReportDefinition = {
  info: {
    id: RESERVES_ROSTER_ID,
    title: RESERVES_ROSTER_TITLE,
    module: MODULE,
    description:
      '全部后备人才按村（社区）、姓名拼音排列，每人一行：基本信息、来源、岗位方向、入库与备案日期、当前状态（已任用的写明职务）、帮带导师、培养次数与学时；可按村（社区）筛选，身份证号默认脱敏；A4 横向。',
    params: ['units', 'mask', 'paper'],
  },
  build,
};
