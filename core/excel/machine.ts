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
import { HASH_ALGORITHM, canonicalValue, hasherOf, untap } from './canonical';
import type { CellInput, FileOrigin, ReportColumn, ReportMeta, ReportSheet } from './types';
import { PlainRowWriter } from './rows';
import { cellValue, toNumber } from './values';

/**
 * 2: one header row, typed cells and real dates, codes with labels in `_meta`, subset marking, key/value `_meta`.
 * 3: adds who made the file (township, 行政区划代码, app version, time), the printed layout, the keyed hash of ID
 *    numbers, and the content hash over the visible sheets, `_data` and `_meta` (canonical.ts).
 */
export const MACHINE_FORMAT_VERSION = 3;

export const DATA_SHEET = '_data';
export const META_SHEET = '_meta';
/** The `_data` column naming the report sheet of each record, present when a file has several sheets. */
export const SHEET_KEY = 'sheet';
/** The `_data` column marking sub-rows ("其中：…"): the label of the row a record is part of, empty otherwise. */
export const SUBSET_KEY = 'subsetOf';
/** The 公民身份号码 column, full or masked, and beside it the keyed hash of the full number (core/district/origin.ts). */
export const ID_KEY = 'idNumber';
export const ID_HASH_KEY = 'idNumberKey';

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
  /** Version 3 on: who made the file. */
  appVersion?: string | null;
  generatedAt?: string | null;
  level?: FileOrigin['level'] | null;
  areaName?: string | null;
  areaCode?: string | null;
  townName?: string | null;
  townCode?: string | null;
  countyName?: string | null;
  countyCode?: string | null;
  idKeyId?: string | null;
  /** 1 masked, 0 full numbers, empty where the report has no ID numbers. */
  masked?: number | null;
  layout?: SheetLayout[];
  hashAlgorithm?: string | null;
  hash?: string | null;
}

/** A printed sheet's layout without its rows: what a merge needs to print the same sheet for the district. */
export interface SheetLayout {
  sheetName: string;
  title: string;
  /** Every column as the report defined it, `codes` left out (they are in `_meta.columns`). */
  columns: Omit<ReportColumn, 'codes'>[];
  /** The printed 合计 row, every cell as printed (sums computed), or null when the sheet has none. */
  totals: { label: string; labelKey: string; row: Record<string, CellInput> } | null;
  columnNumbers?: string[];
  notes?: string[];
  freezeColumns?: number;
}

/** Excel keeps at most 32,767 characters in a cell; longer `_meta` values go on continuation rows `key#2`, `key#3` … */
const CHUNK = 30_000;
const JSON_KEYS = new Set(['sheets', 'columns', 'layout']);

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
  const counts = sheets.map(() => 0);
  for (const [s, sheet] of sheets.entries()) {
    for (const [r, row] of sheet.rows.entries()) {
      if (sheet.printOnly?.(row, r)) continue;
      if (records % YIELD_EVERY === YIELD_EVERY - 1) await writer.drain();
      const values = all.map((c) => {
        if (c.key === SHEET_KEY && multi) return sheet.sheetName;
        if (c.key === SUBSET_KEY && hasSubsets) return marks[s]![r] ?? null;
        return dataCell(c.type, row[c.key]);
      });
      writer.write(rowNo++, values);
      records++;
      counts[s]!++;
    }
  }
  writer.flush();
  data.commit();
  // Everything above is in the hash; `_meta` adds its own entries (except the hash itself) below.
  const hasher = hasherOf(workbook);
  untap(workbook);

  const o = meta.origin;
  const fileMeta: ReportFileMeta = {
    formatVersion: MACHINE_FORMAT_VERSION,
    app: appName,
    appVersion: o?.appVersion ?? null,
    reportId: meta.reportId ?? null,
    title: sheets[0]?.title ?? '',
    unitName: meta.unitName,
    level: o?.level ?? null,
    areaName: o?.areaName ?? null,
    areaCode: o?.areaCode ?? null,
    townName: o?.townName ?? null,
    townCode: o?.townCode ?? null,
    countyName: o?.countyName ?? null,
    countyCode: o?.countyCode ?? null,
    period: meta.period ?? null,
    periodFrom: meta.periodFrom ?? null,
    periodTo: meta.periodTo ?? null,
    filledDate: meta.filledDate,
    generatedAt: o?.generatedAt ?? null,
    rowCount: records,
    paper: meta.paper ?? 'A4',
    masked: maskedFlag(sheets, o),
    idKeyId: o?.idKeyId ?? null,
    sheets: sheets.map((s, i) => ({ sheetName: s.sheetName, title: s.title, rowCount: counts[i]! })),
    columns: all,
    layout: sheets.map(sheetLayout),
    hashAlgorithm: HASH_ALGORITHM,
  };
  const entries = metaEntries(fileMeta);
  const hash = hasher ? hasher.finish(metaHashLines(entries)) : null;
  const metaSheet = workbook.addWorksheet(META_SHEET, { state: 'hidden' });
  metaSheet.addRow(['key', 'value']);
  for (const [key, value] of entries) metaSheet.addRow([key, value]);
  metaSheet.addRow(['hash', hash]);
  metaSheet.commit();
}

