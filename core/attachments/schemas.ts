import { z } from 'zod';
import { id } from '../schema/common';

/**
 * What an attachment may hang off: a 流程节点, a 考察/思想汇报, the 政审 record or one 函调 letter; a reserve (its
 * photo and papers) or one training record (its certificate); a service centre (its plans) or one 形象进度 entry
 * (its photos).
 */
export const OWNER_TYPES = ['member_step', 'member_periodic', 'member_review', 'review_letter', 'reserve', 'reserve_training', 'centre', 'centre_progress'] as const;
export const ownerType = z.enum(OWNER_TYPES);

/**
 * The only files an attachment may be, each recognised by its content (core/attachments/file-types.ts). Pure, so
 * the upload button's file filter and the browser's "open" follow the same list.
 */
export const ATTACHMENT_TYPES = [
  { kind: 'pdf', name: 'PDF 文件', extensions: ['pdf'], mime: 'application/pdf' },
  { kind: 'jpeg', name: 'JPG 图片', extensions: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  { kind: 'png', name: 'PNG 图片', extensions: ['png'], mime: 'image/png' },
  { kind: 'gif', name: 'GIF 图片', extensions: ['gif'], mime: 'image/gif' },
  { kind: 'webp', name: 'WEBP 图片', extensions: ['webp'], mime: 'image/webp' },
  { kind: 'bmp', name: 'BMP 图片', extensions: ['bmp'], mime: 'image/bmp' },
  { kind: 'tiff', name: 'TIFF 扫描图片', extensions: ['tif', 'tiff'], mime: 'image/tiff' },
  { kind: 'docx', name: 'Word 文档', extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { kind: 'xlsx', name: 'Excel 表格', extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { kind: 'pptx', name: 'PowerPoint 演示文稿', extensions: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  { kind: 'word', name: 'Word/WPS 文字文档', extensions: ['doc', 'wps'], mime: 'application/msword' },
  { kind: 'excel', name: 'Excel/WPS 表格', extensions: ['xls', 'et'], mime: 'application/vnd.ms-excel' },
  { kind: 'powerpoint', name: 'PowerPoint/WPS 演示文稿', extensions: ['ppt', 'dps'], mime: 'application/vnd.ms-powerpoint' },
  { kind: 'ofd', name: 'OFD 版式文件', extensions: ['ofd'], mime: 'application/ofd' },
  { kind: 'text', name: '文本文件', extensions: ['txt'], mime: 'text/plain' },
] as const;
export type AttachmentKind = (typeof ATTACHMENT_TYPES)[number]['kind'];

/** For the upload button's file filter: ".pdf,.jpg,…". */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => t.extensions.map((e) => `.${e}`)).join(',');

/** The type a stored name's extension stands for, for opening; undefined for anything not on the list. */
export function attachmentTypeOf(fileName: string) {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return fileName.includes('.') ? ATTACHMENT_TYPES.find((t) => (t.extensions as readonly string[]).includes(ext)) : undefined;
}

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
