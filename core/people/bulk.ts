/**
 * Many people at once (the benchmark's district, imports): each row is checked exactly as `people.create` checks
 * it, then written with one prepared statement, all in one transaction, with one audit entry for the batch.
 */
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { personInput, type PersonInput } from './schemas';
import { personLookups, validatePerson, type PersonLookups } from './service';

/** Inserts every row or none; returns the new ids in the rows' order. A bad row names its place in the batch. */
export function insertPeopleBatch(ctx: LedgerContext, rows: PersonInput[]): number[] {
  if (rows.length === 0) return [];
  return inTransaction(ctx, () => {
    const insert = ctx.sqlite.prepare(
      `INSERT INTO people (name, gender, ethnicity, birth_date, id_number, education, occupation, job_post, unit_id, phone, hukou, note, sort_key)
       VALUES (@name, @gender, @ethnicity, @birthDate, @idNumber, @education, @occupation, @jobPost, @unitId, @phone, @hukou, @note, @sortKey)`,
    );
    const lookups = personLookups(ctx);
    // A batch names a handful of units many times over: each is looked up once.
    const units = new Map<number, boolean>();
    const batchLookups: PersonLookups = {
      ...lookups,
      unitExists: (id) => units.get(id) ?? (units.set(id, lookups.unitExists(id)), units.get(id)!),
    };
    const ids = rows.map((row, i) => {
      try {
        const parsed = personInput.safeParse(row);
        if (!parsed.success) throw new LedgerError('INVALID_INPUT', parsed.error.issues.map((issue) => issue.message).join('；'));
        // validatePerson sees the rows already inserted in this batch, so a number given twice is refused too.
        const v = validatePerson(ctx, parsed.data, undefined, batchLookups);
        return Number(
          insert.run({
            ...v,
            education: v.education ?? null,
            occupation: v.occupation ?? null,
            jobPost: v.jobPost ?? null,
            unitId: v.unitId ?? null,
            phone: v.phone ?? null,
            hukou: v.hukou ?? null,
            note: v.note ?? null,
          }).lastInsertRowid,
        );
      } catch (err) {
        if (err instanceof LedgerError) throw new LedgerError(err.code, `第 ${i + 1} 条（${row.name}）：${err.message}`, { fields: err.fields, hint: err.hint, details: err.details });
        throw err;
      }
    });
    recordAudit(ctx, { entity: 'person', action: '批量新增', summary: `批量新增人员 ${ids.length} 人（第 ${ids[0]}–${ids[ids.length - 1]} 号）` });
    return ids;
  });
}
