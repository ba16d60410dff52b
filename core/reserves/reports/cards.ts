/**
 * 后备人才一人一卡: one printed A4 portrait page per reserve — a photo box, the facts, the trainings, the village
 * affairs and the assessments — for the reserves picked in the list (exportInput.ids) or, when none are picked,
 * every live reserve of the chosen villages. The card layout is drawn by core/excel/card.ts, loaded on first use.
 */
import { Writable } from 'node:stream';
import { today, type LedgerContext } from '../../context';
import type { CellInput, ReportColumn } from '../../excel/builder';
import { invalid } from '../../errors';
import { EDUCATION_LABELS, ETHNICITY_LABELS } from '../../people/roster-report';
import type { ReportDefinition, ReportParams } from '../../reports/definition';
import { asOf, reportMeta } from '../../reports/meta';
import { cachedStatement } from '../../schema/statements';
import { FROM_RESERVES, POLITICAL_SQL } from '../sql';
import type { Card, CardFile } from '../../excel/card';
import type { ReserveStatus } from '../codes';
import { MODULE, STATUS_CODES, STATUS_LABELS, VILLAGE_ORDER, unitsWhere } from './common';
import { hoursText } from './roster';

export const RESERVES_CARDS_ID = 'reserves-cards';
export const RESERVES_CARDS_TITLE = '后备人才一人一卡';
const SHEET = '一人一卡';
/** A card holds one page: the newest lines of a long list are printed, the rest counted. */
export const MAX_TRAININGS = 10;
export const MAX_ASSESSMENTS = 8;

interface CardRow {
  id: number;
  unitName: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  education: string | null;
  political: string;
  source: string;
  postDirection: string;
  enteredOn: string | null;
  filedOn: string | null;
  mentorName: string | null;
  mentorPost: string | null;
  phone: string | null;
  status: string;
  statusOn: string;
  appointedPost: string | null;
  trainingCount: number;
  trainingHours: number;
  affairCount: number;
}

const DATA_COLUMNS: ReportColumn[] = [
  { key: 'seq', header: '序号', type: 'int' },
  { key: 'unitName', header: '村（社区）' },
  { key: 'name', header: '姓名' },
  { key: 'gender', header: '性别' },
  { key: 'ethnicity', header: '民族', codes: ETHNICITY_LABELS },
  { key: 'birthDate', header: '出生年月', type: 'date' },
  { key: 'education', header: '学历', codes: EDUCATION_LABELS },
  { key: 'political', header: '政治面貌' },
  { key: 'source', header: '来源' },
  { key: 'postDirection', header: '岗位方向' },
  { key: 'enteredOn', header: '入库日期', type: 'date' },
  { key: 'filedOn', header: '区县备案日期', type: 'date' },
  { key: 'mentor', header: '帮带导师' },
  { key: 'phone', header: '联系电话' },
  { key: 'status', header: '状态', codes: STATUS_LABELS },
  { key: 'statusOn', header: '状态日期', type: 'date' },
  { key: 'trainings', header: '培养次数', type: 'int' },
  { key: 'hours', header: '学时' },
  { key: 'affairs', header: '村级事务次数', type: 'int' },
  { key: 'assessments', header: '考核记录数', type: 'int' },
];

