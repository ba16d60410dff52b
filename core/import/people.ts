/** Importing 人员: matched by 公民身份号码, written through the same checks as `people.create` and `people.update`. */
import { eq } from 'drizzle-orm';
import { people } from '../../db/schema';
import type { LedgerContext } from '../context';
import { LedgerError } from '../errors';
import type { PlainValue } from '../excel/read';
import { insertPeopleBatch } from '../people/bulk';
import { maskIdNumber } from '../people/idcard';
import { pinyinSortKey } from '../people/pinyin';
import { personInput, type PersonInput } from '../people/schemas';
import { personLookups, validatePerson } from '../people/service';
import { refreshReservesOfPeople } from '../reserves/state';
import { rejudgePeople } from '../members/state-store';
import type { FieldDef } from './header';
import { take, type FieldProblem, type ImportKind, type ReadContext, type ReadRow } from './kind';
import { cellText, readDate, readEducation, readEthnicity, readGender, readIdNumber, readOccupation } from './values';

export const PEOPLE_FIELDS: FieldDef[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'gender', label: '性别' },
  { key: 'ethnicity', label: '民族', required: true },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日', '生日'] },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证', '证件号码'], required: true },
  { key: 'education', label: '学历', synonyms: ['文化程度', '学历学位', '最高学历'] },
  { key: 'occupation', label: '职业', synonyms: ['职业类别', '人员类别'] },
  { key: 'jobPost', label: '工作岗位', synonyms: ['工作单位及职务', '职务', '岗位'] },
  { key: 'unit', label: '所在村（社区）', synonyms: ['村（社区）', '所在村', '村别', '村名', '所属村', '单位'] },
  { key: 'phone', label: '联系电话', synonyms: ['电话', '手机', '手机号码', '联系方式'] },
  { key: 'hukou', label: '户籍地', synonyms: ['户籍所在地', '籍贯', '户口所在地', '家庭住址'] },
  { key: 'note', label: '备注' },
];

type PersonRow = PersonInput & { unitId: number | null };

/** The person's fields as stored, for deciding 跳过 (identical) from 更新. */
const COMPARED = ['name', 'gender', 'ethnicity', 'birthDate', 'education', 'occupation', 'jobPost', 'unitId', 'phone', 'hukou', 'note'] as const;


export function readPerson(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<PersonRow> {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const name = cellText(cells.name ?? null).replace(/\s+/g, '');
  if (!name) problems.push({ key: 'name', message: '缺少姓名' });
  const idNumber = take(problems, notes, 'idNumber', readIdNumber(cells.idNumber ?? null, rc.today));
  const ethnicity = take(problems, notes, 'ethnicity', readEthnicity(cells.ethnicity ?? null));
  if (!ethnicity && !problems.some((p) => p.key === 'ethnicity')) problems.push({ key: 'ethnicity', message: '缺少民族' });
  const unitName = cellText(cells.unit ?? null);
  const unit = unitName ? rc.unitByName(unitName) : undefined;
  if (unitName && !unit) problems.push({ key: 'unit', message: `村（社区）“${unitName}”不在本乡镇的村（社区）中，请先在组织设置中新增，或改为已有的名称` });
  const value: PersonRow = {
    name,
    idNumber: idNumber ?? '',
    gender: take(problems, notes, 'gender', readGender(cells.gender ?? null)),
    birthDate: take(problems, notes, 'birthDate', readDate(cells.birthDate ?? null)),
    ethnicity: ethnicity ?? '',
    education: take(problems, notes, 'education', readEducation(cells.education ?? null)),
    occupation: take(problems, notes, 'occupation', readOccupation(cells.occupation ?? null)) as PersonInput['occupation'],
    jobPost: cellText(cells.jobPost ?? null) || null,
    unitId: unit?.id ?? null,
    phone: cellText(cells.phone ?? null).replace(/\s+/g, '') || null,
    hukou: cellText(cells.hukou ?? null) || null,
    note: cellText(cells.note ?? null) || null,
  };
  // The schema's own checks (lengths, phone characters) say the rest.
  if (problems.length === 0) {
    const parsed = personInput.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ key: String(issue.path[0] ?? ''), message: issue.message });
  }
  return { value: problems.length ? null : value, problems, notes, label: `${name}${idNumber ? `（${maskIdNumber(idNumber)}）` : ''}`, key: idNumber };
}

function stored(ctx: LedgerContext, id: number) {
  return ctx.db.select().from(people).where(eq(people.id, id)).get()!;
}

export const peopleImport: ImportKind<PersonRow> = {
  id: 'people',
  label: '人员',
  entity: 'person',
  fields: PEOPLE_FIELDS,
  read: readPerson,
  match(ctx, value) {
    const existing = personLookups(ctx).byIdNumber(value.idNumber);
    if (!existing) return { status: '新增' };
    const before = stored(ctx, existing.id);
    // Blank cells keep what the ledger has; what the sheet says must equal it to be 跳过.
    const derived = validatePerson(ctx, personInput.parse(value), existing.id);
    const same = COMPARED.every((k) => {
      const incoming = (derived as Record<string, unknown>)[k];
      return incoming === null || incoming === undefined || incoming === '' || incoming === (before as Record<string, unknown>)[k];
    });
    return { status: same && !before.deletedAt ? '跳过' : '更新', existingId: existing.id };
  },
  write(ctx, rows) {
    const fresh = rows.filter((r) => r.existingId === undefined);
    const ids = insertPeopleBatch(ctx, fresh.map((r) => r.value));
    const items = ids.map((id) => ({ entity: 'person', entityId: id, action: 'insert' as const }));
    const updated: number[] = [];
    for (const r of rows.filter((x) => x.existingId !== undefined)) {
      const before = stored(ctx, r.existingId!);
      const v = validatePerson(ctx, personInput.parse(r.value), r.existingId);
      // A blank cell keeps what the ledger has.
      const patch = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null && x !== undefined && x !== '')) as Partial<typeof v>;
      ctx.db.update(people).set({ ...patch, sortKey: pinyinSortKey(v.name), deletedAt: null }).where(eq(people.id, r.existingId!)).run();
      items.push({ entity: 'person', entityId: r.existingId!, action: 'update', before } as never);
      updated.push(r.existingId!);
    }
    if (updated.length) {
      rejudgePeople(ctx, updated);
      refreshReservesOfPeople(ctx, updated);
    }
    return items;
  },
  undo(ctx, item) {
    if (item.action === 'insert') {
      // Removing a person the batch added is the state before, unless something now hangs off them.
      const used = ctx.sqlite
        .prepare('SELECT (SELECT count(*) FROM member_records WHERE person_id = @id) + (SELECT count(*) FROM reserves WHERE person_id = @id)')
        .pluck()
        .get({ id: item.entityId }) as number;
      if (used > 0) throw new LedgerError('CONFLICT', `导入的人员“${stored(ctx, item.entityId).name}”已建立了发展档案或后备人才记录，不能撤销本次导入。`, { hint: '请先删除这些记录，或直接修改相应人员。' });
      ctx.db.delete(people).where(eq(people.id, item.entityId)).run();
      return;
    }
    const before = item.before as typeof people.$inferSelect;
    ctx.db.update(people).set(before).where(eq(people.id, item.entityId)).run();
    rejudgePeople(ctx, [item.entityId]);
    refreshReservesOfPeople(ctx, [item.entityId]);
  },
};
