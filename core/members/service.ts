/** Writes to 发展档案. Each owns its transaction and audit entry; the pure rules have the final say. */
import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { memberExits, memberPeriodic, memberRecords, memberReviews, memberSteps, orgUnits, people, reviewLetters } from '../../db/schema';
import { hideAttachmentsOf } from '../attachments/service';
import { recordAudit } from '../audit/service';
import { assertUnchangedSince } from '../audit/version';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { LedgerError, invalid, notFound } from '../errors';
import { loadRecord, loadRecordsOfPerson, toMemberRecord } from './load';
import type { MemberRecord } from './record';
import { ruleTableInForce } from './rule-service';
import { checkRecord, type Violation } from './rules';
import { futureDateProblems, type DatedField } from './rules-entry';
import type { createRecordInput, exitInput, letterInput, periodicInput, recordStepInput, reviewInput, updateRecordInput } from './schemas';
import { STAGES, stepDef, stepTitle, type StepNo } from './steps';
import { derived } from './derived';
import { rejudge } from './state-store';

/** A write to one file: its facts and its stored judgement land in the same transaction, or neither does. */
function writeFile<T extends number | { id: number }>(ctx: LedgerContext, work: () => T): T {
  return inTransaction(ctx, () => {
    const result = work();
    rejudge(ctx, [typeof result === 'number' ? result : result.id]);
    return result;
  });
}

function violationKey(v: Violation): string {
  return `${v.ruleId}|${v.step ?? ''}|${v.field ?? ''}|${v.message}`;
}

const tagged = (v: Violation) => `【${v.ruleId}】${v.message}`;

export interface AllowOptions {
  /** Only the hard rules judge this write (政审 and 函调 forms have no 特殊情况说明 box). */
  hardOnly?: boolean;
  /** The input field every refusal is shown at, where the form's field names are not the rules' paths. */
  field?: string;
}

/** Field → message for the form: a finding on the step being written at its own field, anything else at the date. */
function fieldsOf(list: readonly Violation[], stepNo: number | undefined, field: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of list) {
    const key = field ?? (v.step === undefined || v.step === stepNo ? (v.field ?? 'date') : 'date');
    out[key] ??= tagged(v);
  }
  return out;
}

/**
 * Refuses a write whose new error-level violations are not allowed. Violations the record already had are not
 * blamed on this write, so a clerk can keep filling in an old, imperfect file.
 * - A hard rule (党章 conditions, ORD) refuses wherever the write puts the finding (a 支部大会 dated before the 政审
 *   结论 is R11's finding on step 10), and no 特殊情况说明 changes that.
 * - A 细则 time window refuses only on the step being written, unless the clerk writes a 特殊情况说明.
 */
export function assertAllowed(
  ctx: LedgerContext,
  before: MemberRecord,
  after: MemberRecord,
  reason: string | null | undefined,
  stepNo?: number,
  options: AllowOptions = {},
): Violation[] {
  const table = ruleTableInForce(ctx);
  const now = today(ctx);
  const existing = new Set(checkRecord(before, table, now).map(violationKey));
  const added = checkRecord(after, table, now).filter((v) => !existing.has(violationKey(v)) && v.level === 'error');
  const hard = added.filter((v) => v.hard);
  if (hard.length > 0) {
    throw new LedgerError('INVALID_INPUT', `${hard.map(tagged).join('；')}。此项不能以特殊情况说明保存，请修改后再保存。`, {
      fields: fieldsOf(hard, stepNo, options.field),
      details: { violations: hard, overridable: false },
    });
  }
  if (options.hardOnly) return [];
  // A deadline missed by a later, still-empty step is a reminder, not a fault of what is being typed now.
  const soft = added.filter((v) => stepNo === undefined || v.step === undefined || v.step === stepNo);
  if (soft.length > 0 && !reason?.trim()) {
    throw new LedgerError('INVALID_INPUT', `${soft.map(tagged).join('；')}。如确属特殊情况，请填写“特殊情况说明”后再保存。`, {
      fields: fieldsOf(soft, stepNo, options.field),
      details: { violations: soft, overridable: true },
    });
  }
  return soft;
}