/** Whether the file's 公民身份号码 are masked: as the origin says, else as the numbers themselves show. */
function maskedFlag(sheets: ReportSheet[], o: FileOrigin | undefined): number | null {
  if (o?.masked !== undefined && o.masked !== null) return o.masked ? 1 : 0;
  const withIds = sheets.filter((s) => s.columns.some((c) => c.key === ID_KEY));
  if (!withIds.length) return null;
  return withIds.some((s) => s.rows.some((r) => String(r[ID_KEY] ?? '').includes('*'))) ? 1 : 0;
}

/** `_meta` as its rows: scalars as they are, structured values as JSON text, long values split (CHUNK). */
export function metaEntries(meta: ReportFileMeta): [string, string | number | null][] {
  const out: [string, string | number | null][] = [];
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'hash') continue;
    const v = value === undefined ? null : value !== null && typeof value === 'object' ? JSON.stringify(value) : (value as string | number | null);
    if (typeof v === 'string' && v.length > CHUNK) {
      for (let i = 0; i * CHUNK < v.length; i++) out.push([i === 0 ? key : `${key}#${i + 1}`, v.slice(i * CHUNK, (i + 1) * CHUNK)]);
    } else out.push([key, v]);
  }
  return out;
}

/** The `_meta` part of the content hash: every entry but the hash, as `_meta!key=value` lines. */
export function metaHashLines(entries: readonly (readonly [unknown, unknown])[]): string {
  let text = '';
  for (const [key, value] of entries) {
    if (key === 'hash' || typeof key !== 'string') continue;
    const v = canonicalValue(value);
    if (v !== null) text += `_meta!${key}=${v}\n`;
  }
  return text;
}

function sheetLayout(sheet: ReportSheet): SheetLayout {
  const columns = sheet.columns.map(({ codes: _codes, ...c }) => c);
  return {
    sheetName: sheet.sheetName,
    title: sheet.title,
    columns,
    totals: sheet.totals ? { label: sheet.totals.label, labelKey: sheet.totals.labelKey, row: totalsRow(sheet) } : null,
    ...(sheet.columnNumbers ? { columnNumbers: sheet.columnNumbers } : {}),
    ...(sheet.notes ? { notes: sheet.notes } : {}),
    ...(sheet.freezeColumns !== undefined ? { freezeColumns: sheet.freezeColumns } : {}),
  };
}

/** The 合计 row as sheet.ts prints it: the label, the fixed figures, and the sums of the `sum` columns over the records. */
function totalsRow(sheet: ReportSheet): Record<string, CellInput> {
  const totals = sheet.totals as Exclude<ReportSheet['totals'], false | undefined>;
  const row: Record<string, CellInput> = {};
  for (const col of sheet.columns) {
    if (col.dataOnly) continue;
    if (col.key === totals.labelKey) row[col.key] = totals.label;
    else if (totals.values && col.key in totals.values) row[col.key] = totals.values[col.key] ?? null;
    else if (col.total === 'sum') row[col.key] = sheet.rows.reduce((a, r, i) => (sheet.printOnly?.(r, i) ? a : a + toNumber(r[col.key])), 0);
  }
  return row;
}

/** A `_data` cell: the typed value, with a code kept as it is (labels live in `_meta`). */
function dataCell(type: ColumnType, raw: CellInput): string | number | Date | null {
  const v = cellValue({ type }, raw);
  return v === '' ? null : v;
}

/** Reads `_meta` back from its rows (as read by core/excel/read); null when the file is not one of ours. */
export function readFileMeta(rows: readonly (readonly unknown[])[]): ReportFileMeta | null {
  if (rows[0]?.[0] !== 'key' || rows[0]?.[1] !== 'value') return null;
  const raw = new Map<string, unknown>();
  for (const [key, value] of rows.slice(1)) {
    if (typeof key !== 'string') continue;
    const cont = /^(.+)#\d+$/.exec(key);
    if (cont && raw.has(cont[1]!)) raw.set(cont[1]!, `${String(raw.get(cont[1]!) ?? '')}${String(value ?? '')}`);
    else raw.set(key, value ?? null);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of raw) {
    if (JSON_KEYS.has(key) && typeof value === 'string') {
      try {
        out[key] = JSON.parse(value);
      } catch {
        return null;
      }
    } else {
      out[key] = value;
    }
  }
  return typeof out.app === 'string' && typeof out.formatVersion === 'number' ? (out as unknown as ReportFileMeta) : null;
}
