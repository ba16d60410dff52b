/**
 * 首页, reminders, 合规检查, 多年不发展党员 and the 指标 page, counted in SQL over the stored judgement: none of
 * them judges a file.
 */
import type { LedgerContext } from '../context';
import { getSettings } from '../org/settings';
import { branchFacts, dormantFromHistories, type BranchHistory, type DormantBranch } from './dormant';
import { admissionIndicators } from './indicators';
import { loadRecords, toMemberRecord } from './load';
import { DEFAULT_LEAD_DAYS, reminderOn } from './reminders';
import type { ReminderOut } from './schemas';
import { FINDING_ACTIVE, NAMED_FILES, toDeadline, toViolation } from './state-read';
import { hasFindings, refreshProblemRanks } from './problem-rank';
import { ensureJudged } from './state-store';
import { STAGES, stepDef } from './steps';
import { addDays } from './dates';

const STATUS_RANK = { overdue: 0, due: 1, upcoming: 2 } as const;

interface Named {
  recordId: number;
  personName: string;
  unitName: string | null;
  branchName: string | null;
}

const NAMED = 'r.id AS recordId, p.name AS personName, u.name AS unitName, b.name AS branchName';
// Village order, then the file: the order the lists have always come in.
const FILE_ORDER = 'u.sort_order, r.id';

/** Every reminder across live files, overdue first: the 首页 list and the 月度提醒清单. */
export function allReminders(ctx: LedgerContext, includeUpcoming = false): ReminderOut[] {
  const { today } = ensureJudged(ctx);
  return remindersAsOf(ctx, today, includeUpcoming);
}

