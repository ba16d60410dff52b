/** Shapes for deleting and restoring: a person's file in progress, and the files deleted by mistake. */
import { z } from 'zod';

export const activeRecordOut = z.object({
  recordId: z.number(),
  stage: z.number().nullable(),
  stageName: z.string().nullable(),
  status: z.string(),
});
export type ActiveRecord = z.infer<typeof activeRecordOut>;

export const deletedRecord = z.object({
  id: z.number(),
  personName: z.string(),
  unitName: z.string().nullable(),
  applicationDate: z.string().nullable(),
  deletedAt: z.string(),
});
