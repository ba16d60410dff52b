import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from '../schema/common';

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
  q: z.string().trim().max(40).nullish(),
  from: isoDate.nullish(),
  to: isoDate.nullish(),
  ...pageQuery,
});

export const auditPage = pageOf(auditEntry);
