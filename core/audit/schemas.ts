import { z } from 'zod';
import { cleanText, isoDate, pageOf, pageQuery } from '../schema/common';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  entity: z.string(),
  entityId: z.number().nullable(),
  action: z.string(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = z.object({
  entity: z.string().nullish(),
  action: z.string().nullish(),
  q: cleanText().max(40).nullish(),
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  ...pageQuery,
});

export const auditPage = pageOf(auditEntry);
