import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { memberRecords } from './members';

/**
 * What the rules concluded about a 发展档案, written in the same transaction as every write that changes its facts
 * (architecture.md, "Derived state"). Lists, counts and reports read these rows with SQL; nothing here is typed by
 * a clerk, and `ledger check --recompute` proves every row against the facts. Losing these tables loses nothing:
 * they are rebuilt from the facts. Only live files have a row (a deleted file, or a file of a deleted person, has
 * none), and the few facts of the person a list filters and sorts by are copied here, so a page is read from this
 * table and its indexes alone.
 */
export const memberState = sqliteTable(
  'member_state',
  {
    recordId: integer('record_id')
      .primaryKey()
      .references(() => memberRecords.id),
    /** The rule-table version the file was judged by; a different version in force means judge again. */
    personId: integer('person_id').notNull(),
    unitId: integer('unit_id'),
    branchId: integer('branch_id'),
    /** The person's name in pinyin order (people.sort_key), for the list's 姓名 sort. */
    nameKey: text('name_key').notNull(),
    /** The person's name and 公民身份号码 as the list's search box matches them, without a join to 100,000 people. */
    personName: text('person_name'),
    idNumber: text('id_number'),
    rulesVersion: integer('rules_version').notNull(),
    judgedOn: text('judged_on').notNull(),
    /** Findings were worked out up to this day; from it on the file is judged again. */
    judgedUntil: text('judged_until').notNull(),
    stage: integer('stage').notNull(),
    status: text('status').notNull(),
    /** 进行中 / 已转正 / 已终止: what the list's status filter and the stage counts use. */
    statusGroup: text('status_group').notNull(),
    lastStep: integer('last_step').notNull(),
    nextStep: integer('next_step'),
    nextEarliest: text('next_earliest'),
    nextLatest: text('next_latest'),
    probationEnd: text('probation_end'),
    partyAgeStart: text('party_age_start'),
    /** J: 确定为入党积极分子, for the list's 积极分子年度 filter. */
    activistOn: text('activist_on'),
    /** P: 上级党委审批, the date 发展党员 are counted by. */
    approvedOn: text('approved_on'),
    firstDate: text('first_date'),
    /** The most pressing deadline (培养期满 excluded: it is the earliest day, not a deadline). */
    deadlineDue: text('deadline_due'),
    /**
     * The list's 问题 sort as one indexed number (errors, then overdue deadlines, then warnings; problem-rank.ts),
     * true from problem_rank_on until the day before problem_rank_until; null after a re-judge until the next sort.
     */
    problemRank: integer('problem_rank'),
    problemRankOn: text('problem_rank_on'),
    problemRankUntil: text('problem_rank_until'),
  },
  (t) => [
    index('member_state_group_stage_idx').on(t.statusGroup, t.stage),
    index('member_state_unit_idx').on(t.unitId),
    index('member_state_branch_idx').on(t.branchId),
    index('member_state_person_idx').on(t.personId),
    index('member_state_name_idx').on(t.nameKey),
    index('member_state_deadline_idx').on(t.deadlineDue),
    // The list's 截止时间 sort: a file with no deadline after every date (core/members/list.ts).
    index('member_state_deadline_sort_idx').on(sql`coalesce(${t.deadlineDue}, '9999-12-31')`),
    index('member_state_approved_idx').on(t.approvedOn),
    index('member_state_activist_idx').on(t.activistOn),
    index('member_state_last_step_idx').on(t.lastStep),
    index('member_state_until_idx').on(t.judgedUntil),
    index('member_state_version_idx').on(t.rulesVersion),
    index('member_state_problem_rank_idx').on(t.problemRank, t.recordId),
    index('member_state_problem_until_idx').on(t.problemRankUntil),
    index('member_state_problem_on_idx').on(t.problemRankOn),
  ],
);

/** One row per rule finding, with the span of days it is in force (a deadline passed takes effect the day after). */
export const memberFindings = sqliteTable(
  'member_findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => memberRecords.id),
    /** The order the rules produced it, so a file's findings read back in the order they were judged. */
    seq: integer('seq').notNull(),
    ruleId: text('rule_id').notNull(),
    level: text('level').notNull(),
    hard: integer('hard', { mode: 'boolean' }).notNull().default(false),
    step: integer('step'),
    field: text('field'),
    message: text('message').notNull(),
    /** Record<string, string> as JSON. */
    dates: text('dates').notNull(),
    explanation: text('explanation'),
    activeFrom: text('active_from'),
    activeUntil: text('active_until'),
  },
  (t) => [index('member_findings_record_idx').on(t.recordId, t.seq), index('member_findings_rule_idx').on(t.ruleId)],
);

/**
 * The deadlines a file owes (谈话, 考察, 审批 …), independent of today: whether each is due, overdue or upcoming
 * is worked out from its date when it is read.
 */
export const memberDeadlines = sqliteTable(
  'member_deadlines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => memberRecords.id),
    kind: text('kind').notNull(),
    ruleId: text('rule_id').notNull(),
    step: integer('step').notNull(),
    dueDate: text('due_date').notNull(),
    /** The day after which an overdue deadline is an error whatever its rule's level (R21's six months). */
    finalDate: text('final_date'),
    /** The level once overdue (before finalDate). */
    overdueLevel: text('overdue_level').notNull(),
    /** The key dates the reminder text quotes, as JSON. */
    facts: text('facts').notNull(),
  },
  (t) => [index('member_deadlines_record_idx').on(t.recordId), index('member_deadlines_due_idx').on(t.dueDate)],
);
