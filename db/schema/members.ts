import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './common';
import { branches } from './org';
import { people } from './people';

/**
 * 发展档案: one per person per development attempt. The current stage is never stored; it is derived from the
 * recorded steps. The wide 台账 row clerks keep in Excel is an import/export shape, not this storage shape.
 */
export const memberRecords = sqliteTable(
  'member_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    branchId: integer('branch_id').references(() => branches.id),
    /** 共青团员 at application, and the date of 团组织推优 when there was one (R05). */
    leagueMember: integer('league_member', { mode: 'boolean' }).notNull().default(false),
    leagueRecommendDate: text('league_recommend_date'),
    /** R14: leaving the unit within 3 months. */
    leavingSoon: integer('leaving_soon', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('member_records_person_idx').on(t.personId), index('member_records_branch_idx').on(t.branchId)],
);

/** One row per recorded 流程节点 (1..25). People and meeting counts are small structured values kept as JSON. */
export const memberSteps = sqliteTable(
  'member_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => memberRecords.id),
    stepNo: integer('step_no').notNull(),
    date: text('date').notNull(),
    /** [{ role, name, title, phone, isFullMember }]: 谈话人, 培养联系人, 介绍人 … */
    people: text('people'),
    /** { expected, present, for, against, abstain } for meeting steps. */
    meeting: text('meeting'),
    publicityFrom: text('publicity_from'),
    publicityTo: text('publicity_to'),
    trainingDays: integer('training_days'),
    trainingHours: integer('training_hours'),
    /** 特殊情况说明: why an error-level rule was overridden; printed in reports. */
    overrideReason: text('override_reason'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [uniqueIndex('member_steps_record_step_uq').on(t.recordId, t.stepNo)],
);

/** 政治审查 "一谈一报一审一定": one per record. */
export const memberReviews = sqliteTable('member_reviews', {
  recordId: integer('record_id')
    .primaryKey()
    .references(() => memberRecords.id),
  talkDate: text('talk_date'),
  talkBy: text('talk_by'),
  talkSummary: text('talk_summary'),
  reportDate: text('report_date'),
  reportMaterials: text('report_materials'),
  examDate: text('exam_date'),
  examNote: text('exam_note'),
  /** Notes on the four content items (attitude, history, 遵纪守法, relatives) as JSON. */
  contentItems: text('content_items'),
  conclusionResult: text('conclusion_result'),
  conclusionDate: text('conclusion_date'),
  conclusionSigner: text('conclusion_signer'),
  ...timestamps,
});

/** 函调 / 外调 letters of the 审 part. The 结论 must postdate every one of them. */
export const reviewLetters = sqliteTable(
  'review_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => memberRecords.id),
    date: text('date').notNull(),
    target: text('target').notNull(),
    replyDate: text('reply_date'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('review_letters_record_idx').on(t.recordId)],
);

/** 积极分子 half-yearly 考察 and 思想汇报. */
export const memberPeriodic = sqliteTable(
  'member_periodic',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => memberRecords.id),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    summary: text('summary'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('member_periodic_record_idx').on(t.recordId, t.kind)],
);

/** 延长预备期 / 取消预备党员资格 / 终止培养. History stays: an exit is a row, never a deletion. */
export const memberExits = sqliteTable(
  'member_exits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => memberRecords.id),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    months: integer('months'),
    meetingDate: text('meeting_date'),
    approvalDate: text('approval_date'),
    reason: text('reason'),
    ...timestamps,
  },
  (t) => [index('member_exits_record_idx').on(t.recordId)],
);

/** Scanned documents, copied into the data folder's attachments/ and opened from the app. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ownerType: text('owner_type').notNull(),
    ownerId: integer('owner_id').notNull(),
    fileName: text('file_name').notNull(),
    storedPath: text('stored_path').notNull(),
    size: integer('size').notNull(),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

/** Versioned rule tables: every settings change adds a version; a record is judged by the one in force. */
export const ruleTables = sqliteTable('rule_tables', {
  version: integer('version').primaryKey(),
  effectiveDate: text('effective_date').notNull(),
  /** The levels and thresholds per rule id, validated by core/members/rule-table.ts. */
  rules: text('rules').notNull(),
  note: text('note'),
  createdAt: text('created_at').notNull(),
});
