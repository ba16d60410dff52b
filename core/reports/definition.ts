/**
 * What a report is, as the catalogue sees it. A leaf file: each module's report files import it, and the
 * registry imports those files, so no report file ever imports the registry back.
 */
import type { z } from 'zod';
import type { LedgerContext } from '../context';
import type { exportInput, ReportInfo } from './schemas';

export type ReportParams = z.output<typeof exportInput>;

export interface ReportDefinition {
  info: ReportInfo;
  build(ctx: LedgerContext, params: ReportParams): Promise<{ buffer: Buffer; rowCount: number }>;
}
