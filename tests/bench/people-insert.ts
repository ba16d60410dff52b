/**
 * How the benchmark puts its people in: through core/people/bulk.ts `insertPeopleBatch` where that module exists,
 * else with one prepared statement in one transaction per batch (the bulk path demo data takes). The fallback lives
 * here, not in core, because it checks nothing: the rows come from the demo generator and are known to be valid.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inTransaction, type LedgerContext } from '../../core/context';
import type { PersonInput } from '../../core/people/schemas';

export type InsertPeople = (ctx: LedgerContext, rows: PersonInput[]) => number[];

const BULK = resolve(import.meta.dirname, '..', '..', 'core', 'people', 'bulk.ts');

export function insertPeopleRaw(ctx: LedgerContext, rows: PersonInput[]): number[] {
  return inTransaction(ctx, () => {
    const insert = ctx.sqlite.prepare(
      `INSERT INTO people (name, gender, ethnicity, birth_date, id_number, education, occupation, job_post, unit_id, phone, hukou, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return rows.map((r) =>
      Number(
        insert.run(r.name, r.gender, r.ethnicity, r.birthDate, r.idNumber, r.education ?? null, r.occupation ?? null, r.jobPost ?? null, r.unitId ?? null, r.phone ?? null, r.hukou ?? null, r.note ?? null)
          .lastInsertRowid,
      ),
    );
  });
}

/** The service's own bulk path when it is there; which one was used is printed with the load time. */
export async function peopleInserter(): Promise<{ insert: InsertPeople; via: string }> {
  if (existsSync(BULK)) {
    const mod = (await import(pathToFileURL(BULK).href)) as { insertPeopleBatch?: InsertPeople };
    if (typeof mod.insertPeopleBatch === 'function') return { insert: mod.insertPeopleBatch, via: 'core/people/bulk.ts insertPeopleBatch' };
  }
  return { insert: insertPeopleRaw, via: 'tests/bench/people-insert.ts（预编译语句，每批一个事务）' };
}
