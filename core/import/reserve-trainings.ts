/**
 * Importing 后备人才培训记录: one row per person per training, matched by person + 培养类型 + 开始日期. A new row is
 * written through addTraining as a class of one (its 经费 is this person's share); a row that differs from an
 * enrolment already kept updates that training when it is a class of one, and is refused for a larger class.
 */
import { eq } from 'drizzle-orm';
import { reserveEnrolments, reserveTrainings } from '../../db/schema';
import { today, type LedgerContext } from '../context';
import { invalid } from '../errors';
import type { PlainValue } from '../excel/read';
import { maskIdNumber } from '../people/idcard';
import { personLookups } from '../people/service';
import { COST_ITEMS } from '../reserves/codes';
import { getReserveConfig } from '../reserves/config';
import { parseYuan } from '../reserves/money';
import { trainingInput, trainingUpdate } from '../reserves/schemas';
import { refreshReserves } from '../reserves/state';
import { addTraining, removeTraining, updateTraining } from '../reserves/trainings';
import type { FieldDef } from './header';
import { take, type FieldProblem, type ImportKind, type ReadContext, type ReadRow, type WrittenItem } from './kind';
import { cellText, readDate, readIdNumber, readNumber, type Read } from './values';

export const TRAINING_FIELDS: FieldDef[] = [
  { key: 'name', label: '姓名' },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证', '证件号码'], required: true },
  { key: 'type', label: '培养类型', synonyms: ['培训类型', '培养方式', '培训方式', '类型'], required: true },
  { key: 'title', label: '名称', synonyms: ['培训名称', '班次名称', '培训班名称', '培训内容', '项目名称'] },
  { key: 'host', label: '承办单位', synonyms: ['主办单位', '培训单位', '挂职单位', '培训机构', '院校'] },
  { key: 'startOn', label: '开始日期', synonyms: ['开始时间', '培训开始日期', '入学日期', '培训时间', '日期'], required: true },
  { key: 'endOn', label: '结束日期', synonyms: ['结束时间', '培训结束日期', '毕业日期'] },
  { key: 'hours', label: '学时', synonyms: ['培训学时', '课时'] },
  { key: 'cost', label: '经费（元）', synonyms: ['经费', '培训经费', '费用', '经费元'] },
  { key: 'fundingSource', label: '经费来源', synonyms: ['资金来源'] },
  { key: 'costItem', label: '经费科目', synonyms: ['支出科目', '科目'] },
  { key: 'result', label: '结业情况', synonyms: ['结业', '是否结业', '证书编号', '培训结果'] },
];

const FACTS = ['title', 'host', 'endOn', 'hours', 'costFen', 'fundingSource', 'costItem', 'result'] as const;

export interface TrainingImportRow {
  name: string;
  idNumber: string;
  type: string;
  startOn: string;
  /** Only what the row gives: a blank cell keeps what the ledger has. */
  facts: Partial<Record<(typeof FACTS)[number], string | number>>;
}

function readCost(v: PlainValue): Read<number | null> {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { ok: true, value: null };
  const text = typeof v === 'number' && v >= 0 && Math.abs(Number(v.toFixed(2)) - v) < 1e-9 * Math.max(1, v) ? v.toFixed(2) : cellText(v);
  const fen = parseYuan(text);
  return fen === null ? { ok: false, message: `经费“${cellText(v)}”不是精确到分的金额（元）` } : { ok: true, value: fen };
}

