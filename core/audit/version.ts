/**
 * Undo that never overwrites newer work. Every write leaves an audit row, so the newest audit id about a subject is
 * its version: an undo toast carries the version its action left, and the restore is refused once anything about
 * the subject has been written since (a step re-recorded, the person edited, the file changed in another window).
 */
import { and, eq, inArray, max } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { LedgerContext } from '../context';
import { LedgerError } from '../errors';

export type UndoSubject = { kind: 'person'; id: number } | { kind: 'record'; id: number };

/** The audit entities whose entityId is the 发展档案's id: all of a file's parts. */
export const RECORD_ENTITIES = ['member_record', 'member_step', 'member_review', 'review_letter', 'member_periodic', 'member_exit'];

export function subjectVersion(ctx: LedgerContext, subject: UndoSubject): number {
  const entity = subject.kind === 'person' ? eq(auditLog.entity, 'person') : inArray(auditLog.entity, RECORD_ENTITIES);
  return ctx.db.select({ v: max(auditLog.id) }).from(auditLog).where(and(entity, eq(auditLog.entityId, subject.id))).get()?.v ?? 0;
}

/** What the action returns so its toast can offer to take it back. */
export function undoable(ctx: LedgerContext, subject: UndoSubject, id: number): { id: number; undoVersion: number } {
  return { id, undoVersion: subjectVersion(ctx, subject) };
}

/** `since` absent means a deliberate restore from a list that shows the current state, not a toast's. */
export function assertUnchangedSince(ctx: LedgerContext, subject: UndoSubject, since: number | null | undefined, what: string): void {
  if (since == null || subjectVersion(ctx, subject) === since) return;
  throw new LedgerError('CONFLICT', `${what}在此之后已有新的修改，恢复会覆盖新的内容，已取消恢复。`, {
    hint: '请打开该记录核对当前内容，如需更改请直接修改。',
    details: { stale: true },
  });
}