function remindersAsOf(ctx: LedgerContext, today: string, includeUpcoming: boolean): ReminderOut[] {
  // Upcoming ones are left out in SQL: only a deadline within the lead days (or a reached 培养期满) is due.
  // Written as a range on due_date (today <= soon) so the due-date index answers it.
  const window = includeUpcoming ? '' : "AND d.due_date <= @soon AND (d.kind <> '培养期满' OR d.due_date <= @today)";
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${NAMED}, d.kind, d.rule_id AS ruleId, d.step, d.due_date AS dueDate, d.final_date AS finalDate, d.overdue_level AS overdueLevel, d.facts
       FROM ${NAMED_FILES} JOIN member_deadlines d ON d.record_id = r.id
       WHERE 1 ${window} ORDER BY ${FILE_ORDER}, d.step`,
    )
    .all(includeUpcoming ? {} : { today, soon: addDays(today, DEFAULT_LEAD_DAYS) }) as (Named & Parameters<typeof toDeadline>[0])[];
  const list = rows.map((row, order) => {
    const r = reminderOn(toDeadline(row), today);
    const out: ReminderOut = {
      recordId: row.recordId,
      personName: row.personName,
      unitName: row.unitName,
      branchName: row.branchName,
      kind: r.kind,
      title: r.title,
      dueDate: r.dueDate,
      status: r.status,
      daysLeft: r.daysLeft,
      step: r.step,
      ruleId: r.ruleId,
      level: r.level,
    };
    return { out, order };
  });
  return list
    .filter(({ out }) => includeUpcoming || out.status !== 'upcoming')
    .sort((a, b) => STATUS_RANK[a.out.status] - STATUS_RANK[b.out.status] || (a.out.dueDate < b.out.dueDate ? -1 : a.out.dueDate > b.out.dueDate ? 1 : 0) || a.order - b.order)
    .map(({ out }) => out);
}

function countLive(ctx: LedgerContext, condition: string, params: Record<string, unknown> = {}): number {
  return ctx.sqlite.prepare(`SELECT count(*) FROM member_state s WHERE ${condition}`).pluck().get(params) as number;
}

function activePerStage(ctx: LedgerContext): number[] {
  const rows = ctx.sqlite
    .prepare(`SELECT s.stage, count(*) AS n FROM member_state s WHERE s.status_group = '进行中' GROUP BY s.stage`)
    .all() as { stage: number; n: number }[];
  return STAGES.map((s) => rows.find((r) => r.stage === s.no)?.n ?? 0);
}

/** Files with a finding in force today, read from the stored 问题 rank instead of aggregating every finding. */
function filesWithFindings(ctx: LedgerContext, today: string): number {
  refreshProblemRanks(ctx, today);
  return countLive(ctx, hasFindings('s.problem_rank'));
}

/** Everything 首页 shows about 发展党员: the screen opened most often. */
export function overview(ctx: LedgerContext) {
  const { today } = ensureJudged(ctx);
  const perStage = activePerStage(ctx);
  return {
    perStage,
    active: perStage.reduce((a, b) => a + b, 0),
    overdue: countLive(ctx, 's.deadline_due < @today', { today }),
    problems: filesWithFindings(ctx, today),
    reminders: remindersAsOf(ctx, today, false),
    dormant: dormancyAsOf(ctx, today),
  };
}

/** "多年不发展党员" by the township's threshold, counted by 上级党委审批 (节点17): 首页 and its report. */
export function dormancy(ctx: LedgerContext): { years: number; branches: DormantBranch[] } {
  const { today } = ensureJudged(ctx);
  return dormancyAsOf(ctx, today);
}

function dormancyAsOf(ctx: LedgerContext, today: string): { years: number; branches: DormantBranch[] } {
  const years = getSettings(ctx).dormantYears;
  const histories = ctx.sqlite
    .prepare(
      `SELECT s.branch_id AS branchId, max(CASE WHEN s.approved_on <= @today THEN s.approved_on END) AS lastApproval,
         min(s.first_date) AS firstDate, sum(s.status_group = '进行中') AS activeFiles
       FROM member_state s GROUP BY s.branch_id`,
    )
    .all({ today }) as BranchHistory[];
  return { years, branches: dormantFromHistories(branchFacts(ctx), histories, today, years) };
}

export interface Finding {
  recordId: number;
  personName: string;
  unitName: string | null;
  branchName: string | null;
  ruleId: string;
  level: 'error' | 'warning';
  step: number | null;
  stepName: string | null;
  message: string;
  dates: Record<string, string>;
  explanation: string | null;
}

/** The 合规检查 list and `ledger check`: every finding in force today, file by file in village order. */
export function allFindings(ctx: LedgerContext): Finding[] {
  const { today } = ensureJudged(ctx);
  const rows = ctx.sqlite
    .prepare(
      `SELECT ${NAMED}, f.rule_id AS ruleId, f.level, f.hard, f.step, f.field, f.message, f.dates, f.explanation, f.active_from AS activeFrom, f.active_until AS activeUntil
       FROM ${NAMED_FILES} JOIN member_findings f ON f.record_id = r.id
       WHERE ${FINDING_ACTIVE} ORDER BY ${FILE_ORDER}, f.seq`,
    )
    .all({ today }) as (Named & Parameters<typeof toViolation>[0])[];
  return rows.map((row) => {
    const v = toViolation(row);
    return {
      recordId: row.recordId,
      personName: row.personName,
      unitName: row.unitName,
      branchName: row.branchName,
      ruleId: v.ruleId,
      level: v.level,
      step: v.step ?? null,
      stepName: v.step ? stepDef(v.step).name : null,
      message: v.message,
      dates: v.dates,
      explanation: v.explanation ?? null,
    };
  });
}

/** The 指标 page: only the files approved in the period are read in full, the counts come from the stored state. */
export function indicators(ctx: LedgerContext, from: string, to: string) {
  ensureJudged(ctx);
  const approved = ctx.sqlite
    .prepare('SELECT s.record_id FROM member_state s WHERE s.approved_on >= @from AND s.approved_on <= @to')
    .pluck()
    .all({ from, to }) as number[];
  const result = admissionIndicators(approved.length ? loadRecords(ctx, approved).map(toMemberRecord) : [], { from, to });
  const perStageCounts = activePerStage(ctx);
  const perStage = STAGES.map((s, i) => ({ stage: s.no, name: s.name, count: perStageCounts[i]! }));
  const perUnit = (
    ctx.sqlite
      .prepare(
        `SELECT s.unit_id AS unitId, coalesce(u.name, '（未指定）') AS unitName, count(*) AS count FROM member_state s
         LEFT JOIN org_units u ON u.id = s.unit_id
         WHERE s.status_group = '进行中' GROUP BY s.unit_id ORDER BY min(coalesce(u.sort_order, -1)), min(s.record_id)`,
      )
      .all() as { unitId: number | null; unitName: string; count: number }[]
  );
  return { ...result, perStage, perUnit };
}
