import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key/value settings: the unit's own name and the 填报人/审核人/联系电话 lines every report prints. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
