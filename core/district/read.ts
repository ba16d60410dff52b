/**
 * One township file as the merge sees it: its `_meta`, its `_data` records (typed back into the shape the report
 * builders take: dates as YYYY-MM-DD, numbers as numbers, codes as codes) and whether its content hash still holds.
 * Nothing else of the file is read; the visible sheets only go into the hash.
 */
import { CellHasher, canonicalValue } from '../excel/canonical';
import { DATA_SHEET, META_SHEET, SHEET_KEY, metaHashLines, readFileMeta, type ReportFileMeta } from '../excel/machine';
import type { CellInput } from '../excel/types';
import { readCells, type RawCell, type RawSheet } from './xlsx-cells';

export type DataRecord = Record<string, CellInput>;

export interface TownFile {
  fileName: string;
  meta: ReportFileMeta;
  /** Records per printed sheet name (one entry for single-sheet files). */
  records: Map<string, DataRecord[]>;
  recordCount: number;
  storedHash: string | null;
  computedHash: string;
  /** false when a cell of a visible sheet, `_data` or `_meta` was changed after export (or the hash is missing). */
  hashOk: boolean;
}

export class NotOurFile extends Error {}

function plain(cell: RawCell | undefined): string | number | boolean | null {
  if (cell === undefined) return null;
  if (typeof cell === 'object') return 'formula' in cell ? null : cell.error;
  return cell;
}

function rowValues(cells: [number, RawCell][]): RawCell[] {
  const values: RawCell[] = [];
  for (const [col, v] of cells) values[col - 1] = v;
  return values;
}

/** An Excel serial as YYYY-MM-DD (dates are to the day). */
function serialDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

function typed(type: string, v: string | number | boolean | null): CellInput {
  if (v === null || v === '') return null;
  if (type === 'date') return typeof v === 'number' ? serialDate(v) : String(v);
  if (type === 'text') return typeof v === 'number' ? String(v) : String(v);
  if (typeof v === 'number') return v;
  const n = Number(v);
  return Number.isFinite(n) && String(v).trim() !== '' ? n : String(v);
}

export async function readTownFile(fileName: string, buffer: Buffer | Uint8Array): Promise<TownFile> {
  const sheets = await readCells(buffer);
  const metaSheet = sheets.find((s) => s.name === META_SHEET);
  const dataSheet = sheets.find((s) => s.name === DATA_SHEET);
  if (!metaSheet || !dataSheet) throw new NotOurFile(`“${fileName}”没有 _meta/_data 数据页，不是本台账导出的报表（或已被另存为只含可见表格的文件）。`);
  const metaRows = metaSheet.rows.map((r) => {
    const v = rowValues(r.cells);
    return [plain(v[0]), plain(v[1])] as const;
  });
  const meta = readFileMeta(metaRows);
  if (!meta) throw new NotOurFile(`“${fileName}”的 _meta 数据页无法识别，不是本台账导出的报表。`);

  const hasher = new CellHasher();
  for (const sheet of sheets) {
    if (sheet.name === META_SHEET) continue;
    for (const row of sheet.rows) hasher.row(sheet.name, row.rowNo, rowValues(row.cells));
  }
  const computedHash = hasher.finish(metaHashLines(metaRows.slice(1)));
  const storedHash = typeof meta.hash === 'string' && meta.hash ? meta.hash : null;
  const { records, count } = dataRecords(dataSheet, meta);
  return { fileName, meta, records, recordCount: count, storedHash, computedHash, hashOk: storedHash === computedHash };
}

function dataRecords(sheet: RawSheet, meta: ReportFileMeta): { records: Map<string, DataRecord[]>; count: number } {
  const [head, ...body] = sheet.rows;
  const keys = head ? rowValues(head.cells).map((v) => String(plain(v) ?? '')) : [];
  const types = new Map(meta.columns.map((c) => [c.key, c.type as string]));
  const records = new Map<string, DataRecord[]>(meta.sheets.map((s) => [s.sheetName, []]));
  const single = meta.sheets[0]?.sheetName ?? '';
  let count = 0;
  for (const row of body) {
    const values = rowValues(row.cells);
    const rec: DataRecord = {};
    keys.forEach((key, i) => {
      if (key) rec[key] = typed(types.get(key) ?? 'text', plain(values[i]));
    });
    const sheetName = keys.includes(SHEET_KEY) ? String(rec[SHEET_KEY] ?? single) : single;
    if (!records.has(sheetName)) records.set(sheetName, []);
    records.get(sheetName)!.push(rec);
    count++;
  }
  return { records, count };
}

/** For tests: the canonical line of one value, as the hash sees it. */
export const canonicalOf = canonicalValue;