/** Dates after the ledger's today are refused for what has already happened; each at its own field. */
function refuseFuture(ctx: LedgerContext, fields: DatedField[]): void {
  const problems = futureDateProblems(fields, today(ctx));
  if (problems.length === 0) return;
  throw invalid(problems.map((p) => p.message).join('；'), Object.fromEntries(problems.map((p) => [p.field, p.message])));
}

function activeRecordOf(ctx: LedgerContext, personId: number) {
  return loadRecordsOfPerson(ctx, personId).find((l) => {
      const s = derived(toMemberRecord(l)).status;
      return s !== '已终止培养' && s !== '已取消预备党员资格' && s !== '正式党员';
    });
}

export function createRecord(ctx: LedgerContext, input: z.output<typeof createRecordInput>): number {
  return writeFile(ctx, () => {
    const person = ctx.db.select().from(people).where(and(eq(people.id, input.personId), isNull(people.deletedAt))).get();
    if (!person) throw notFound('该人员');
    refuseFuture(ctx, [
      { field: 'applicationDate', label: '递交入党申请书日期', date: input.applicationDate },
      { field: 'leagueRecommendDate', label: '团组织推优日期', date: input.leagueRecommendDate },
    ]);
    const open = activeRecordOf(ctx, input.personId);
    if (open) {
      throw new LedgerError('CONFLICT', `${person.name}已有进行中的发展档案，不能重复建档。`, { details: { existingRecordId: open.record.id } });
    }
    const row = ctx.db
      .insert(memberRecords)
      .values({ personId: input.personId, branchId: input.branchId ?? null, leagueMember: input.leagueMember, leagueRecommendDate: input.leagueRecommendDate ?? null, leavingSoon: input.leavingSoon, note: input.note })
      .returning({ id: memberRecords.id })
      .get();
    const step = { recordId: row.id, stepNo: 1, date: input.applicationDate, overrideReason: input.overrideReason };
    ctx.db.insert(memberSteps).values(step).run();
    const loaded = loadRecord(ctx, row.id);
    const after = toMemberRecord(loaded);
    assertAllowed(ctx, { ...after, steps: {} }, after, input.overrideReason, 1, { field: 'applicationDate' });
    recordAudit(ctx, { entity: 'member_record', entityId: row.id, action: '新增', summary: `建立发展档案：${person.name}（申请日期 ${input.applicationDate}）`, after: { ...input } });
    return row.id;
  });
}

export function updateRecord(ctx: LedgerContext, input: z.output<typeof updateRecordInput>): number {
  return writeFile(ctx, () => {
    const before = loadRecord(ctx, input.id);
    refuseFuture(ctx, [{ field: 'leagueRecommendDate', label: '团组织推优日期', date: input.leagueRecommendDate }]);
    const patch = {
      branchId: input.branchId === undefined ? before.record.branchId : input.branchId,
      leagueMember: input.leagueMember ?? before.record.leagueMember,
      leagueRecommendDate: input.leagueRecommendDate === undefined ? before.record.leagueRecommendDate : input.leagueRecommendDate,
      leavingSoon: input.leavingSoon ?? before.record.leavingSoon,
      note: input.note === undefined ? before.record.note : input.note,
      updatedAt: timestamp(ctx),
    };
    ctx.db.update(memberRecords).set(patch).where(eq(memberRecords.id, input.id)).run();
    recordAudit(ctx, { entity: 'member_record', entityId: input.id, action: '修改', summary: `修改发展档案：${before.person.name}`, before: before.record, after: patch });
    return input.id;
  });
}