/** The reserves the cards are for, in village and pinyin order; a picked id that is gone is refused, not skipped. */
function cardRows(ctx: LedgerContext, params: Pick<ReportParams, 'unitIds' | 'ids'>): CardRow[] {
  const units = unitsWhere(params);
  const picked = params.ids?.length ? [...new Set(params.ids)] : null;
  const select = `SELECT r.id, u.name AS unitName, p.name, p.gender, p.ethnicity, p.birth_date AS birthDate, p.education, ${POLITICAL_SQL} AS political,
      r.source, r.post_direction AS postDirection, r.town_review_on AS enteredOn, r.filed_on AS filedOn, r.mentor_name AS mentorName,
      r.mentor_post AS mentorPost, p.phone, r.status, r.status_on AS statusOn, r.appointed_post AS appointedPost,
      r.training_count AS trainingCount, r.training_hours AS trainingHours, r.affair_count AS affairCount
    ${FROM_RESERVES}`;
  if (!picked) return cachedStatement(ctx.sqlite, `${select}${units.sql} ORDER BY ${VILLAGE_ORDER}`).all(units.bind) as CardRow[];
  const ids = JSON.stringify(picked);
  const live = cachedStatement(ctx.sqlite, `SELECT count(*) ${FROM_RESERVES} AND r.id IN (SELECT value FROM json_each(@ids))`, 'pluck').get({ ids }) as number;
  if (live < picked.length) {
    throw invalid(`所选的 ${picked.length} 名后备人才中有 ${picked.length - live} 名不存在或已删除，请刷新列表后重新选择`, { ids: '所选人员有误' });
  }
  // Picked and in the chosen villages, when both are given.
  return cachedStatement(ctx.sqlite, `${select} AND r.id IN (SELECT value FROM json_each(@ids))${units.sql} ORDER BY ${VILLAGE_ORDER}`).all({ ids, ...units.bind }) as CardRow[];
}

const TRAININGS_SQL = `SELECT t.start_on AS startOn, t.end_on AS endOn, t.type, t.title, t.host, t.hours, e.result
  FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id
  WHERE e.reserve_id = ? AND t.deleted_at IS NULL ORDER BY t.start_on DESC, t.id DESC LIMIT ${MAX_TRAININGS}`;
const AFFAIRS_SQL = `SELECT a.affair_type AS type, count(*) AS n FROM reserve_affair_participants x JOIN reserve_affairs a ON a.id = x.affair_id
  WHERE x.reserve_id = ? AND a.deleted_at IS NULL GROUP BY 1 ORDER BY n DESC, 1`;
const ASSESSMENTS_SQL = `SELECT period, points, rating, warning_talk_on AS warningTalkOn, note, count(*) OVER () AS total
  FROM reserve_assessments WHERE reserve_id = ? ORDER BY period DESC LIMIT ${MAX_ASSESSMENTS}`;

function card(ctx: LedgerContext, r: CardRow, index: number, count: number): { card: Card; assessments: number } {
  const trainings = cachedStatement(ctx.sqlite, TRAININGS_SQL).all(r.id) as { startOn: string; endOn: string | null; type: string; title: string | null; host: string | null; hours: number; result: string | null }[];
  const affairs = cachedStatement(ctx.sqlite, AFFAIRS_SQL).all(r.id) as { type: string; n: number }[];
  const assessed = cachedStatement(ctx.sqlite, ASSESSMENTS_SQL).all(r.id) as { period: string; points: number | null; rating: string | null; warningTalkOn: string | null; note: string | null; total: number }[];
  const assessmentCount = assessed[0]?.total ?? 0;
  const status = r.status === '已任用' && r.appointedPost ? `已任用（${r.appointedPost}）` : r.status;
  const affairText = r.affairCount ? `共 ${r.affairCount} 次：${affairs.map((a) => `${a.type} ${a.n} 次`).join('、')}` : '无';
  return {
    assessments: assessmentCount,
    card: {
      heading: `${r.unitName}　${r.name}${count > 1 ? `（第 ${index + 1} 张，共 ${count} 张）` : ''}`,
      facts: [
        { label: '姓名', value: r.name },
        { label: '性别', value: r.gender },
        { label: '民族', value: ETHNICITY_LABELS[r.ethnicity] ?? r.ethnicity },
        { label: '出生年月', value: r.birthDate, type: 'date' },
        { label: '学历', value: r.education ? (EDUCATION_LABELS[r.education] ?? r.education) : '' },
        { label: '政治面貌', value: r.political },
        { label: '村（社区）', value: r.unitName },
        { label: '来源', value: r.source },
        { label: '岗位方向', value: r.postDirection },
        { label: '入库日期', value: r.enteredOn ?? '', type: 'date' },
        { label: '帮带导师', value: r.mentorName ? `${r.mentorName}${r.mentorPost ? `（${r.mentorPost}）` : ''}` : '' },
        { label: '联系电话', value: r.phone ?? '' },
        { label: '当前状态', value: status },
        { label: '区县备案日期', value: r.filedOn ?? '', type: 'date' },
      ],
      sections: [
        {
          title: `培养情况（共 ${r.trainingCount} 次，${hoursText(r.trainingHours)} 学时）`,
          columns: [
            { header: '开始日期', span: 1, type: 'date' },
            { header: '结束日期', span: 1, type: 'date' },
            { header: '培养类型', span: 1 },
            { header: '名称', span: 2 },
            { header: '承办单位', span: 1 },
            { header: '学时', span: 1, align: 'center' },
            { header: '结果', span: 1, align: 'center' },
          ],
          // Newest first from SQL, printed oldest first as the career runs.
          rows: trainings.reverse().map((t) => [t.startOn, t.endOn ?? '', t.type, t.title ?? '', t.host ?? '', hoursText(t.hours), t.result ?? '']),
          empty: '无培养记录',
          ...(r.trainingCount > trainings.length ? { footnote: `另有较早的 ${r.trainingCount - trainings.length} 次培养未列出，详见后备人才花名册和个人档案。` } : {}),
        },
        { title: '参与村级事务', text: affairText },
        {
          title: '考核情况',
          columns: [
            { header: '考核期', span: 2 },
            { header: '季度积分', span: 1, type: 'int' },
            { header: '年度等次', span: 1, align: 'center' },
            { header: '警示谈话日期', span: 2, type: 'date' },
            { header: '备注', span: 2 },
          ],
          rows: assessed.reverse().map((a) => [periodText(a.period), a.points, a.rating ?? '', a.warningTalkOn ?? '', a.note ?? '']),
          empty: '无考核记录',
          ...(assessmentCount > assessed.length ? { footnote: `另有较早的 ${assessmentCount - assessed.length} 条考核记录未列出。` } : {}),
        },
      ],
    },
  };
}

