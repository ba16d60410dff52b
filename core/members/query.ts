/** Reads of 发展档案: list, detail, 合规检查, reminders and indicators, all judged by the rule table in force. */
import type { z } from 'zod';
import { today, type LedgerContext } from '../context';
import { maskIdNumber } from '../people/idcard';
import { getSettings } from '../org/settings';
import { derived } from './derived';
import { branchFacts, dormantBranches, type DormantBranch } from './dormant';
import { admissionIndicators } from './indicators';
import { loadRecord, loadRecords, parseJson, toMemberRecord, type LoadedRecord, type StoredPerson } from './load';
import { keyDate, keyDates, type MemberRecord } from './record';
import { remindersFor, sortReminders, type Reminder } from './reminders';
import type { RuleTable } from './rule-table';
import { ruleTableInForce } from './rule-service';
import { checkRecord, sortViolations, type Violation } from './rules';
import type { RecordDetail, RecordSortField, RecordSummary, ReminderOut, recordQuery } from './schemas';
import { STAGES, STEPS, stepDef } from './steps';
import { comparePinyin } from '../people/pinyin';

export interface Judged {
  loaded: LoadedRecord;
  record: MemberRecord;
  summary: RecordSummary;
  violations: Violation[];
  reminders: Reminder[];
}

const ENDED = new Set(['已终止培养', '已取消预备党员资格']);

export function judge(loaded: LoadedRecord, table: RuleTable, now: string): Judged {
  const record = toMemberRecord(loaded);
  const d = derived(record, table);
  const violations = sortViolations(checkRecord(record, table, now));
  const reminders = sortReminders(remindersFor(record, table, now));
  const stage = d.currentStage ?? 1;
  // 培养期满 is the earliest day 发展对象 may be decided, not a deadline.
  const pressing = reminders.find((r) => r.kind !== '培养期满');
  const summary: RecordSummary = {
    id: loaded.record.id,
    personId: loaded.person.id,
    personName: loaded.person.name,
    gender: loaded.person.gender,
    birthDate: loaded.person.birthDate,
    idNumberMasked: maskIdNumber(loaded.person.idNumber),
    unitName: loaded.unitName,
    branchId: loaded.record.branchId,
    branchName: loaded.branchName,
    stage,
    stageName: STAGES[stage - 1]!.name,
    status: d.status,
    lastStep: d.lastStep ?? 0,
    nextStep: d.nextStep?.no ?? null,
    nextStepName: d.nextStep?.name ?? null,
    dates: Object.fromEntries(loaded.steps.map((s) => [String(s.stepNo), s.date])),
    errors: violations.filter((v) => v.level === 'error').length,
    warnings: violations.filter((v) => v.level === 'warning').length,
    overdue: reminders.filter((r) => r.status === 'overdue').length,
    probationEnd: d.probationEnd ?? null,
    deadline: pressing ? { dueDate: pressing.dueDate, status: pressing.status, daysLeft: pressing.daysLeft, title: pressing.title } : null,
  };
  return { loaded, record, summary, violations, reminders };
}

export function judgeAll(ctx: LedgerContext): Judged[] {
  const table = ruleTableInForce(ctx);
  const now = today(ctx);
  return loadRecords(ctx).map((l) => judge(l, table, now));
}

function statusGroup(status: string): '进行中' | '已转正' | '已终止' {
  if (status === '正式党员') return '已转正';
  return ENDED.has(status) ? '已终止' : '进行中';
}

/** Stable comparators on the derived values a clerk sorts by; a file with no deadline sorts after every date. */
const SORTERS: Record<RecordSortField, (a: RecordSummary, b: RecordSummary) => number> = {
  personName: (a, b) => comparePinyin(a.personName, b.personName),
  lastStep: (a, b) => a.lastStep - b.lastStep,
  deadline: (a, b) => (a.deadline?.dueDate ?? '9999').localeCompare(b.deadline?.dueDate ?? '9999'),
  problems: (a, b) => a.errors - b.errors || a.overdue - b.overdue || a.warnings - b.warnings,
};

