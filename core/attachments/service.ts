/**
 * Scanned documents are copied into the data folder (attachments/YYYY/), so a backup of the folder carries them and
 * moving the original on the clerk's desktop never breaks a record.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { attachments, centreProgress, centres, memberPeriodic, memberReviews, memberSteps, reserveTrainings, reserves, reviewLetters } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { LedgerError, invalid, notFound } from '../errors';
import { clip } from '../../lib/errors';
import { cleanFileName, refusalOf } from './file-types';
import { MAX_ATTACHMENT_BYTES, attachmentTypeOf, type Attachment, type addAttachmentInput, type attachmentOwner } from './schemas';
import { commitFile, discard, storeError, writeTemp } from './store';

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

/**
 * Only documents and images, by their content, under a cleaned name (file-types.ts). The bytes go to a temporary
 * file first; the rename to the final name happens inside the transaction that adds the row, so a full disk, a
 * failed rename or a failed commit leaves neither an orphan file nor a row (store.ts).
 */
export function addAttachment(ctx: LedgerContext, input: z.output<typeof addAttachmentInput>): Attachment {
  const fileName = cleanFileName(input.fileName);
  const shown = clip(fileName || input.fileName);
  if (!fileName) throw invalid(`文件名“${clip(input.fileName)}”只有不可见字符或符号，请改名后再上传。`);
  if (!ownerExists(ctx, input)) throw notFound('要挂附件的记录');
  const bytes = Buffer.from(input.base64, 'base64');
  if (bytes.length === 0) throw invalid(`文件“${shown}”是空的`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw invalid(`文件“${shown}”有 ${(bytes.length / 1024 / 1024).toFixed(1)}MB，超过 15MB 上限。请压缩扫描件后再上传。`);
  }
  const refusal = refusalOf(fileName, bytes);
  if (refusal) throw invalid(refusal);
  const folder = join(ATTACHMENT_DIR, today(ctx).slice(0, 4));
  const name = randomUUID();
  const stored = join(folder, `${name}.${attachmentTypeOf(fileName)!.extensions[0]}`);
  const absolute = join(ctx.dataDir, stored);
  const temp = join(ctx.dataDir, folder, `.${name}.part`);
  writeTemp(temp, bytes, shown);
  try {
    return inTransaction(ctx, () => {
      const row = ctx.db
        .insert(attachments)
        .values({ ownerType: input.ownerType, ownerId: input.ownerId, fileName, storedPath: stored.split(sep).join('/'), size: bytes.length })
        .returning()
        .get();
      recordAudit(ctx, { entity: 'attachment', entityId: row.id, action: '新增', summary: `上传附件：${fileName}`, after: toAttachment(row) });
      commitFile(temp, absolute, shown);
      return toAttachment(row);
    });
  } catch (err) {
    discard(temp);
    discard(absolute);
    throw storeError(err, shown);
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

/**
 * The stored file, checked again before anything opens it: Windows opens a file by its extension, so both the name
 * the clerk sees and the stored file's own extension must be an accepted type and the bytes must be that type. A
 * file stored before this check (an .exe, a renamed program) is refused here rather than run.
 */
export function openableAttachment(ctx: LedgerContext, id: number): { row: Attachment; absolutePath: string; bytes: Buffer } {
  const { row, absolutePath } = attachmentPath(ctx, id);
  const bytes = readFileSync(absolutePath);
  const storedType = attachmentTypeOf(absolutePath);
  const refusal = refusalOf(cleanFileName(row.fileName), bytes) ?? (storedType && storedType === attachmentTypeOf(cleanFileName(row.fileName)) ? null : '');
  if (refusal !== null) {
    throw new LedgerError('CONFLICT', `附件“${clip(row.fileName)}”不是可以打开的扫描件、图片或文档，为安全起见不打开。`, {
      hint: refusal || '它的保存文件与显示的类型不一致。请删除这个附件，把原件另存为 PDF 或图片后重新上传。',
    });
  }
  return { row, absolutePath, bytes };
}

export function readAttachment(ctx: LedgerContext, id: number) {
  const { row, absolutePath, bytes } = openableAttachment(ctx, id);
  return { ...row, absolutePath, base64: bytes.toString('base64') };
}
