import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only: every write through a core service leaves one row here, in the same transaction. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    action: text('action').notNull(),
    summary: text('summary').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entity, t.entityId)],
);
