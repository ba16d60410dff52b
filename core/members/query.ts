/**
 * One 发展档案 judged from its facts by the rule table in force: the detail page, and the judge the stored
 * judgement is proven against (`ledger check --recompute`). Lists and counts read the stored judgement instead.
 */
import { today, type LedgerContext } from '../context';
import { maskIdNumber } from '../people/idcard';
import { derived } from './derived';
import { loadRecord, parseJson, toMemberRecord, type LoadedRecord, type StoredPerson } from './load';
import type { MemberRecord } from './record';
import { remindersFor, sortReminders, type Reminder } from './reminders';
import type { RuleTable } from './rule-table';
import { ruleTableInForce } from './rule-service';
import { checkRecord, sortViolations, type Violation } from './rules';
import type { RecordDetail, RecordSummary, ReminderOut } from './schemas';
import { STAGES, STEPS } from './steps';

export interface Judged {
  loaded: LoadedRecord;
  record: MemberRecord;
  summary: RecordSummary;
  violations: Violation[];
  reminders: Reminder[];
}

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
