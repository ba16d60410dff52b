import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './common';
import { orgUnits } from './org';
import { people } from './people';

/**
 * 村"两委"后备人才: one row per person per spell of candidacy in a village. The facts typed by the clerk sit beside
 * the few values the service derives on every write (status, training totals, the copied name key), so the list
 * is read from this table and its indexes alone (architecture.md, "Derived state").
 */
export const reserves = sqliteTable(
  'reserves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** 书记后备 / 两委委员后备, or the township's own list (settings). */
    postDirection: text('post_direction').notNull(),
    /** 来源类别: 外出务工经商人员, 返乡大学生, … (settings). */
    source: text('source').notNull(),
    crossVillage: integer('cross_village', { mode: 'boolean' }).notNull().default(false),
    /** 个人自荐 / 群众举荐 / 组织推荐. */
    nominationMethod: text('nomination_method').notNull(),
    nominatedBy: text('nominated_by'),
    nominatedOn: text('nominated_on').notNull(),
    /** 村党组织考察初审. */
    villageReviewOn: text('village_review_on'),
    /** 乡镇党委复审: the 入库日期. */
    townReviewOn: text('town_review_on'),
    /** 区县组织部备案, kept apart from the 入库日期. */
    filedOn: text('filed_on'),
    mentorName: text('mentor_name'),
    mentorPost: text('mentor_post'),
    /** Entered 政治面貌, used only when the person has no 发展档案 to derive it from. */
    politicalStatus: text('political_status'),
    /** 不得入库 flags: under discipline now; the year of a 不合格党员 rating. */
    underDiscipline: integer('under_discipline', { mode: 'boolean' }).notNull().default(false),
    unqualifiedYear: integer('unqualified_year'),
    photoAttachmentId: integer('photo_attachment_id'),
    note: text('note'),
    deletedAt: text('deleted_at'),
    // Derived on write from reserve_events and the enrolments; never typed.
    status: text('status').notNull(),
    statusOn: text('status_on').notNull(),
    appointedPost: text('appointed_post'),
    trainingCount: integer('training_count').notNull().default(0),
    trainingHours: real('training_hours').notNull().default(0),
    affairCount: integer('affair_count').notNull().default(0),
    /**
     * The few facts of the person and village that the list filters and sorts by, copied on every write that
     * changes them (the person's edit, deletion and restore; a village merge), so a page and its count are read
     * from this table and its indexes without a join to 100,000 people.
     */
    nameKey: text('name_key').notNull().default(''),
    personLive: integer('person_live', { mode: 'boolean' }).notNull().default(true),
    personName: text('person_name'),
    gender: text('gender'),
    birthDate: text('birth_date'),
    education: text('education'),
    unitOrder: integer('unit_order').notNull().default(0),
    ...timestamps,
  },
  (t) => {
    const live = sql`deleted_at IS NULL`;
    return [
      index('reserves_person_idx').on(t.personId),
      index('reserves_live_unit_idx').on(t.unitOrder, t.unitId, t.nameKey, t.id).where(live),
      index('reserves_live_name_idx').on(t.nameKey, t.id).where(live),
      index('reserves_live_status_idx').on(t.status, t.unitOrder, t.unitId, t.nameKey, t.id).where(live),
      index('reserves_live_birth_idx').on(t.birthDate).where(live),
    ];
  },
);

/**
 * The status history: 推荐 → 考察 → 入库 → 任用 or 出库, and 调整 while in the pool. Rows are never edited away;
 * a re-entry is a new 入库 after an 出库, so old spells stay visible in the 动态调整台账.
 */
export const reserveEvents = sqliteTable(
  'reserve_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reserveId: integer('reserve_id')
      .notNull()
      .references(() => reserves.id),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    reason: text('reason'),
    /** 任用: the post taken; 调整: the new post direction. */
    post: text('post'),
    /** Written from the record's review-chain dates (推荐, 考察, the first 入库), and rewritten when they change. */
    chain: integer('chain', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('reserve_events_reserve_idx').on(t.reserveId, t.date), index('reserve_events_date_idx').on(t.date)],
);

/** A training class or placement. Its cost is split over its enrolments to the 分 (core/reserves/money.ts). */
export const reserveTrainings = sqliteTable(
  'reserve_trainings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    title: text('title'),
    host: text('host'),
    startOn: text('start_on').notNull(),
    endOn: text('end_on'),
    hours: real('hours').notNull().default(0),
    costFen: integer('cost_fen').notNull().default(0),
    fundingSource: text('funding_source'),
    costItem: text('cost_item'),
    note: text('note'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('reserve_trainings_start_idx').on(t.startOn)],
);

export const reserveEnrolments = sqliteTable(
  'reserve_enrolments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trainingId: integer('training_id')
      .notNull()
      .references(() => reserveTrainings.id),
    reserveId: integer('reserve_id')
      .notNull()
      .references(() => reserves.id),
    /** List order within the class: the first ones take the remainder of the split. */
    seq: integer('seq').notNull(),
    costFen: integer('cost_fen').notNull().default(0),
    result: text('result'),
  },
  (t) => [
    uniqueIndex('reserve_enrolments_uq').on(t.trainingId, t.reserveId),
    index('reserve_enrolments_reserve_idx').on(t.reserveId),
  ],
);

/** 参与村级事务: one affair, many reserves. */
export const reserveAffairs = sqliteTable(
  'reserve_affairs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    affairType: text('affair_type').notNull(),
    description: text('description'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('reserve_affairs_date_idx').on(t.date)],
);

export const reserveAffairParticipants = sqliteTable(
  'reserve_affair_participants',
  {
    affairId: integer('affair_id')
      .notNull()
      .references(() => reserveAffairs.id),
    reserveId: integer('reserve_id')
      .notNull()
      .references(() => reserves.id),
  },
  (t) => [
    uniqueIndex('reserve_affair_participants_uq').on(t.affairId, t.reserveId),
    index('reserve_affair_participants_reserve_idx').on(t.reserveId),
  ],
);

/** 季度积分 (period "2026Q1") and 年度考核 (period "2026", with a rating); one row per reserve and period. */
export const reserveAssessments = sqliteTable(
  'reserve_assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reserveId: integer('reserve_id')
      .notNull()
      .references(() => reserves.id),
    period: text('period').notNull(),
    points: real('points'),
    rating: text('rating'),
    /** 警示提醒谈话, for those ranked in the bottom share. */
    warningTalkOn: text('warning_talk_on'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [uniqueIndex('reserve_assessments_uq').on(t.reserveId, t.period), index('reserve_assessments_period_idx').on(t.period)],
);
