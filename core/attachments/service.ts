/**
 * Scanned documents are copied into the data folder (attachments/YYYY/), so a backup of the folder carries them and
 * moving the original on the clerk's desktop never breaks a record.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { attachments, centreProgress, centres, memberPeriodic, memberReviews, memberSteps, reserveTrainings, reserves, reviewLetters } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { LedgerError, invalid, notFound } from '../errors';
import { MAX_ATTACHMENT_BYTES, type Attachment, type addAttachmentInput, type attachmentOwner } from './schemas';

const ATTACHMENT_DIR = 'attachments';

function ownerExists(ctx: LedgerContext, owner: z.output<typeof attachmentOwner>): boolean {
  switch (owner.ownerType) {
    case 'member_step':
      return !!ctx.db.select({ id: memberSteps.id }).from(memberSteps).where(eq(memberSteps.id, owner.ownerId)).get();
    case 'member_periodic':
      return !!ctx.db.select({ id: memberPeriodic.id }).from(memberPeriodic).where(and(eq(memberPeriodic.id, owner.ownerId), isNull(memberPeriodic.deletedAt))).get();
    case 'member_review':
      return !!ctx.db.select({ id: memberReviews.recordId }).from(memberReviews).where(eq(memberReviews.recordId, owner.ownerId)).get();
    case 'review_letter':
      return !!ctx.db.select({ id: reviewLetters.id }).from(reviewLetters).where(eq(reviewLetters.id, owner.ownerId)).get();
    case 'reserve':
      return !!ctx.db.select({ id: reserves.id }).from(reserves).where(and(eq(reserves.id, owner.ownerId), isNull(reserves.deletedAt))).get();
    case 'reserve_training':
      return !!ctx.db.select({ id: reserveTrainings.id }).from(reserveTrainings).where(and(eq(reserveTrainings.id, owner.ownerId), isNull(reserveTrainings.deletedAt))).get();
    case 'centre':
      return !!ctx.db.select({ id: centres.id }).from(centres).where(and(eq(centres.id, owner.ownerId), isNull(centres.deletedAt))).get();
    case 'centre_progress':
      return !!ctx.db.select({ id: centreProgress.id }).from(centreProgress).where(and(eq(centreProgress.id, owner.ownerId), isNull(centreProgress.deletedAt))).get();
  }
}

function toAttachment(row: typeof attachments.$inferSelect): Attachment {
  return { id: row.id, ownerType: row.ownerType as Attachment['ownerType'], ownerId: row.ownerId, fileName: row.fileName, size: row.size, createdAt: row.createdAt };
}

export function listAttachments(ctx: LedgerContext, owner: z.output<typeof attachmentOwner>): Attachment[] {
  return ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, owner.ownerType), eq(attachments.ownerId, owner.ownerId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.id))
    .all()
    .map(toAttachment);
}

/** Writes the file first and the row second; if the row fails, the orphan file is removed again. */
export function addAttachment(ctx: LedgerContext, input: z.output<typeof addAttachmentInput>): Attachment {
  if (!ownerExists(ctx, input)) throw notFound('要挂附件的记录');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw invalid(`文件“${input.fileName}”是空的`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw invalid(`文件“${input.fileName}”有 ${(bytes.length / 1024 / 1024).toFixed(1)}MB，超过 15MB 上限。请压缩扫描件后再上传。`);
  }
  const safeName = input.fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  const folder = join(ATTACHMENT_DIR, today(ctx).slice(0, 4));
  const stored = join(folder, `${randomUUID()}${extname(safeName).slice(0, 10)}`);
  const absolute = join(ctx.dataDir, stored);
  try {
    mkdirSync(join(ctx.dataDir, folder), { recursive: true });
    writeFileSync(absolute, bytes, { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LedgerError(code === 'ENOSPC' ? 'DISK_FULL' : 'IO', code === 'ENOSPC' ? '磁盘空间不足，附件未保存。' : `附件未能保存：${(err as Error).message}`, { cause: err });
  }
  try {
    return inTransaction(ctx, () => {
      const row = ctx.db
        .insert(attachments)
        .values({ ownerType: input.ownerType, ownerId: input.ownerId, fileName: safeName, storedPath: stored.split(sep).join('/'), size: bytes.length })
        .returning()
        .get();
      recordAudit(ctx, { entity: 'attachment', entityId: row.id, action: '新增', summary: `上传附件：${safeName}`, after: toAttachment(row) });
      return toAttachment(row);
    });
  } catch (err) {
    rmSync(absolute, { force: true });
    throw err;
  }
}

/** When the record an attachment hangs off is removed, its scans leave the lists too (files stay on disk). */
export function hideAttachmentsOf(ctx: LedgerContext, ownerType: Attachment['ownerType'], ownerId: number): void {
  ctx.db
    .update(attachments)
    .set({ deletedAt: timestamp(ctx), updatedAt: timestamp(ctx) })
    .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId), isNull(attachments.deletedAt)))
    .run();
}

/** The file stays on disk: removing an attachment is undoable from the audit trail by a technician. */
export function removeAttachment(ctx: LedgerContext, id: number): Attachment {
  return inTransaction(ctx, () => {
    const row = ctx.db.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt))).get();
    if (!row) throw notFound('该附件');
    ctx.db.update(attachments).set({ deletedAt: timestamp(ctx), updatedAt: timestamp(ctx) }).where(eq(attachments.id, id)).run();
    recordAudit(ctx, { entity: 'attachment', entityId: id, action: '删除', summary: `删除附件：${row.fileName}`, before: toAttachment(row) });
    return toAttachment(row);
  });
}

/** Resolves the stored file, refusing any path that would leave the data folder. */
export function attachmentPath(ctx: LedgerContext, id: number): { row: Attachment; absolutePath: string } {
  const row = ctx.db.select().from(attachments).where(and(eq(attachments.id, id), isNull(attachments.deletedAt))).get();
  if (!row) throw notFound('该附件');
  const root = resolve(ctx.dataDir);
  const absolutePath = resolve(root, row.storedPath);
  if (relative(root, absolutePath).startsWith('..') || !absolutePath.startsWith(root + sep)) throw notFound('该附件');
  if (!existsSync(absolutePath)) throw new LedgerError('IO', `附件文件“${row.fileName}”已不在数据文件夹中。`, { hint: '可能被手工删除或移动过，请从备份中恢复。' });
  return { row: toAttachment(row), absolutePath };
}

export function readAttachment(ctx: LedgerContext, id: number) {
  const { row, absolutePath } = attachmentPath(ctx, id);
  return { ...row, absolutePath, base64: readFileSync(absolutePath).toString('base64') };
}
