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
    ...timestamps,
  },
  (t) => [
    uniqueIndex('people_id_number_uq').on(t.idNumber),
    index('people_name_idx').on(t.name),
    index('people_unit_idx').on(t.unitId),
  ],
);