export function recordStep(ctx: LedgerContext, input: z.output<typeof recordStepInput>): { id: number; violations: Violation[] } {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, input.recordId);
    const before = toMemberRecord(loaded);
    const status = derived(before).status;
    if (status === '已终止培养' || status === '已取消预备党员资格') throw invalid(`${loaded.person.name}已${status.slice(1)}，不能再记录流程节点`);
    const def = stepDef(input.stepNo as StepNo);
    refuseFuture(ctx, [{ field: 'date', label: `${def.name}日期`, date: input.date }]);
    if (def.meeting?.countsRequired && !input.meeting) {
      throw invalid(`${stepTitle(def.no)}须填写应到、实到、赞成、反对、弃权人数`, { meeting: '请填写表决人数' });
    }
    const previous = loaded.steps.find((s) => s.stepNo === input.stepNo) ?? null;
    const values = {
      recordId: input.recordId,
      stepNo: input.stepNo,
      date: input.date,
      people: input.people?.length ? JSON.stringify(input.people) : null,
      meeting: input.meeting ? JSON.stringify(input.meeting) : null,
      publicityFrom: input.publicity?.from ?? null,
      publicityTo: input.publicity?.to ?? null,
      trainingDays: input.training?.days ?? null,
      trainingHours: input.training?.hours ?? null,
      note: input.note,
      overrideReason: input.overrideReason,
      updatedAt: timestamp(ctx),
    };
    if (previous) ctx.db.update(memberSteps).set(values).where(eq(memberSteps.id, previous.id)).run();
    else ctx.db.insert(memberSteps).values(values).run();
    const after = toMemberRecord(loadRecord(ctx, input.recordId));
    const withoutStep: MemberRecord = { ...before, steps: { ...before.steps, [input.stepNo]: undefined } };
    const explained = assertAllowed(ctx, previous ? withoutStep : before, after, input.overrideReason, input.stepNo);
    recordAudit(ctx, {
      entity: 'member_step',
      entityId: input.recordId,
      action: previous ? '修改' : '记录',
      summary: `${loaded.person.name}：${stepTitle(def.no)} ${input.date}${explained.length ? `（特殊情况说明：${input.overrideReason}）` : ''}`,
      before: previous,
      after: values,
    });
    return { id: input.recordId, violations: explained };
  });
}

export function removeStep(ctx: LedgerContext, recordId: number, stepNo: number): number {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, recordId);
    const step = loaded.steps.find((s) => s.stepNo === stepNo);
    if (!step) throw notFound('该流程节点记录');
    if (stepNo === 1) throw invalid('递交入党申请书是档案的起点，不能撤销；如需作废请删除整个档案');
    ctx.db.delete(memberSteps).where(eq(memberSteps.id, step.id)).run();
    hideAttachmentsOf(ctx, 'member_step', step.id);
    recordAudit(ctx, { entity: 'member_step', entityId: recordId, action: '撤销', summary: `${loaded.person.name}：撤销${stepTitle(stepNo as StepNo)}`, before: step });
    return recordId;
  });
}

export function saveReview(ctx: LedgerContext, input: z.output<typeof reviewInput>): number {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, input.recordId);
    refuseFuture(ctx, [
      { field: 'talkDate', label: '政审谈话日期', date: input.talkDate },
      { field: 'reportDate', label: '政审材料报送日期', date: input.reportDate },
      { field: 'examDate', label: '审查日期', date: input.examDate },
      { field: 'conclusionDate', label: '审查结论日期', date: input.conclusionDate },
    ]);
    if (input.conclusionResult && (!input.conclusionDate || !input.conclusionSigner)) {
      throw invalid('填写审查结论时须同时填写结论日期和签署人', { [input.conclusionDate ? 'conclusionSigner' : 'conclusionDate']: '请填写' });
    }
    const lastLetter = loaded.letters.map((l) => l.date).sort().at(-1);
    if (input.conclusionDate && lastLetter && input.conclusionDate < lastLetter) {
      throw invalid(`审查结论日期 ${input.conclusionDate} 早于函调日期 ${lastLetter}，结论须在全部函调之后作出`, { conclusionDate: `须不早于 ${lastLetter}` });
    }
    const { recordId, contentItems, ...rest } = input;
    const values = { ...rest, recordId, contentItems: contentItems ? JSON.stringify(contentItems) : null, updatedAt: timestamp(ctx) };
    if (loaded.review) ctx.db.update(memberReviews).set(values).where(eq(memberReviews.recordId, recordId)).run();
    else ctx.db.insert(memberReviews).values(values).run();
    // R11 and ORD judge the 结论 too: e.g. a 结论 moved after an already recorded 支部大会.
    assertAllowed(ctx, toMemberRecord(loaded), toMemberRecord(loadRecord(ctx, recordId)), null, 10, { hardOnly: true, field: 'conclusionDate' });
    recordAudit(ctx, { entity: 'member_review', entityId: recordId, action: loaded.review ? '修改' : '记录', summary: `${loaded.person.name}：政治审查${input.conclusionResult ? `（结论：${input.conclusionResult}）` : ''}`, before: loaded.review, after: values });
    return recordId;
  });
}

