import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { timestamps } from './common';

/** 村 / 社区 / 机关 / 两新组织 under the user's own township. Codes change between years, so nothing keys on them. */
export const orgUnits = sqliteTable(
  'org_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    code: text('code'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Retired units stay so that history (and people's records) still name them. */
    retiredAt: text('retired_at'),
    mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => orgUnits.id),
    ...timestamps,
  },
  (t) => [
    index('org_units_name_idx').on(t.name),
    /** The 人员库's unit sort walks units in this order, then each unit's people (core/people/list.ts). */
    index('org_units_sort_idx').on(t.sortOrder, t.id),
  ],
);

/** 党支部 / 党总支 / 党委 under a unit. */
export const branches = sqliteTable(
  'branches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('党支部'),
    retiredAt: text('retired_at'),
    ...timestamps,
  },
  (t) => [index('branches_unit_idx').on(t.unitId)],
);