function readTrainingRow(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<TrainingImportRow> {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const name = cellText(cells.name ?? null).replace(/\s+/g, '');
  const idNumber = take(problems, notes, 'idNumber', readIdNumber(cells.idNumber ?? null, rc.today));
  const type = cellText(cells.type ?? null).replace(/\s+/g, '');
  if (!type) problems.push({ key: 'type', message: '缺少培养类型' });
  const startOn = take(problems, notes, 'startOn', readDate(cells.startOn ?? null));
  if (!startOn && !problems.some((p) => p.key === 'startOn')) problems.push({ key: 'startOn', message: '缺少开始日期' });
  const facts: TrainingImportRow['facts'] = {};
  const put = (k: (typeof FACTS)[number], value: string | number | null) => {
    if (value !== null && value !== '') facts[k] = value;
  };
  for (const k of ['title', 'host', 'fundingSource', 'result'] as const) put(k, cellText(cells[k] ?? null));
  put('endOn', take(problems, notes, 'endOn', readDate(cells.endOn ?? null)));
  put('hours', take(problems, notes, 'hours', readNumber(cells.hours ?? null, '学时')));
  put('costFen', take(problems, notes, 'cost', readCost(cells.cost ?? null)));
  const item = cellText(cells.costItem ?? null).replace(/\s+/g, '');
  if (item && !(COST_ITEMS as readonly string[]).includes(item)) problems.push({ key: 'costItem', message: `经费科目“${item}”应为 ${COST_ITEMS.join('、')} 之一` });
  put('costItem', item);
  const value = problems.length ? null : { name, idNumber: idNumber!, type, startOn: startOn!, facts };
  const label = `${name || '（未填姓名）'}${idNumber ? `（${maskIdNumber(idNumber)}）` : ''} ${type} ${startOn ?? ''}`.trim();
  return { value, problems, notes, label, key: idNumber && type && startOn ? `${idNumber}|${type}|${startOn}` : null };
}

type StoredTraining = typeof reserveTrainings.$inferSelect;
interface Enrolled extends StoredTraining {
  enrolmentId: number;
  shareFen: number;
  result: string | null;
  classSize: number;
}

interface Plan {
  problems: FieldProblem[];
  reserveId: number | null;
  existing: Enrolled | null;
  merged: Record<string, unknown>;
  same: boolean;
}

const fieldOf = (path: PropertyKey | undefined) => (path === 'costFen' ? 'cost' : path === 'reserveIds' ? 'idNumber' : String(path ?? '')) || null;

function plan(ctx: LedgerContext, v: TrainingImportRow): Plan {
  const problems: FieldProblem[] = [];
  const out: Plan = { problems, reserveId: null, existing: null, merged: {}, same: false };
  const person = personLookups(ctx).byIdNumber(v.idNumber);
  const reserveId = person && !person.deletedAt ? (ctx.sqlite.prepare('SELECT id FROM reserves WHERE person_id = ? AND deleted_at IS NULL').pluck().get(person.id) as number | undefined) : undefined;
  if (reserveId === undefined) {
    problems.push({ key: 'idNumber', message: '此人不在后备人才名册中（或已删除），请先录入或导入后备人才' });
    return out;
  }
  out.reserveId = reserveId;
  const config = getReserveConfig(ctx);
  if (!config.trainingTypes.includes(v.type)) problems.push({ key: 'type', message: `培养类型“${v.type}”不在本乡镇的培养类型中，可选：${config.trainingTypes.join('、')}` });
  out.existing =
    (ctx.sqlite
      .prepare(
        `SELECT t.id, t.type, t.title, t.host, t.start_on AS startOn, t.end_on AS endOn, t.hours, t.cost_fen AS costFen, t.funding_source AS fundingSource,
           t.cost_item AS costItem, t.note, t.deleted_at AS deletedAt, t.created_at AS createdAt, t.updated_at AS updatedAt,
           e.id AS enrolmentId, e.cost_fen AS shareFen, e.result, (SELECT count(*) FROM reserve_enrolments x WHERE x.training_id = t.id) AS classSize
         FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id
         WHERE e.reserve_id = ? AND t.type = ? AND t.start_on = ? AND t.deleted_at IS NULL ORDER BY t.id LIMIT 1`,
      )
      .get(reserveId, v.type, v.startOn) as Enrolled | undefined) ?? null;
  const e = out.existing;
  const stored: Record<string, unknown> = e ? { title: e.title, host: e.host, endOn: e.endOn, hours: e.hours, costFen: e.shareFen, fundingSource: e.fundingSource, costItem: e.costItem, result: e.result } : {};
  const m = (out.merged = { hours: 0, costFen: 0, note: e?.note ?? null, ...stored, ...v.facts, type: v.type, startOn: v.startOn });
  if (m.fundingSource && !config.fundingSources.includes(String(m.fundingSource))) {
    problems.push({ key: 'fundingSource', message: `经费来源“${m.fundingSource}”不在本乡镇的经费来源中，可选：${config.fundingSources.join('、')}` });
  }
  if (v.startOn > today(ctx)) problems.push({ key: 'startOn', message: `开始日期（${v.startOn}）晚于今天（${today(ctx)}）` });
  if (typeof m.result === 'string' && m.result.length > 100) problems.push({ key: 'result', message: '结业情况过长（最多100字）' });
  if (problems.length === 0) {
    const parsed = trainingInput.safeParse({ ...m, reserveIds: [reserveId] });
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ key: fieldOf(issue.path[0]), message: issue.message });
  }
  out.same = !!e && FACTS.every((k) => (m[k] ?? null) === (stored[k] ?? null));
  if (e && !out.same && e.classSize > 1) problems.push({ key: null, message: `该培训为多人班次（${e.classSize} 人），请在台账中修改` });
  return out;
}