export function addLetter(ctx: LedgerContext, input: z.output<typeof letterInput>): number {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, input.recordId);
    refuseFuture(ctx, [
      { field: 'date', label: '函调日期', date: input.date },
      { field: 'replyDate', label: '回函日期', date: input.replyDate },
    ]);
    if (input.replyDate && input.replyDate < input.date) {
      throw invalid(`回函日期（${input.replyDate}）早于函调日期（${input.date}）`, { replyDate: `须不早于 ${input.date}` });
    }
    const row = ctx.db.insert(reviewLetters).values(input).returning().get();
    // A 函调 after the 结论 breaks R11: the 结论 must follow every 函调.
    assertAllowed(ctx, toMemberRecord(loaded), toMemberRecord(loadRecord(ctx, input.recordId)), null, 10, { hardOnly: true, field: 'date' });
    recordAudit(ctx, { entity: 'review_letter', entityId: input.recordId, action: '新增', summary: `${loaded.person.name}：函调 ${input.target}（${input.date}）`, after: row });
    return input.recordId;
  });
}

export function removeLetter(ctx: LedgerContext, id: number): number {
  return writeFile(ctx, () => {
    const row = ctx.db.select().from(reviewLetters).where(eq(reviewLetters.id, id)).get();
    if (!row) throw notFound('该函调记录');
    ctx.db.delete(reviewLetters).where(eq(reviewLetters.id, id)).run();
    hideAttachmentsOf(ctx, 'review_letter', id);
    recordAudit(ctx, { entity: 'review_letter', entityId: row.recordId, action: '删除', summary: `删除函调：${row.target}（${row.date}）`, before: row });
    return row.recordId;
  });
}

export function addPeriodic(ctx: LedgerContext, input: z.output<typeof periodicInput>): number {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, input.recordId);
    refuseFuture(ctx, [{ field: 'date', label: `${input.kind}日期`, date: input.date }]);
    const row = ctx.db.insert(memberPeriodic).values(input).returning().get();
    recordAudit(ctx, { entity: 'member_periodic', entityId: input.recordId, action: '新增', summary: `${loaded.person.name}：${input.kind} ${input.date}`, after: row });
    return input.recordId;
  });
}

export function removePeriodic(ctx: LedgerContext, id: number): number {
  return writeFile(ctx, () => {
    const row = ctx.db.select().from(memberPeriodic).where(eq(memberPeriodic.id, id)).get();
    if (!row || row.deletedAt) throw notFound('该记录');
    ctx.db.update(memberPeriodic).set({ deletedAt: timestamp(ctx) }).where(eq(memberPeriodic.id, id)).run();
    recordAudit(ctx, { entity: 'member_periodic', entityId: row.recordId, action: '删除', summary: `删除${row.kind}：${row.date}`, before: row });
    return row.recordId;
  });
}

export function addExit(ctx: LedgerContext, input: z.output<typeof exitInput>): number {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, input.recordId);
    const before = toMemberRecord(loaded);
    const d = derived(before);
    refuseFuture(ctx, [
      { field: 'date', label: `${input.kind}日期`, date: input.date },
      { field: 'meetingDate', label: '支部大会日期', date: input.meetingDate },
      { field: 'approvalDate', label: '上级党委审批日期', date: input.approvalDate },
    ]);
    if (input.kind !== '终止培养' && d.status !== '预备党员') throw invalid(`只有预备党员才能${input.kind}（当前：${d.status}）`);
    if (input.kind === '终止培养' && (d.status === '预备党员' || d.status === '正式党员')) throw invalid('已接收为预备党员的，不能“终止培养”，应办理“取消预备党员资格”');
    if (loaded.exits.some((e) => e.kind === input.kind && e.kind !== '延长预备期')) throw invalid(`已有“${input.kind}”记录`);
    const row = ctx.db.insert(memberExits).values(input).returning().get();
    const after = toMemberRecord(loadRecord(ctx, input.recordId));
    assertAllowed(ctx, before, after, input.reason);
    recordAudit(ctx, { entity: 'member_exit', entityId: input.recordId, action: '新增', summary: `${loaded.person.name}：${input.kind}（${input.date}）${input.reason ? `，原因：${input.reason}` : ''}`, after: row });
    return input.recordId;
  });
}

