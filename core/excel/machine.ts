/**
 * The machine-readable copy inside every report (domain.md §6): the district merges files from every township
 * by reading hidden `_data` and `_meta` sheets instead of retyping the formatted ones. The layout is a plain
 * long table so a pivot table or a script can consume it without knowing the merged headers.
 */
import type ExcelJS from 'exceljs';
import type { ReportMeta, ReportSheet } from './builder';
import { headerPath } from './headers';

/** Bumped when the `_data` / `_meta` layout changes, so readers can tell old files from new. */
export const MACHINE_FORMAT_VERSION = 1;

export interface ReportFileMeta {
  app: string;
  formatVersion: number;
  reportId: string | null;
  unitName: string;
  period: string | null;
  filledDate: string;
  sheets: { sheetName: string; title: string; rowCount: number; columns: { key: string; header: string[]; type: string }[] }[];
}

/**
 * `_data` row 1 holds the column keys and row 2 the header leaf labels, then the raw rows. With several
 * report sheets, a leading `sheet` column names the sheet each row came from and the keys are the union.
 */
export function writeDataSheets(workbook: ExcelJS.Workbook, meta: ReportMeta, sheets: ReportSheet[], appName: string): void {
  const multi = sheets.length > 1;
  const keys: string[] = [];
  const labels: string[] = [];
  for (const sheet of sheets) {
    for (const col of sheet.columns) {
      if (keys.includes(col.key)) continue;
      keys.push(col.key);
      const path = headerPath(col.header);
      labels.push(path[path.length - 1]!);
    }
  }

  const data = workbook.addWorksheet('_data', { state: 'hidden' });
  data.addRow(multi ? ['sheet', ...keys] : keys);
  data.addRow(multi ? ['工作表', ...labels] : labels);
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const values = keys.map((k) => {
        const v = row[k];
        return v === undefined || v === '' ? null : v;
      });
      data.addRow(multi ? [sheet.sheetName, ...values] : values);
    }
  }

  const fileMeta: ReportFileMeta = {
    app: appName,
    formatVersion: MACHINE_FORMAT_VERSION,
    reportId: meta.reportId ?? null,
    unitName: meta.unitName,
    period: meta.period ?? null,
    filledDate: meta.filledDate,
    sheets: sheets.map((s) => ({
      sheetName: s.sheetName,
      title: s.title,
      rowCount: s.rows.length,
      columns: s.columns.map((c) => ({ key: c.key, header: headerPath(c.header), type: c.type ?? 'text' })),
    })),
  };
  const metaSheet = workbook.addWorksheet('_meta', { state: 'hidden' });
  metaSheet.getCell('A1').value = JSON.stringify(fileMeta);
}

/** Reads `_meta` A1 back; null when the file is not one of ours or the cell is damaged. */
export function parseFileMeta(text: unknown): ReportFileMeta | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed = JSON.parse(text) as Partial<ReportFileMeta>;
    return parsed && typeof parsed === 'object' && typeof parsed.app === 'string' ? (parsed as ReportFileMeta) : null;
  } catch {
    return null;
  }
}
