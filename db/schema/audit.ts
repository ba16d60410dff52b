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

/**
 * One import: what it wrote, so 撤销本次导入 can put back exactly the state before. Each item is a record the
 * batch inserted (undone by removing it) or updated (undone by writing `before` back), refused once anything later
 * has touched that record (its audit rows after the batch's own).
 */
export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  sheetName: text('sheet_name').notNull(),
  inserted: integer('inserted').notNull(),
  updated: integer('updated').notNull(),
  skipped: integer('skipped').notNull(),
  /** The batch's own audit row: later audit rows about an item block the undo. */
  auditId: integer('audit_id'),
  at: text('at').notNull(),
  undoneAt: text('undone_at'),
});

export const importBatchItems = sqliteTable(
  'import_batch_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    action: text('action').notNull(),
    before: text('before'),
  },
  (t) => [index('import_batch_items_batch_idx').on(t.batchId)],
);
