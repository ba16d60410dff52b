import { z } from 'zod';

export const serializedError = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  fields: z.record(z.string(), z.string()).optional(),
  details: z.unknown().optional(),
});

export const appStatus = z.object({
  state: z.enum(['ready', 'setup', 'error']),
  demo: z.boolean(),
  dataDir: z.string(),
  version: z.string(),
  /** The ledger's "today": forms default to it and judge dates by it, so screen and service agree. */
  today: z.string(),
  error: serializedError.nullable(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const dashboardSummary = z.object({
  people: z.number(),
  units: z.number(),
  villages: z.number(),
  communities: z.number(),
  branches: z.number(),
  deletedPeople: z.number(),
  auditToday: z.number(),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

/** What `app.generateDemo` (and `ledger demo`) reports: where the demo data set is and how big it is. */
export const demoData = z.object({
  dataDir: z.string(),
  units: z.number(),
  people: z.number(),
});
export type DemoData = z.infer<typeof demoData>;

/** `app.checkIntegrity` (and `ledger check-db`): a full check of the data file, on request only. */
export const integrityResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** integrity_check's own lines, for the technician (the CLI prints them); the clerk reads only message. */
  details: z.array(z.string()).optional(),
});
export type IntegrityResult = z.infer<typeof integrityResult>;
