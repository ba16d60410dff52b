import { z } from 'zod';
import { id } from '../schema/common';

/**
 * What an attachment may hang off: a 流程节点, a 考察/思想汇报, the 政审 record or one 函调 letter; a reserve (its
 * photo and papers) or one training record (its certificate); a service centre (its plans) or one 形象进度 entry
 * (its photos).
 */
export const OWNER_TYPES = ['member_step', 'member_periodic', 'member_review', 'review_letter', 'reserve', 'reserve_training', 'centre', 'centre_progress'] as const;
export const ownerType = z.enum(OWNER_TYPES);

/** Scans from an office scanner or a phone; larger files belong in the paper archive, not the ledger. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

export const attachmentOwner = z.object({ ownerType, ownerId: id });

export const addAttachmentInput = attachmentOwner.extend({
  fileName: z.string().trim().min(1, '缺少文件名').max(200),
  base64: z.string().min(1, '文件是空的'),
});

export const attachment = z.object({
  id,
  ownerType,
  ownerId: id,
  fileName: z.string(),
  size: z.number(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const attachmentFile = attachment.extend({ base64: z.string(), absolutePath: z.string() });
