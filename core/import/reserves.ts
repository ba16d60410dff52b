/**
 * Importing 村"两委"后备人才: one row per reserve. The person is matched by 公民身份号码 and, when not yet in the
 * 人员库, created from the row's 姓名/性别/民族/出生日期/学历 (as the 发展党员台账 import does); the reserve is the
 * person's live record (更新 / 跳过) or a new one (新增). Rows are written through createReserve / updateReserve, so
 * the township's lists, the review chain's order and the derived status are checked exactly as in the form.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { reserveEvents, reserves } from '../../db/schema';
import { today, type LedgerContext } from '../context';
import { LedgerError, invalid } from '../errors';
import type { PlainValue } from '../excel/read';
import { insertPeopleBatch } from '../people/bulk';
import { maskIdNumber } from '../people/idcard';
import { personInput, type PersonInput } from '../people/schemas';
import { personLookups } from '../people/service';
import { NOMINATION_METHODS, POLITICAL_STATUSES } from '../reserves/codes';
import { getReserveConfig } from '../reserves/config';
import { reserveInput, reserveUpdate } from '../reserves/schemas';
import { createReserve, updateReserve } from '../reserves/service';
import { refreshReserves } from '../reserves/state';
import type { FieldDef } from './header';
import { take, type FieldProblem, type ImportKind, type ReadContext, type ReadRow, type WrittenItem } from './kind';
import { peopleImport } from './people';
import { cellText, readDate, readEducation, readEthnicity, readGender, readIdNumber, type Read } from './values';

export const RESERVE_FIELDS: FieldDef[] = [
  { key: 'name', label: '姓名' },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证', '证件号码'], required: true },
  { key: 'gender', label: '性别' },
  { key: 'ethnicity', label: '民族' },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日', '生日'] },
  { key: 'education', label: '学历', synonyms: ['文化程度', '学历学位', '最高学历'] },
  { key: 'unit', label: '村（社区）', synonyms: ['所在村（社区）', '所在村', '村别', '村名', '所属村', '村社区'], required: true },
  { key: 'postDirection', label: '岗位方向', synonyms: ['后备类型', '后备方向', '拟任岗位', '培养方向'] },
  { key: 'source', label: '来源类别', synonyms: ['人员来源', '来源', '人才类别', '人员类别'] },
  { key: 'nominationMethod', label: '推荐方式', synonyms: ['推荐方法', '产生方式'] },
  { key: 'nominatedBy', label: '推荐人', synonyms: ['推荐单位', '推荐人（单位）'] },
  { key: 'nominatedOn', label: '推荐日期', synonyms: ['推荐时间'], required: true },
  { key: 'villageReviewOn', label: '考察初审日期', synonyms: ['初审日期', '考察日期', '考察初审时间', '村党组织考察初审日期'] },
  { key: 'townReviewOn', label: '复审（入库）日期', synonyms: ['入库日期', '入库时间', '复审日期', '复审时间', '乡镇党委复审日期'] },
  { key: 'filedOn', label: '备案日期', synonyms: ['备案时间', '组织部备案日期'] },
  { key: 'mentorName', label: '帮带导师', synonyms: ['导师', '培养导师', '帮带人'] },
  { key: 'mentorPost', label: '导师职务', synonyms: ['帮带导师职务'] },
  { key: 'politicalStatus', label: '政治面貌' },
];

const FACT_KEYS = ['unitId', 'postDirection', 'source', 'nominationMethod', 'nominatedBy', 'nominatedOn', 'villageReviewOn', 'townReviewOn', 'filedOn', 'mentorName', 'mentorPost', 'politicalStatus'] as const;
type FactKey = (typeof FACT_KEYS)[number];
type Facts = Partial<Record<FactKey, string | number | null>>;

export interface ReserveImportRow {
  name: string;
  idNumber: string;
  person: Omit<PersonInput, 'idNumber' | 'name'>;
  /** Only what the row gives: a blank cell keeps what the ledger has. */
  facts: Facts;
}

function readNomination(v: PlainValue): Read<string | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return { ok: true, value: null };
  const hit = (NOMINATION_METHODS as readonly string[]).find((m) => m === text) ?? (/自荐/.test(text) ? '个人自荐' : /群众|举荐/.test(text) ? '群众举荐' : /组织/.test(text) ? '组织推荐' : null);
  return hit ? { ok: true, value: hit } : { ok: false, message: `推荐方式“${text}”应为 ${NOMINATION_METHODS.join('、')} 之一` };
}

function readPolitical(v: PlainValue): Read<string | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return { ok: true, value: null };
  const hit = (POLITICAL_STATUSES as readonly string[]).find((m) => m === text) ?? (/^(党员|正式党员|中国共产党党员)$/.test(text) ? '中共党员' : /^(团员|共青团)$/.test(text) ? '共青团员' : /^预备/.test(text) ? '预备党员' : null);
  return hit ? { ok: true, value: hit } : { ok: false, message: `政治面貌“${text}”应为 ${POLITICAL_STATUSES.join('、')} 之一` };
}

