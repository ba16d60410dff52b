/**
 * Importing a 发展党员台账: one wide row per person, as the ledger's own 花名册 writes it or as a clerk keeps it. The
 * person is matched by 公民身份号码 (created from the row when not yet in the 人员库), the file by the person, and the
 * record the row would produce is judged by the same pure rules as the form:
 * - a 党章 condition or an order error (hard) whose facts the row gives, and which the row's dates break → 错误;
 * - a 细则 window broken → 错误 naming the rule, unless the row has a 特殊情况说明 (then stored as the step's reason);
 * - a finding only because the sheet lacks a fact (no vote counts, no 介绍人, no 考察 records, a later step not yet
 *   recorded) → a note "未录入", never a refusal; warnings are notes too.
 * New files go in through insertFilesBatch (judged in the same transaction); changed files have their step rows
 * written and are re-judged; the undo deletes what was inserted and puts the step rows back exactly.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { memberRecords, memberReviews, memberSteps } from '../../db/schema';
import { timestamp, type LedgerContext } from '../context';
import { LedgerError, invalid } from '../errors';
import { RECORD_ENTITIES } from '../audit/version';
import { insertFilesBatch, type BulkFile } from '../members/bulk';
import type { ReviewRow, StepRow } from '../members/load';
import { rejudge } from '../members/state-store';
import type { StepNo } from '../members/steps';
import { insertPeopleBatch } from '../people/bulk';
import type { ImportKind, WrittenItem } from './kind';
import { MEMBER_FIELDS } from './members-fields';
import { peopleImport } from './people';
import { readMemberRow, type MemberRow } from './members-read';
import { entries, json, plan, sameStep, type Plan, type StepState } from './members-plan';

interface InsertBefore {
  since: number;
  /** The person the import created for this file, removed with it. */
  createdPerson: number | null;
}

interface UpdateBefore {
  since: number;
  record: typeof memberRecords.$inferSelect;
  steps: StepRow[];
  review: ReviewRow | null;
}

function stepValues(recordId: number, no: StepNo, s: StepState, at: string) {
  return {
    recordId,
    stepNo: no,
    date: s.date!,
    people: json(s.people?.length ? s.people : null),
    meeting: json(s.meeting),
    trainingDays: s.trainingDays,
    trainingHours: s.trainingHours,
    overrideReason: s.overrideReason,
    updatedAt: at,
  };
}

function writeReview(ctx: LedgerContext, recordId: number, review: NonNullable<Plan['review']>, stored: ReviewRow | null): void {
  const values = { conclusionResult: review.result, conclusionDate: review.date };
  if (stored) ctx.db.update(memberReviews).set(values).where(eq(memberReviews.recordId, recordId)).run();
  else ctx.db.insert(memberReviews).values({ recordId, ...values }).run();
}

/** Refuses to undo a file that was written to since the import: anything but the batch's own audit entries. */
function assertUntouched(ctx: LedgerContext, recordId: number, since: number): void {
  const hit = ctx.sqlite
    .prepare(`SELECT summary FROM audit_log WHERE entity IN (${RECORD_ENTITIES.map(() => '?').join(',')}) AND entity_id = ? AND id > ? ORDER BY id LIMIT 1`)
    .pluck()
    .get(...RECORD_ENTITIES, recordId, since) as string | undefined;
  if (hit) throw new LedgerError('CONFLICT', '导入之后该发展档案又被修改过，撤销会覆盖这些修改，已取消撤销。', { hint: `例如：${hit}。如需撤销，请先把这些修改改回，或直接修改相应档案。` });
}

function clearFile(ctx: LedgerContext, recordId: number): void {
  for (const table of ['member_steps', 'member_reviews', 'review_letters', 'member_periodic', 'member_exits', 'member_findings', 'member_deadlines', 'member_state']) {
    ctx.sqlite.prepare(`DELETE FROM ${table} WHERE record_id = ?`).run(recordId);
  }
}