interface UpdateBefore {
  training: StoredTraining;
  enrolment: { id: number; reserveId: number; costFen: number; result: string | null };
}

function setResult(ctx: LedgerContext, enrolmentId: number, result: unknown): void {
  ctx.db.update(reserveEnrolments).set({ result: (result as string | null | undefined) ?? null }).where(eq(reserveEnrolments.id, enrolmentId)).run();
}

export const reserveTrainingsImport: ImportKind<TrainingImportRow> = {
  id: 'reserve-trainings',
  label: '后备人才培训记录',
  entity: 'reserve_training',
  fields: TRAINING_FIELDS,
  read: readTrainingRow,
  match(ctx, value) {
    const p = plan(ctx, value);
    return { status: p.existing ? (p.same ? '跳过' : '更新') : '新增', existingId: p.existing?.id, problems: p.problems };
  },
  write(ctx, rows) {
    const items: WrittenItem[] = [];
    for (const { value } of rows) {
      const p = plan(ctx, value);
      if (p.problems.length) throw invalid(`${value.name || value.idNumber}：${p.problems[0]!.message}（台账在检查之后有变动，请重新检查后导入）`);
      const e = p.existing;
      if (e) {
        if (p.same) continue;
        const { enrolmentId, shareFen, result, classSize: _size, ...training } = e;
        updateTraining(ctx, trainingUpdate.parse({ ...p.merged, id: e.id }));
        setResult(ctx, enrolmentId, p.merged.result);
        const before: UpdateBefore = { training, enrolment: { id: enrolmentId, reserveId: p.reserveId!, costFen: shareFen, result } };
        items.push({ entity: 'reserve_training', entityId: e.id, action: 'update', before });
        continue;
      }
      const made = addTraining(ctx, trainingInput.parse({ ...p.merged, reserveIds: [p.reserveId] }));
      if (p.merged.result) {
        const row = ctx.db.select({ id: reserveEnrolments.id }).from(reserveEnrolments).where(eq(reserveEnrolments.trainingId, made.id)).get()!;
        setResult(ctx, row.id, p.merged.result);
      }
      items.push({ entity: 'reserve_training', entityId: made.id, action: 'insert' });
    }
    return items;
  },
  undo(ctx, item) {
    if (item.action === 'insert') {
      removeTraining(ctx, item.entityId);
      return;
    }
    const before = item.before as UpdateBefore;
    ctx.db.update(reserveTrainings).set(before.training).where(eq(reserveTrainings.id, item.entityId)).run();
    ctx.db.update(reserveEnrolments).set({ costFen: before.enrolment.costFen, result: before.enrolment.result }).where(eq(reserveEnrolments.id, before.enrolment.id)).run();
    refreshReserves(ctx, [before.enrolment.reserveId]);
  },
};
