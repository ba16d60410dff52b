/**
 * The machine-readable copy inside every report (domain.md §6): the district merges files from every township
 * by reading the hidden `_data` and `_meta` sheets instead of retyping the formatted ones. docs/data-format.md
 * is the reader's reference; bump MACHINE_FORMAT_VERSION with any change to what it describes.
 *
 * - `_data`: row 1 holds the keys, then one record per row, with typed cells (numbers, real dates, text) and
 *   codes rather than display wording. No totals row: a reader sums the records itself.
 * - `_meta`: `key | value` rows; structured values (`sheets`, `columns`) are JSON text.
 */
import type ExcelJS from 'exceljs';
import { dataStyle } from './cell-styles';
import { YIELD_EVERY } from './drain';
import { headerPath } from './headers';
import { DATE_FORMAT, numberFormat, type ColumnType } from './styles';
import type { CellInput, ReportColumn, ReportMeta, ReportSheet } from './types';
import { PlainRowWriter } from './rows';
import { cellValue } from './values';

/** 2: one header row, typed cells and real dates, codes with labels in `_meta`, subset marking, key/value `_meta`. */
export const MACHINE_FORMAT_VERSION = 2;

export const DATA_SHEET = '_data';
export const META_SHEET = '_meta';
/** The `_data` column naming the report sheet of each record, present when a file has several sheets. */
export const SHEET_KEY = 'sheet';
/** The `_data` column marking sub-rows ("其中：…"): the label of the row a record is part of, empty otherwise. */
export const SUBSET_KEY = 'subsetOf';

export interface DataColumnMeta {
  key: string;
  /** The header leaf as printed ('' for a machine-only column). */
  label: string;
  /** The printed header path, top level first. */
  header: string[];
  type: ColumnType;
  /** code → label, for coded columns. */
  codes?: Record<string, string>;
  /** The key of the column this one is part of (e.g. 其中：推优 of 共青团员). */
  subsetOf?: string;
  /** Not printed on the report sheet. */
  dataOnly?: boolean;
}

export interface ReportFileMeta {
  formatVersion: number;
  app: string;
  reportId: string | null;
  title: string;
  unitName: string;
  period: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  filledDate: string;
  /** Records in `_data`, i.e. its rows below the key row. */
  rowCount: number;
  paper: string;
  sheets: { sheetName: string; title: string; rowCount: number }[];
  columns: DataColumnMeta[];
}

const SUBSET_PREFIX = /^[\s\u3000]*其中/;

/** Default sub-row marking: a row labelled "其中…" is part of the nearest row above that is not. */
export function subsetMarks(sheet: ReportSheet): (string | null)[] {
  if (sheet.subsetOf) return sheet.rows.map((r, i) => sheet.subsetOf!(r, i)?.trim() || null);
  const labelKey = sheet.totals ? sheet.totals.labelKey : sheet.columns.find((c) => (c.type ?? 'text') === 'text')?.key;
  let parent: string | null = null;
  return sheet.rows.map((r) => {
    const label = labelKey ? String(r[labelKey] ?? '') : '';
    if (SUBSET_PREFIX.test(label)) return parent;
    parent = label.trim() || null;
    return null;
  });
}

/** The column a "其中…" column is part of: the nearest column before it in the same header group. */
function columnSubsets(columns: ReportColumn[]): Map<string, string> {
  const out = new Map<string, string>();
  columns.forEach((col, i) => {
    if (col.subsetOf) return void out.set(col.key, col.subsetOf);
    const path = headerPath(col.header);
    if (!SUBSET_PREFIX.test(path.at(-1)!)) return;
    const group = path.slice(0, -1).join('\u0000');
    for (let j = i - 1; j >= 0; j--) {
      const other = headerPath(columns[j]!.header);
      if (other.slice(0, -1).join('\u0000') !== group) break;
      if (!SUBSET_PREFIX.test(other.at(-1)!)) return void out.set(col.key, columns[j]!.key);
    }
  });
  return out;
}

