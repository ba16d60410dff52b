import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './common';
import { orgUnits } from './org';

/** One record per person; roles (申请人, 后备人才 …) hang off it in their own modules. */
export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity').notNull(),
    birthDate: text('birth_date').notNull(),
    /** Normalised 18-character 公民身份号码; unique even across soft-deleted people so nobody is entered twice. */
    idNumber: text('id_number').notNull(),
    education: text('education'),
    occupation: text('occupation'),
    jobPost: text('job_post'),
    unitId: integer('unit_id').references(() => orgUnits.id),
    phone: text('phone'),
    hukou: text('hukou'),
    note: text('note'),
    deletedAt: text('deleted_at'),
    /** pinyinSortKey(name) (core/people/pinyin.ts): its binary order is the names' pinyin order. */
    sortKey: text('sort_key'),
    ...timestamps,
  },
  (t) => {
    /**
     * The list's indexes, on live rows only (deleted people are few and have their own). Each sort index holds the
     * sort column, then id (the tie-break, so ORDER BY col, id needs no sort), then every filter column, so a
     * filtered page is read from the index alone; the unit index also serves the unit filter, the unit sort and
     * every count. core/people/list.ts names them in INDEXED BY.
     */
    const live = sql`deleted_at IS NULL`;
    const filters = [t.gender, t.unitId, t.ethnicity, t.education, t.occupation] as const;
    return [
      uniqueIndex('people_id_number_uq').on(t.idNumber),
      index('people_name_idx').on(t.name),
      index('people_unit_idx').on(t.unitId),
      index('people_live_sort_key_idx').on(t.sortKey, t.id, ...filters).where(live),
      index('people_live_birth_date_idx').on(t.birthDate, t.id, ...filters).where(live),
      index('people_live_created_at_idx').on(t.createdAt, t.id, ...filters).where(live),
      index('people_live_updated_at_idx').on(t.updatedAt, t.id, ...filters).where(live),
      index('people_live_unit_idx').on(t.unitId, t.id, t.gender, t.ethnicity, t.education, t.occupation).where(live),
      /** Short searches (one or two characters) scan this, narrower than the table. */
      index('people_live_search_idx').on(t.name, t.idNumber, t.phone).where(live),
      index('people_deleted_idx').on(t.deletedAt).where(sql`deleted_at IS NOT NULL`),
      /** Empty once every name has its key: lets the backfill at open find nothing without reading the table. */
      index('people_sort_key_missing_idx').on(t.id).where(sql`sort_key IS NULL`),
    ];
  },
);