/** In memory after one batched load: a township holds hundreds of files, and stage/overdue are derived values. */
export function listRecords(ctx: LedgerContext, query: z.output<typeof recordQuery>) {
  let rows = judgeAll(ctx);
  if (query.q) {
    const q = query.q.toUpperCase();
    rows = rows.filter((j) => j.loaded.person.name.includes(query.q!) || j.loaded.person.idNumber.includes(q));
  }
  if (query.stage) rows = rows.filter((j) => j.summary.stage === query.stage && statusGroup(j.summary.status) === '进行中');
  if (query.status) rows = rows.filter((j) => statusGroup(j.summary.status) === query.status);
  if (query.unitId) rows = rows.filter((j) => j.loaded.person.unitId === query.unitId);
  if (query.branchId) rows = rows.filter((j) => j.loaded.record.branchId === query.branchId);
  if (query.activistYear) rows = rows.filter((j) => keyDates(j.record).J?.startsWith(String(query.activistYear)));
  if (query.onlyOverdue) rows = rows.filter((j) => j.summary.overdue > 0);
  if (query.onlyViolations) rows = rows.filter((j) => j.summary.errors + j.summary.warnings > 0);
  if (query.sortField) rows.sort((a, b) => SORTERS[query.sortField!](a.summary, b.summary));
  if (query.sortOrder === 'descend') rows.reverse();
  const start = (query.page - 1) * query.pageSize;
  return { total: rows.length, items: rows.slice(start, start + query.pageSize).map((j) => j.summary) };
}

export function getRecordDetail(ctx: LedgerContext, id: number): RecordDetail {
  const table = ruleTableInForce(ctx);
  const j = judge(loadRecord(ctx, id), table, today(ctx));
  const d = derived(j.record, table);
  const dueByStep = new Map(j.reminders.map((r) => [r.step, r]));
  const { loaded } = j;
  const review = loaded.review;
  return {
    ...j.summary,
    leagueMember: loaded.record.leagueMember,
    leagueRecommendDate: loaded.record.leagueRecommendDate,
    leavingSoon: loaded.record.leavingSoon,
    note: loaded.record.note,
    partyAgeStart: d.partyAgeStart ?? null,
    steps: STEPS.map((def) => {
      const row = loaded.steps.find((s) => s.stepNo === def.no);
      const due = dueByStep.get(def.no);
      const nextWindow = d.nextStep?.no === def.no ? (d.nextStep.latest ?? null) : null;
      return {
        id: row?.id ?? null,
        stepNo: def.no,
        stage: def.stage,
        name: def.name,
        kind: def.kind,
        // A deadline months away is shown, but the step only turns 'due' inside the reminder window.
        status: row ? 'done' : due?.status === 'overdue' ? 'overdue' : due?.status === 'due' ? 'due' : 'todo',
        deadline: row ? null : (due?.dueDate ?? nextWindow),
        date: row?.date ?? null,
        people: parseJson<StoredPerson[]>(row?.people ?? null) ?? [],
        meeting: parseJson(row?.meeting ?? null),
        publicity: row?.publicityFrom && row.publicityTo ? { from: row.publicityFrom, to: row.publicityTo } : null,
        training: row && (row.trainingDays !== null || row.trainingHours !== null) ? { days: row.trainingDays, hours: row.trainingHours } : null,
        note: row?.note ?? null,
        overrideReason: row?.overrideReason ?? null,
      };
    }),
    review: {
      talkDate: review?.talkDate ?? null,
      talkBy: review?.talkBy ?? null,
      talkSummary: review?.talkSummary ?? null,
      reportDate: review?.reportDate ?? null,
      reportMaterials: review?.reportMaterials ?? null,
      examDate: review?.examDate ?? null,
      examNote: review?.examNote ?? null,
      contentItems: parseJson<string[]>(review?.contentItems ?? null),
      conclusionResult: (review?.conclusionResult as '合格' | '不合格' | null) ?? null,
      conclusionDate: review?.conclusionDate ?? null,
      conclusionSigner: review?.conclusionSigner ?? null,
      letters: loaded.letters.map((l) => ({ id: l.id, date: l.date, target: l.target, replyDate: l.replyDate, note: l.note })),
    },
    periodic: loaded.periodic.map((p) => ({ id: p.id, kind: p.kind, date: p.date, summary: p.summary })),
    exits: loaded.exits.map((e) => ({ id: e.id, kind: e.kind, date: e.date, months: e.months, meetingDate: e.meetingDate, approvalDate: e.approvalDate, reason: e.reason })),
    violations: j.violations,
    reminders: j.reminders.map((r) => toReminderOut(j, r)),
    ruleInput: j.record,
  };
}