/** "2026Q1" → "2026年第一季度", "2026" → "2026年度". */
function periodText(period: string): string {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(period);
  if (!m) return period;
  return m[2] ? `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度` : `${m[1]}年度`;
}

async function build(ctx: LedgerContext, params: ReportParams) {
  const rows = cardRows(ctx, params);
  const cards: Card[] = [];
  const data: Record<string, CellInput>[] = [];
  rows.forEach((r, i) => {
    const made = card(ctx, r, i, rows.length);
    cards.push(made.card);
    data.push({
      seq: i + 1,
      unitName: r.unitName,
      name: r.name,
      gender: r.gender,
      ethnicity: r.ethnicity,
      birthDate: r.birthDate,
      education: r.education ?? '',
      political: r.political,
      source: r.source,
      postDirection: r.postDirection,
      enteredOn: r.enteredOn ?? '',
      filedOn: r.filedOn ?? '',
      mentor: r.mentorName ?? '',
      phone: r.phone ?? '',
      status: STATUS_CODES[r.status as ReserveStatus] ?? r.status,
      statusOn: r.statusOn,
      trainings: r.trainingCount,
      hours: hoursText(r.trainingHours),
      affairs: r.affairCount,
      assessments: made.assessments,
    });
  });
  const file: CardFile = {
    sheetName: SHEET,
    title: RESERVES_CARDS_TITLE,
    cards,
    none: '所选范围内没有后备人才。',
    data: { columns: DATA_COLUMNS, rows: data },
  };
  const meta = reportMeta(ctx, RESERVES_CARDS_ID, asOf(today(ctx)));
  const { writeCardWorkbook } = await import('../../excel/card');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeCardWorkbook(sink, meta, file);
  return { buffer: Buffer.concat(chunks), rowCount: cards.length };
}

export const reservesCardsReport: ReportDefinition = {
  info: {
    id: RESERVES_CARDS_ID,
    title: RESERVES_CARDS_TITLE,
    module: MODULE,
    description:
      '每名后备人才一页（A4 竖向）：照片栏、基本信息、来源与岗位方向、入库日期、帮带导师、培养记录、参与村级事务次数和考核情况；导出在名册中勾选的人员，未勾选时导出所选村（社区）的全部后备人才。',
    params: ['selection', 'units'],
  },
  build,
};
