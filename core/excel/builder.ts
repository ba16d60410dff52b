/**
 * The report builder: every Excel report the ledger sends upward goes through here, so the look, print
 * setup and machine-readable copy (domain.md §6) are the same everywhere. This folder is the only code that
 * imports exceljs; replacing it with a fork touches core/excel/ alone.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { ReportMeta, ReportSheet } from './types';

export { uniqueSheetName } from './values';
export type { CellInput, Paper, ReportColumn, ReportMeta, ReportSheet, ReportTotals } from './types';

export const APP_NAME = '基层党建工作台账';

/** The file in memory: what the contract hands back (base64) to each transport. */
export async function buildReport(meta: ReportMeta, sheets: ReportSheet[]): Promise<Buffer> {
  const { writeWorkbook } = await import('./workbook');
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeWorkbook(sink, APP_NAME, meta, sheets);
  return Buffer.concat(chunks);
}

/**
 * The file on disk. It is written beside the target under a temporary name and renamed into place once
 * complete, so a failed or interrupted export never leaves a half-written .xlsx where the clerk looks.
 */
export async function writeReportFile(path: string, meta: ReportMeta, sheets: ReportSheet[]): Promise<void> {
  const { writeWorkbook } = await import('./workbook');
  const temp = `${path}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const file = createWriteStream(temp);
  try {
    await writeWorkbook(file, APP_NAME, meta, sheets);
    // 'finish' has flushed the data; the handle must be closed too before Windows lets the file be renamed.
    if (!file.closed) await once(file, 'close');
    await rename(temp, path);
  } catch (err) {
    file.destroy();
    // A stream still opening creates its file after destroy(): remove it only once the handle is closed.
    if (!file.closed) await once(file, 'close').catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
}