export function removeExit(ctx: LedgerContext, id: number): number {
  return writeFile(ctx, () => {
    const row = ctx.db.select().from(memberExits).where(eq(memberExits.id, id)).get();
    if (!row) throw notFound('该记录');
    ctx.db.delete(memberExits).where(eq(memberExits.id, id)).run();
    recordAudit(ctx, { entity: 'member_exit', entityId: row.recordId, action: '撤销', summary: `撤销${row.kind}（${row.date}）`, before: row });
    return row.recordId;
  });
}

/** The file a person's deletion would take off every list: the one still in progress, with where it stands. */
export function activeRecordSummary(ctx: LedgerContext, personId: number): { recordId: number; stage: number | null; stageName: string | null; status: string } | null {
  const open = activeRecordOf(ctx, personId);
  if (!open) return null;
  const d = derived(toMemberRecord(open));
  return { recordId: open.record.id, stage: d.currentStage, stageName: d.currentStage ? STAGES[d.currentStage - 1]!.name : null, status: d.status };
}

/**
 * A file created by mistake (wrong person, a duplicate) is deleted, not 终止培养: 终止培养 is a decision about a real
 * applicant and stays in the reports. Soft: the row keeps deleted_at, every list, count and report leaves it out
 * (load.ts reads live files only), and restoreRecord brings it back.
 */
export function removeRecord(ctx: LedgerContext, id: number): number {
  return writeFile(ctx, () => {
    const loaded = loadRecord(ctx, id);
    const now = timestamp(ctx);
    ctx.db.update(memberRecords).set({ deletedAt: now, updatedAt: now }).where(eq(memberRecords.id, id)).run();
    recordAudit(ctx, { entity: 'member_record', entityId: id, action: '删除', summary: `删除发展档案：${loaded.person.name}（误建，不是终止培养）`, before: loaded.record });
    return id;
  });
}

export function restoreRecord(ctx: LedgerContext, id: number, since?: number | null): number {
  return writeFile(ctx, () => {
    const row = ctx.db.select().from(memberRecords).where(eq(memberRecords.id, id)).get();
    if (!row?.deletedAt) throw notFound('该已删除的发展档案');
    const person = ctx.db.select({ name: people.name, deletedAt: people.deletedAt }).from(people).where(eq(people.id, row.personId)).get();
    if (!person || person.deletedAt) throw invalid('该档案的人员已从人员库删除，请先在人员库恢复该人员');
    assertUnchangedSince(ctx, { kind: 'record', id }, since, `${person.name}的发展档案`);
    const open = activeRecordOf(ctx, row.personId);
    if (open) {
      throw new LedgerError('CONFLICT', `${person.name}已有另一份进行中的发展档案，不能再恢复这一份。`, { details: { existingRecordId: open.record.id } });
    }
    ctx.db.update(memberRecords).set({ deletedAt: null, updatedAt: timestamp(ctx) }).where(eq(memberRecords.id, id)).run();
    recordAudit(ctx, { entity: 'member_record', entityId: id, action: '恢复', summary: `恢复发展档案：${person.name}`, after: { ...row, deletedAt: null } });
    return id;
  });
}

/** The undo of removeStep: records the step again only if nothing about the file was written since. */
export function restoreStep(ctx: LedgerContext, input: z.output<typeof recordStepInput> & { since: number }) {
  return writeFile(ctx, () => {
    const { since, ...step } = input;
    assertUnchangedSince(ctx, { kind: 'record', id: step.recordId }, since, `该档案的“${stepTitle(step.stepNo as StepNo)}”`);
    return recordStep(ctx, step);
  });
}

/** Deleted files, newest first, for the 恢复 list: only files whose person is still in the 人员库. */
export function listDeletedRecords(ctx: LedgerContext) {
  return ctx.db
    .select({ id: memberRecords.id, personName: people.name, unitName: orgUnits.name, applicationDate: memberSteps.date, deletedAt: memberRecords.deletedAt })
    .from(memberRecords)
    .innerJoin(people, eq(people.id, memberRecords.personId))
    .leftJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .leftJoin(memberSteps, and(eq(memberSteps.recordId, memberRecords.id), eq(memberSteps.stepNo, 1)))
    .where(and(isNotNull(memberRecords.deletedAt), isNull(people.deletedAt)))
    .orderBy(desc(memberRecords.deletedAt), asc(memberRecords.id))
    .all()
    .map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}