export function readReserveRow(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<ReserveImportRow> {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const name = cellText(cells.name ?? null).replace(/\s+/g, '');
  const idNumber = take(problems, notes, 'idNumber', readIdNumber(cells.idNumber ?? null, rc.today));
  const unitName = cellText(cells.unit ?? null);
  const unit = unitName ? rc.unitByName(unitName) : undefined;
  if (unitName && !unit) problems.push({ key: 'unit', message: `村（社区）“${unitName}”不在本乡镇的村（社区）中，请先在组织设置中新增，或改为已有的名称` });
  const facts: Facts = {};
  const put = (k: FactKey, value: string | number | null) => {
    if (value !== null && value !== '') facts[k] = value;
  };
  put('unitId', unit?.id ?? null);
  for (const k of ['postDirection', 'source', 'nominatedBy', 'mentorName', 'mentorPost'] as const) put(k, cellText(cells[k] ?? null).replace(/\s+/g, k === 'source' || k === 'postDirection' ? '' : ' '));
  put('nominationMethod', take(problems, notes, 'nominationMethod', readNomination(cells.nominationMethod ?? null)));
  put('politicalStatus', take(problems, notes, 'politicalStatus', readPolitical(cells.politicalStatus ?? null)));
  for (const k of ['nominatedOn', 'villageReviewOn', 'townReviewOn', 'filedOn'] as const) put(k, take(problems, notes, k, readDate(cells[k] ?? null)));
  if (!facts.nominatedOn && !problems.some((p) => p.key === 'nominatedOn')) problems.push({ key: 'nominatedOn', message: '缺少推荐日期' });
  const person = {
    gender: take(problems, notes, 'gender', readGender(cells.gender ?? null)),
    ethnicity: take(problems, notes, 'ethnicity', readEthnicity(cells.ethnicity ?? null)) ?? '',
    birthDate: take(problems, notes, 'birthDate', readDate(cells.birthDate ?? null)),
    education: take(problems, notes, 'education', readEducation(cells.education ?? null)),
    unitId: unit?.id ?? null,
  };
  const value = problems.length ? null : { name, idNumber: idNumber ?? '', person, facts };
  return { value, problems, notes, label: `${name || '（未填姓名）'}${idNumber ? `（${maskIdNumber(idNumber)}）` : ''}`, key: idNumber };
}

type StoredReserve = typeof reserves.$inferSelect;

interface Plan {
  problems: FieldProblem[];
  personId: number | null;
  newPerson: PersonInput | null;
  existing: StoredReserve | null;
  merged: Record<string, unknown>;
  same: boolean;
}

const LABELS: Record<string, string> = { nominatedOn: '推荐日期', villageReviewOn: '考察初审日期', townReviewOn: '复审（入库）日期', filedOn: '备案日期' };
/** A schema issue's path as the sheet's field. */
const fieldOf = (path: PropertyKey | undefined) => (path === 'unitId' ? 'unit' : path === 'personId' ? 'idNumber' : String(path ?? '')) || null;

function plan(ctx: LedgerContext, v: ReserveImportRow): Plan {
  const problems: FieldProblem[] = [];
  const out: Plan = { problems, personId: null, newPerson: null, existing: null, merged: {}, same: false };
  const found = personLookups(ctx).byIdNumber(v.idNumber);
  if (found?.deletedAt) {
    problems.push({ key: 'idNumber', message: `该身份证号已登记为“${found.name}”（已从人员库删除），请先在人员库“已删除”中恢复该人员` });
    return out;
  }
  if (found) {
    out.personId = found.id;
    out.existing = ctx.db.select().from(reserves).where(and(eq(reserves.personId, found.id), isNull(reserves.deletedAt))).get() ?? null;
  } else {
    const input: PersonInput = { name: v.name, idNumber: v.idNumber, ...v.person };
    if (!v.name) problems.push({ key: 'name', message: '人员库中没有此人，新建人员须填写姓名' });
    if (!v.person.ethnicity) problems.push({ key: 'ethnicity', message: '人员库中没有此人，新建人员须填写民族' });
    const parsed = personInput.safeParse(input);
    if (v.name && v.person.ethnicity && !parsed.success) for (const issue of parsed.error.issues) problems.push({ key: fieldOf(issue.path[0]), message: issue.message });
    out.newPerson = input;
  }
  const stored = out.existing as Record<string, unknown> | null;
  const base = stored ? Object.fromEntries(FACT_KEYS.map((k) => [k, stored[k] ?? null])) : {};
  out.merged = { crossVillage: stored?.crossVillage ?? false, underDiscipline: stored?.underDiscipline ?? false, unqualifiedYear: stored?.unqualifiedYear ?? null, note: stored?.note ?? null, ...base, ...v.facts };
  const m = out.merged;
  if (!m.unitId) problems.push({ key: 'unit', message: '缺少村（社区）' });
  if (!m.postDirection) problems.push({ key: 'postDirection', message: '缺少岗位方向' });
  if (!m.source) problems.push({ key: 'source', message: '缺少来源类别' });
  if (!m.nominationMethod) problems.push({ key: 'nominationMethod', message: `缺少推荐方式（${NOMINATION_METHODS.join('、')}）` });
  const config = getReserveConfig(ctx);
  if (m.postDirection && !config.postDirections.includes(String(m.postDirection))) {
    problems.push({ key: 'postDirection', message: `岗位方向“${m.postDirection}”不在本乡镇的岗位方向中，可选：${config.postDirections.join('、')}` });
  }
  if (m.source && !config.sources.includes(String(m.source))) problems.push({ key: 'source', message: `来源类别“${m.source}”不在本乡镇的来源类别中，可选：${config.sources.join('、')}` });
  const now = today(ctx);
  for (const k of Object.keys(LABELS)) {
    const d = m[k] as string | null | undefined;
    if (d && d > now) problems.push({ key: k, message: `${LABELS[k]}（${d}）晚于今天（${now}）` });
  }
  if (problems.length === 0) {
    const parsed = reserveInput.safeParse({ personId: out.personId ?? 1, ...m });
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ key: fieldOf(issue.path[0]), message: issue.message });
  }
  out.same = !!stored && FACT_KEYS.every((k) => (m[k] ?? null) === (stored[k] ?? null));
  return out;
}