function toReminderOut(j: Judged, r: Reminder): ReminderOut {
  return {
    recordId: j.summary.id,
    personName: j.summary.personName,
    unitName: j.summary.unitName,
    branchName: j.summary.branchName,
    kind: r.kind,
    title: r.title,
    dueDate: r.dueDate,
    status: r.status,
    daysLeft: r.daysLeft,
    step: r.step,
    ruleId: r.ruleId,
    level: r.level,
  };
}

/** Every reminder across live files, overdue first: the 首页 list and the 月度提醒清单. */
export function allReminders(ctx: LedgerContext, includeUpcoming = false): ReminderOut[] {
  return remindersOf(judgeAll(ctx), includeUpcoming);
}

function remindersOf(judged: Judged[], includeUpcoming: boolean): ReminderOut[] {
  const list = judged.flatMap((j) => j.reminders.filter((r) => includeUpcoming || r.status !== 'upcoming').map((r) => toReminderOut(j, r)));
  const rank = { overdue: 0, due: 1, upcoming: 2 } as const;
  return list.sort((a, b) => rank[a.status] - rank[b.status] || a.dueDate.localeCompare(b.dueDate));
}

/** Everything 首页 shows about 发展党员, from one pass over the files: it is the screen opened most often. */
export function overview(ctx: LedgerContext) {
  const judged = judgeAll(ctx);
  const active = judged.filter((j) => statusGroup(j.summary.status) === '进行中');
  return {
    perStage: STAGES.map((s) => active.filter((j) => j.summary.stage === s.no).length),
    active: active.length,
    overdue: judged.filter((j) => j.summary.overdue > 0).length,
    problems: judged.filter((j) => j.summary.errors + j.summary.warnings > 0).length,
    reminders: remindersOf(judged, false),
    dormant: dormancy(ctx, judged),
  };
}

/** "多年不发展党员" by the township's threshold, counted by 上级党委审批 (节点17): 首页 and its report. */
export function dormancy(ctx: LedgerContext, judged: Judged[] = judgeAll(ctx)): { years: number; branches: DormantBranch[] } {
  const years = getSettings(ctx).dormantYears;
  const files = judged.map((j) => ({
    branchId: j.loaded.record.branchId,
    approvedOn: keyDate(j.record, 'P'),
    firstDate: j.loaded.steps.map((s) => s.date).sort()[0],
    active: statusGroup(j.summary.status) === '进行中',
  }));
  return { years, branches: dormantBranches(branchFacts(ctx), files, today(ctx), years) };
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

/** The 合规检查 list and `ledger check`. */
export function allFindings(ctx: LedgerContext): Finding[] {
  return judgeAll(ctx).flatMap((j) =>
    j.violations.map((v) => ({
      recordId: j.summary.id,
      personName: j.summary.personName,
      unitName: j.summary.unitName,
      branchName: j.summary.branchName,
      ruleId: v.ruleId,
      level: v.level,
      step: v.step ?? null,
      stepName: v.step ? stepDef(v.step).name : null,
      message: v.message,
      dates: v.dates,
      explanation: v.explanation ?? null,
    })),
  );
}

export function indicators(ctx: LedgerContext, from: string, to: string) {
  const judged = judgeAll(ctx);
  const result = admissionIndicators(judged.map((j) => j.record), { from, to });
  const perStage = STAGES.map((s) => ({ stage: s.no, name: s.name, count: judged.filter((j) => j.summary.stage === s.no && statusGroup(j.summary.status) === '进行中').length }));
  const perUnit = new Map<number | null, { unitId: number | null; unitName: string; count: number }>();
  for (const j of judged) {
    if (statusGroup(j.summary.status) !== '进行中') continue;
    const unitId = j.loaded.person.unitId;
    const entry = perUnit.get(unitId) ?? { unitId, unitName: j.summary.unitName ?? '（未指定）', count: 0 };
    entry.count++;
    perUnit.set(unitId, entry);
  }
  return { ...result, perStage, perUnit: [...perUnit.values()] };
}