function describeColumns(sheets: ReportSheet[]): DataColumnMeta[] {
  const seen = new Map<string, DataColumnMeta>();
  for (const sheet of sheets) {
    const subsets = columnSubsets(sheet.columns);
    for (const col of sheet.columns) {
      if (seen.has(col.key)) continue;
      const header = headerPath(col.header);
      seen.set(col.key, {
        key: col.key,
        label: col.dataOnly ? '' : header.at(-1)!,
        header: col.dataOnly ? [] : header,
        type: col.type ?? 'text',
        ...(col.codes ? { codes: col.codes } : {}),
        ...(subsets.has(col.key) ? { subsetOf: subsets.get(col.key)! } : {}),
        ...(col.dataOnly ? { dataOnly: true } : {}),
      });
    }
  }
  return [...seen.values()];
}

export async function writeDataSheets(workbook: ExcelJS.Workbook, meta: ReportMeta, sheets: ReportSheet[], appName: string): Promise<void> {
  const multi = sheets.length > 1;
  const columns = describeColumns(sheets);
  const marks = sheets.map(subsetMarks);
  const hasSubsets = marks.some((m) => m.some(Boolean));
  const extra: DataColumnMeta[] = [
    ...(multi ? [{ key: SHEET_KEY, label: '工作表', header: [], type: 'text' as const, dataOnly: true }] : []),
    ...(hasSubsets ? [{ key: SUBSET_KEY, label: '所属行', header: [], type: 'text' as const, dataOnly: true }] : []),
  ];
  const all = multi ? [extra[0]!, ...columns, ...extra.slice(1)] : [...columns, ...extra];

  // Streamed like the report sheets: `_data` holds every record again, so it is the other half of the file.
  const data = workbook.addWorksheet(DATA_SHEET, { state: 'hidden' });
  const formats = all.map((c) => (c.type === 'date' ? DATE_FORMAT : c.type === 'text' ? undefined : numberFormat(c.type)));
  formats.forEach((fmt, i) => {
    if (fmt) data.getColumn(i + 1).numFmt = fmt;
  });
  const writer = new PlainRowWriter(
    data,
    formats.map((fmt) => dataStyle(fmt)),
  );
  let rowNo = 1;
  writer.write(rowNo++, all.map((c) => c.key));
  let records = 0;
  for (const [s, sheet] of sheets.entries()) {
    for (const [r, row] of sheet.rows.entries()) {
      if (records % YIELD_EVERY === YIELD_EVERY - 1) await writer.drain();
      const values = all.map((c) => {
        if (c.key === SHEET_KEY && multi) return sheet.sheetName;
        if (c.key === SUBSET_KEY && hasSubsets) return marks[s]![r] ?? null;
        return dataCell(c.type, row[c.key]);
      });
      writer.write(rowNo++, values);
      records++;
    }
  }
  writer.flush();
  data.commit();

  const fileMeta: ReportFileMeta = {
    formatVersion: MACHINE_FORMAT_VERSION,
    app: appName,
    reportId: meta.reportId ?? null,
    title: sheets[0]?.title ?? '',
    unitName: meta.unitName,
    period: meta.period ?? null,
    periodFrom: meta.periodFrom ?? null,
    periodTo: meta.periodTo ?? null,
    filledDate: meta.filledDate,
    rowCount: records,
    paper: meta.paper ?? 'A4',
    sheets: sheets.map((s) => ({ sheetName: s.sheetName, title: s.title, rowCount: s.rows.length })),
    columns: all,
  };
  const metaSheet = workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  metaSheet.addRow(['key', 'value']);
  for (const [key, value] of Object.entries(fileMeta)) {
    metaSheet.addRow([key, value !== null && typeof value === 'object' ? JSON.stringify(value) : value]);
  }
  metaSheet.commit();
}

/** A `_data` cell: the typed value, with a code kept as it is (labels live in `_meta`). */
function dataCell(type: ColumnType, raw: CellInput): string | number | Date | null {
  const v = cellValue({ type }, raw);
  return v === '' ? null : v;
}

/** Reads `_meta` back from its rows (as read by core/excel/read); null when the file is not one of ours. */
export function readFileMeta(rows: readonly (readonly unknown[])[]): ReportFileMeta | null {
  if (rows[0]?.[0] !== 'key' || rows[0]?.[1] !== 'value') return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of rows.slice(1)) {
    if (typeof key !== 'string') continue;
    if ((key === 'sheets' || key === 'columns') && typeof value === 'string') {
      try {
        out[key] = JSON.parse(value);
      } catch {
        return null;
      }
    } else {
      out[key] = value ?? null;
    }
  }
  return typeof out.app === 'string' && typeof out.formatVersion === 'number' ? (out as unknown as ReportFileMeta) : null;
}
