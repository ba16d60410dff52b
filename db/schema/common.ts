import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

/** Local wall-clock timestamps: clerks read them, and the office PC's clock is the only one there is. */
export const timestamps = {
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%d %H:%M:%S','now','localtime'))`),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%d %H:%M:%S','now','localtime'))`),
};
