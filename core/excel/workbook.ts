/**
 * The workbook writer behind buildReport, loaded on the first report rather than at start (exceljs is the
 * heaviest module the ledger has). Everything goes through exceljs's streaming writer: cells are written to
 * the zip as each row is committed, so a 100k-row roster never holds its sheet in memory.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import './exceljs-extensions';
import { tapWorkbook } from './canonical';
import { writeDataSheets } from './machine';
import { writeReportSheet } from './sheet';
import type { ReportMeta, ReportSheet } from './types';
import { uniqueSheetName } from './values';

export async function writeWorkbook(stream: Writable, appName: string, meta: ReportMeta, sheets: ReportSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    // Inline strings: a shared-string table costs a third of the writing time and keeps every distinct text in
    // memory to the end. Excel, WPS and LibreOffice all read inline strings (POI's streaming writer uses them too).
    useSharedStrings: false,
  });
  workbook.creator = appName;
  workbook.lastModifiedBy = appName;
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  // From here every cell written is hashed (canonical.ts); writeDataSheets closes the hash before `_meta`.
  tapWorkbook(workbook);
  const names = new Set<string>();
  const written: ReportSheet[] = [];
  for (const sheet of sheets) {
    const name = uniqueSheetName(sheet.sheetName || sheet.title, names);
    await writeReportSheet(workbook, meta, sheet, name);
    written.push({ ...sheet, sheetName: name });
  }
  await writeDataSheets(workbook, meta, written, appName);
  await workbook.commit();
}
