import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { orgUnits, people } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { refreshReservesOfPeople } from '../reserves/state';
import { assertUnchangedSince } from '../audit/version';
import { activeRecordSummary } from '../members/service';
import { rejudgePeople } from '../members/state-store';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { LedgerError, invalid, notFound } from '../errors';
import { checkIdNumber, compareWithId, maskIdNumber } from './idcard';
import { pinyinSortKey } from './pinyin';
import type { Person, personInput } from './schemas';

/** The columns every person read selects, joined to the unit for its name. */
export const personColumns = {
  id: people.id,
  name: people.name,
  gender: people.gender,
  ethnicity: people.ethnicity,
  birthDate: people.birthDate,
  idNumber: people.idNumber,
  education: people.education,
  occupation: people.occupation,
  jobPost: people.jobPost,
  unitId: people.unitId,
  unitName: orgUnits.name,
  phone: people.phone,
  hukou: people.hukou,
  note: people.note,
  deletedAt: people.deletedAt,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

type PersonRecord = Omit<Person, 'idMismatch'>;

export function withMismatch(row: PersonRecord): Person {
  const flags = compareWithId(checkIdNumber(row.idNumber), row.birthDate, row.gender);
  const idMismatch: Person['idMismatch'] = [];
  if (flags.birthDateMismatch) idMismatch.push('birthDate');
  if (flags.genderMismatch) idMismatch.push('gender');
  return { ...row, idMismatch };
}

export function getPerson(ctx: LedgerContext, id: number): Person {
  const row = ctx.db.select(personColumns).from(people).leftJoin(orgUnits, eq(orgUnits.id, people.unitId)).where(eq(people.id, id)).get();
  if (!row) throw notFound('该人员');
  return withMismatch(row);
}

export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/** What validating a person reads from the ledger: one set per call, or per batch (bulk.ts), with the day fixed. */
export interface PersonLookups {
  today: string;
  byIdNumber(idNumber: string): { id: number; name: string; deletedAt: string | null } | undefined;
  unitExists(unitId: number): boolean;
}

const statements = new WeakMap<LedgerContext['sqlite'], { byIdNumber: Statement; unit: Statement }>();
type Statement = ReturnType<LedgerContext['sqlite']['prepare']>;

/** Prepared once per connection: a bulk load validates 100,000 rows, and building each query again costs more than running it. */
export function personLookups(ctx: LedgerContext): PersonLookups {
  let st = statements.get(ctx.sqlite);
  if (!st) {
    st = {
      byIdNumber: ctx.sqlite.prepare('SELECT id, name, deleted_at AS deletedAt FROM people WHERE id_number = ?'),
      unit: ctx.sqlite.prepare('SELECT 1 FROM org_units WHERE id = ?').pluck(),
    };
    statements.set(ctx.sqlite, st);
  }
  const { byIdNumber, unit } = st;
  return {
    today: today(ctx),
    byIdNumber: (idNumber) => byIdNumber.get(idNumber) as ReturnType<PersonLookups['byIdNumber']>,
    unitExists: (unitId) => unit.get(unitId) !== undefined,
  };
}

/** The final say on a person: the 公民身份号码 must pass GB 11643 and be new; blanks are derived from it. */
export function validatePerson(ctx: LedgerContext, input: z.output<typeof personInput>, exceptId?: number, lookups = personLookups(ctx)): PersonValues {
  const day = lookups.today;
  const check = checkIdNumber(input.idNumber, day);
  if (!check.ok) throw invalid(`公民身份号码有误：${check.message}`, { idNumber: check.message });
  if (input.birthDate && input.birthDate > day) {
    const message = `出生日期（${input.birthDate}）晚于今天（${day}）`;
    throw invalid(message, { birthDate: message });
  }
  const existing = lookups.byIdNumber(check.normalized);
  if (existing && existing.id !== exceptId) {
    const state = existing.deletedAt ? '（已删除，可在“已删除”中恢复）' : '';
    throw new LedgerError('CONFLICT', `该身份证号已登记为“${existing.name}”${state}，同一人不能重复录入。`, {
      fields: { idNumber: `已登记为“${existing.name}”${state}` },
      details: { existingPersonId: existing.id, deleted: !!existing.deletedAt },
    });
  }
  if (input.unitId && !lookups.unitExists(input.unitId)) throw invalid('所选村（社区）不存在', { unitId: '所选村（社区）不存在' });
  return {
    name: input.name,
    gender: input.gender ?? check.gender,
    birthDate: input.birthDate ?? check.birthDate,
    idNumber: check.normalized,
    ethnicity: input.ethnicity,
    education: input.education ?? null,
    occupation: input.occupation ?? null,
    jobPost: input.jobPost,
    unitId: input.unitId ?? null,
    phone: input.phone || null,
    hukou: input.hukou,
    note: input.note,
    // Kept with the name on every create and rename, so the list can sort by pinyin in SQL.
    sortKey: pinyinSortKey(input.name),
  };
}

export function createPerson(ctx: LedgerContext, input: z.output<typeof personInput>): Person {
  return inTransaction(ctx, () => {
    const values = validatePerson(ctx, input);
    const row = ctx.db.insert(people).values(values).returning({ id: people.id }).get();
    const after = getPerson(ctx, row.id);
    recordAudit(ctx, { entity: 'person', entityId: row.id, action: '新增', summary: `新增人员：${after.name}`, after: redact(after) });
    return after;
  });
}

export function updatePerson(ctx: LedgerContext, id: number, input: z.output<typeof personInput>): Person {
  return inTransaction(ctx, () => {
    const before = getPerson(ctx, id);
    if (before.deletedAt) throw invalid('该人员已删除，请先恢复再修改');
    const values = validatePerson(ctx, input, id);
    ctx.db.update(people).set({ ...values, updatedAt: timestamp(ctx) }).where(eq(people.id, id)).run();
    const after = getPerson(ctx, id);
    // Birth date, gender, education and occupation are facts the 发展党员 rules judge.
    rejudgePeople(ctx, [id]);
    refreshReservesOfPeople(ctx, [id]);
    recordAudit(ctx, { entity: 'person', entityId: id, action: '修改', summary: `修改人员：${after.name}`, before: redact(before), after: redact(after) });
    return after;
  });
}

export interface RemovalOptions {
  /** The clerk was told the person has a 发展档案 in progress and still wants them deleted. */
  confirmActiveRecord?: boolean;
  /** For a restore from an undo toast: the version the deletion left (see audit/version.ts). */
  since?: number | null;
}

/** Deleting a person takes their 发展档案 off every list and report with them, so an active one is never lost silently. */
export function setPersonDeleted(ctx: LedgerContext, id: number, deleted: boolean, opts: RemovalOptions = {}): Person {
  return inTransaction(ctx, () => {
    const before = getPerson(ctx, id);
    if (deleted) {
      const active = activeRecordSummary(ctx, id);
      if (active && !opts.confirmActiveRecord) {
        const where = active.stage ? `第${active.stage}阶段（${active.stageName}），当前为${active.status}` : active.status;
        throw new LedgerError('CONFLICT', `${before.name}有进行中的发展档案（${where}），删除该人员后此档案将不再出现在发展党员列表、统计和报表中。`, {
          hint: '如确需删除，请确认后再删除；如只是档案建错了，请到该发展档案中删除档案。',
          details: { activeRecord: active },
        });
      }
    } else {
      assertUnchangedSince(ctx, { kind: 'person', id }, opts.since, before.name);
    }
    ctx.db
      .update(people)
      .set({ deletedAt: deleted ? timestamp(ctx) : null, updatedAt: timestamp(ctx) })
      .where(eq(people.id, id))
      .run();
    // A deleted person's files leave every list and count with them; restored, they come back judged.
    rejudgePeople(ctx, [id]);
    refreshReservesOfPeople(ctx, [id]);
    const after = getPerson(ctx, id);
    recordAudit(ctx, { entity: 'person', entityId: id, action: deleted ? '删除' : '恢复', summary: `${deleted ? '删除' : '恢复'}人员：${before.name}`, before: redact(before), after: redact(after) });
    return after;
  });
}

/** The log is browsable by anyone at the PC, so it keeps the masked number only. */
function redact(p: Person) {
  const { idNumber, idMismatch: _flags, ...rest } = p;
  return { ...rest, idNumber: maskIdNumber(idNumber) };
}