interface InsertBefore {
  since: number;
  createdPerson: number | null;
}

interface UpdateBefore {
  row: StoredReserve;
  events: (typeof reserveEvents.$inferSelect)[];
}

export const reservesImport: ImportKind<ReserveImportRow> = {
  id: 'reserves',
  label: '后备人才',
  entity: 'reserve',
  fields: RESERVE_FIELDS,
  read: readReserveRow,
  match(ctx, value) {
    const p = plan(ctx, value);
    return { status: p.existing ? (p.same ? '跳过' : '更新') : '新增', existingId: p.existing?.id, problems: p.problems };
  },
  write(ctx, rows) {
    const since = ctx.sqlite.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
    const items: WrittenItem[] = [];
    for (const { value } of rows) {
      const p = plan(ctx, value);
      if (p.problems.length) throw invalid(`${value.name || value.idNumber}：${p.problems[0]!.message}（台账在检查之后有变动，请重新检查后导入）`);
      if (p.existing) {
        if (p.same) continue;
        const events = ctx.db.select().from(reserveEvents).where(and(eq(reserveEvents.reserveId, p.existing.id), eq(reserveEvents.chain, true))).all();
        updateReserve(ctx, reserveUpdate.parse({ ...p.merged, id: p.existing.id }));
        items.push({ entity: 'reserve', entityId: p.existing.id, action: 'update', before: { row: p.existing, events } satisfies UpdateBefore });
        continue;
      }
      const personId = p.personId ?? insertPeopleBatch(ctx, [p.newPerson!])[0]!;
      const made = createReserve(ctx, reserveInput.parse({ ...p.merged, personId }));
      items.push({ entity: 'reserve', entityId: made.id, action: 'insert', before: { since, createdPerson: p.personId === null ? personId : null } satisfies InsertBefore });
    }
    return items;
  },
  undo(ctx, item) {
    const id = item.entityId;
    if (item.action === 'insert') {
      const before = item.before as InsertBefore;
      const used = ctx.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM reserve_enrolments WHERE reserve_id = @id) + (SELECT count(*) FROM reserve_affair_participants WHERE reserve_id = @id)
             + (SELECT count(*) FROM reserve_assessments WHERE reserve_id = @id) + (SELECT count(*) FROM reserve_events WHERE reserve_id = @id AND chain = 0)
             + (SELECT count(*) FROM reserves WHERE id = @id AND photo_attachment_id IS NOT NULL)`,
        )
        .pluck()
        .get({ id }) as number;
      if (used > 0) throw new LedgerError('CONFLICT', '导入的后备人才之后已记录了培养、村级事务、考核或动态调整，不能撤销本次导入。', { hint: '请先删除这些记录，或直接修改相应后备人才。' });
      ctx.db.delete(reserveEvents).where(eq(reserveEvents.reserveId, id)).run();
      ctx.db.delete(reserves).where(eq(reserves.id, id)).run();
      if (before.createdPerson !== null) {
        const edited = ctx.sqlite.prepare("SELECT summary FROM audit_log WHERE entity = 'person' AND entity_id = ? AND id > ? ORDER BY id LIMIT 1").pluck().get(before.createdPerson, before.since) as string | undefined;
        if (edited) throw new LedgerError('CONFLICT', '导入时新建的人员之后又被修改过，撤销会覆盖这些修改，已取消撤销。', { hint: `例如：${edited}。如需撤销，请先把这些修改改回。` });
        peopleImport.undo(ctx, { entity: 'person', entityId: before.createdPerson, action: 'insert' });
      }
      return;
    }
    const before = item.before as UpdateBefore;
    ctx.db.update(reserves).set(before.row).where(eq(reserves.id, id)).run();
    ctx.db.delete(reserveEvents).where(and(eq(reserveEvents.reserveId, id), eq(reserveEvents.chain, true))).run();
    for (const e of before.events) ctx.db.insert(reserveEvents).values(e).run();
    refreshReserves(ctx, [id]);
  },
};