export const membersImport: ImportKind<MemberRow> = {
  id: 'members',
  label: '发展党员台账',
  entity: 'member_record',
  fields: MEMBER_FIELDS,
  read: readMemberRow,
  match(ctx, value) {
    const p = plan(ctx, value);
    return { status: p.status, existingId: p.existingId, problems: p.problems, notes: p.notes };
  },
  write(ctx, rows) {
    const since = ctx.sqlite.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() as number;
    const plans = rows.map((r) => plan(ctx, r.value));
    const bad = plans.findIndex((p) => p.problems.length > 0);
    if (bad >= 0) throw invalid(`${rows[bad]!.value.name}：${plans[bad]!.problems[0]!.message}（台账在检查之后有变动，请重新检查后导入）`);
    const items: WrittenItem[] = [];
    // New people first, so their files can name them; a file's item remembers the person it brought in.
    const fresh = plans.filter((p) => p.newPerson && p.status === '新增');
    const personIds = insertPeopleBatch(ctx, fresh.map((p) => p.newPerson!));
    fresh.forEach((p, i) => (p.personId = personIds[i]!));

    const newFiles = plans.filter((p) => !p.file && p.status === '新增');
    const files: BulkFile[] = newFiles.map((p) => ({
      personId: p.personId!,
      branchId: p.branchId,
      steps: [...p.steps.entries()]
        .filter(([, s]) => s.date)
        .sort((x, y) => x[0] - y[0])
        .map(([no, s]) => ({ stepNo: no, date: s.date!, people: s.people?.length ? s.people : null, meeting: s.meeting, trainingDays: s.trainingDays, trainingHours: s.trainingHours, overrideReason: s.overrideReason })),
      review: p.review ? { conclusionResult: p.review.result, conclusionDate: p.review.date } : null,
    }));
    insertFilesBatch(ctx, files).forEach((id, i) => {
      const before: InsertBefore = { since, createdPerson: newFiles[i]!.newPerson ? newFiles[i]!.personId : null };
      items.push({ entity: 'member_record', entityId: id, action: 'insert', before });
    });

    const at = timestamp(ctx);
    const updated: number[] = [];
    for (const p of plans.filter((x) => x.file && x.status === '更新')) {
      const file = p.file!;
      const id = file.record.id;
      const before: UpdateBefore = { since, record: file.record, steps: file.steps, review: file.review };
      for (const [no, s] of p.steps) {
        if (!s.date || sameStep(s, s.row)) continue;
        const values = stepValues(id, no, s, at);
        if (s.row) ctx.db.update(memberSteps).set(values).where(eq(memberSteps.id, s.row.id)).run();
        else ctx.db.insert(memberSteps).values(values).run();
      }
      if ((p.branchId ?? null) !== (file.record.branchId ?? null)) ctx.db.update(memberRecords).set({ branchId: p.branchId, updatedAt: at }).where(eq(memberRecords.id, id)).run();
      if (p.review) writeReview(ctx, id, p.review, file.review);
      items.push({ entity: 'member_record', entityId: id, action: 'update', before });
      updated.push(id);
    }
    rejudge(ctx, updated);
    return items;
  },
  undo(ctx, item) {
    const id = item.entityId;
    if (item.action === 'insert') {
      const before = item.before as InsertBefore;
      assertUntouched(ctx, id, before.since);
      clearFile(ctx, id);
      ctx.db.delete(memberRecords).where(eq(memberRecords.id, id)).run();
      if (before.createdPerson !== null) {
        const edited = ctx.sqlite.prepare("SELECT summary FROM audit_log WHERE entity = 'person' AND entity_id = ? AND id > ? ORDER BY id LIMIT 1").pluck().get(before.createdPerson, before.since) as string | undefined;
        if (edited) throw new LedgerError('CONFLICT', '导入时新建的人员之后又被修改过，撤销会覆盖这些修改，已取消撤销。', { hint: `例如：${edited}。如需撤销，请先把这些修改改回。` });
        // The person's other uses (a 后备人才 record since) refuse it, as the 人员 import's undo does.
        peopleImport.undo(ctx, { entity: 'person', entityId: before.createdPerson, action: 'insert' });
      }
      return;
    }
    const before = item.before as UpdateBefore;
    assertUntouched(ctx, id, before.since);
    const keep = new Set(before.steps.map((s) => s.id));
    const now = ctx.db.select().from(memberSteps).where(eq(memberSteps.recordId, id)).all();
    const added = now.filter((s) => !keep.has(s.id)).map((s) => s.id);
    if (added.length) ctx.db.delete(memberSteps).where(and(eq(memberSteps.recordId, id), inArray(memberSteps.id, added))).run();
    const present = new Set(now.map((s) => s.id));
    for (const s of before.steps) {
      if (present.has(s.id)) ctx.db.update(memberSteps).set(s).where(eq(memberSteps.id, s.id)).run();
      else ctx.db.insert(memberSteps).values(s).run();
    }
    ctx.db.update(memberRecords).set(before.record).where(and(eq(memberRecords.id, id), isNull(memberRecords.deletedAt))).run();
    if (before.review) ctx.db.insert(memberReviews).values(before.review).onConflictDoUpdate({ target: memberReviews.recordId, set: before.review }).run();
    else ctx.db.delete(memberReviews).where(eq(memberReviews.recordId, id)).run();
    rejudge(ctx, [id]);
  },
};

