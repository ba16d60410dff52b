import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from './common';
import { orgUnits } from './org';

/**
 * 村级综合服务中心改造升级: one centre per village. The facts typed by the clerk sit beside what the service derives
 * on every write (architecture.md, "Derived state"): the milestone lateness that no longer changes (done late),
 * the earliest planned date still open (compared with today in SQL), the latest 形象进度, and the projected finish.
 */
export const centres = sqliteTable(
  'centres',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    name: text('name'),
    /** The building today. */
    currentArea: real('current_area'),
    buildYear: integer('build_year'),
    isDangerous: integer('is_dangerous', { mode: 'boolean' }).notNull().default(false),
    isOld: integer('is_old', { mode: 'boolean' }).notNull().default(false),
    isCramped: integer('is_cramped', { mode: 'boolean' }).notNull().default(false),
    isSmall: integer('is_small', { mode: 'boolean' }).notNull().default(false),
    conditionNote: text('condition_note'),
    /** 新建 / 改扩建 / 维修. */
    renovationType: text('renovation_type').notNull(),
    targetArea: real('target_area'),
    /** 一厅式便民服务大厅. */
    hallArea: real('hall_area'),
    /** [{ name, area }]: the 功能室 planned. */
    rooms: text('rooms').notNull().default('[]'),
    contractor: text('contractor'),
    leaderName: text('leader_name'),
    leaderPhone: text('leader_phone'),
    responsibleName: text('responsible_name'),
    responsiblePhone: text('responsible_phone'),
    /** 四议两公开: { 党组织提议, 两委会商议, 党员大会审议, 村民代表会议决议, 决议公开, 实施结果公开 } dates. */
    decisionDates: text('decision_dates').notNull().default('{}'),
    requiredOn: text('required_on').notNull(),
    /** 总投资 in 分; its split by source is centre_funds. */
    totalFen: integer('total_fen').notNull().default(0),
    assetRegisteredOn: text('asset_registered_on'),
    /** After completion: not leased, mortgaged or sold. */
    notEncumbered: integer('not_encumbered', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    deletedAt: text('deleted_at'),
    // Derived on write; never typed.
    /** Lateness already fixed: the most days any done milestone was late (negative: ahead). */
    doneLateDays: integer('done_late_days'),
    /** The earliest planned date of a milestone not yet done; SQL compares it with today. */
    openDue: text('open_due'),
    openMilestone: text('open_milestone'),
    startedOn: text('started_on'),
    completedOn: text('completed_on'),
    inUseOn: text('in_use_on'),
    progressPercent: integer('progress_percent').notNull().default(0),
    progressOn: text('progress_on'),
    /** From the 形象进度 gained in the 30 days before the latest entry; null when nothing was gained. */
    projectedOn: text('projected_on'),
    unitOrder: integer('unit_order').notNull().default(0),
    ...timestamps,
  },
  (t) => {
    const live = sql`deleted_at IS NULL`;
    return [
      uniqueIndex('centres_live_unit_uq').on(t.unitId).where(live),
      index('centres_live_order_idx').on(t.unitOrder, t.unitId, t.id).where(live),
      index('centres_live_type_idx').on(t.renovationType).where(live),
      index('centres_live_due_idx').on(t.openDue).where(live),
    ];
  },
);

/** 总投资 split by 资金来源 (planned); the sum must equal the total. */
export const centreFunds = sqliteTable(
  'centre_funds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    centreId: integer('centre_id')
      .notNull()
      .references(() => centres.id),
    source: text('source').notNull(),
    plannedFen: integer('planned_fen').notNull(),
  },
  (t) => [uniqueIndex('centre_funds_uq').on(t.centreId, t.source), index('centre_funds_source_idx').on(t.source)],
);

/** 资金下拨 (allocated) and 支付 (paid) by source, dated. */
export const centreMoney = sqliteTable(
  'centre_money',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    centreId: integer('centre_id')
      .notNull()
      .references(() => centres.id),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    date: text('date').notNull(),
    amountFen: integer('amount_fen').notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('centre_money_centre_idx').on(t.centreId, t.date), index('centre_money_date_idx').on(t.date)],
);

/** The back-scheduled milestones. baseline_on is the first plan, kept when dates are re-planned. */
export const centreMilestones = sqliteTable(
  'centre_milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    centreId: integer('centre_id')
      .notNull()
      .references(() => centres.id),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    plannedOn: text('planned_on').notNull(),
    baselineOn: text('baseline_on').notNull(),
    actualOn: text('actual_on'),
    note: text('note'),
    ...timestamps,
  },
  (t) => [uniqueIndex('centre_milestones_uq').on(t.centreId, t.seq), index('centre_milestones_actual_idx').on(t.actualOn)],
);

/** 形象进度 entries; photos hang off them as attachments (owner 'centre_progress'). */
export const centreProgress = sqliteTable(
  'centre_progress',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    centreId: integer('centre_id')
      .notNull()
      .references(() => centres.id),
    date: text('date').notNull(),
    percent: integer('percent').notNull(),
    note: text('note'),
    deletedAt: text('deleted_at'),
    ...timestamps,
  },
  (t) => [index('centre_progress_centre_idx').on(t.centreId, t.date)],
);
