/**
 * Reads a workbook back as plain values: for tests of our exports and for import. Values only: styles are
 * ignored, formulas give their cached result, rich text its plain text. The sheet dimension recorded in the
 * file is not trusted (WPS and hand-edited files get it wrong); extents come from the cells actually present.
 */
import ExcelJS from 'exceljs';
import { LedgerError } from '../errors';

export type PlainValue = string | number | boolean | null;

export interface SheetData {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** rows[r][c] is the cell at 1-based row r+1, column c+1; every row is as long as the widest one. */
  rows: PlainValue[][];
  /** Merged ranges as 'A1:M1'. */
  merges: string[];
}

export interface WorkbookData {
  sheets: SheetData[];
}

export async function readWorkbook(buffer: Buffer | Uint8Array): Promise<WorkbookData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new LedgerError('INVALID_INPUT', '无法读取这个 Excel 文件。', {
      hint: '请确认文件是 .xlsx 格式；如果是 .xls 或 WPS 格式，请用 WPS/Excel 另存为 .xlsx 后重试。',
      cause: err,
    });
  }
  const sheets: SheetData[] = [];
  workbook.eachSheet((ws) => sheets.push(readSheet(ws)));
  return { sheets };
}

function readSheet(ws: ExcelJS.Worksheet): SheetData {
  const grid: PlainValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNo) => {
    const values: PlainValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNo) => {
      // Merged-away cells repeat the master's value in exceljs; report them empty, as Excel shows them.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = plainValue(cell.value);
      if (v !== null) values[colNo - 1] = v;
    });
    if (values.length) {
      grid[rowNo - 1] = values;
      width = Math.max(width, values.length);
    }
  });
  const rows: PlainValue[][] = [];
  for (let r = 0; r < grid.length; r++) {
    const src = grid[r] ?? [];
    rows.push(Array.from({ length: width }, (_, c) => src[c] ?? null));
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice().sort(compareRanges);
  return { name: ws.name, state: ws.state as SheetData['state'], rows, merges };
}

/** Flattens exceljs's value shapes to what a cell shows. */
export function plainValue(value: ExcelJS.CellValue): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('') || null;
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in (result as object)) return (result as { error: string }).error;
      return plainValue(result as ExcelJS.CellValue);
    }
    if ('hyperlink' in value) return (value as { text?: unknown }).text === undefined ? value.hyperlink : plainValue((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return value.error;
  }
  return String(value);
}

/**
 * exceljs turns date-formatted serials into Dates at UTC midnight; local getters would add a spurious time
 * (or, west of Greenwich, the previous day), so they are rendered with UTC getters as 'YYYY-MM-DD'.
 */
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hasTime = d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds();
  return hasTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

function compareRanges(a: string, b: string): number {
  const [ra, ca] = topLeft(a);
  const [rb, cb] = topLeft(b);
  return ra - rb || ca - cb;
}

function topLeft(range: string): [number, number] {
  const m = /^([A-Z]+)(\d+)/.exec(range);
  if (!m) return [0, 0];
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(m[2]), col];
}

/** Finds a sheet by name, failing loudly in tests rather than returning undefined. */
export function sheetByName(data: WorkbookData, name: string): SheetData {
  const sheet = data.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet named "${name}" (have: ${data.sheets.map((s) => s.name).join(', ')})`);
  return sheet;
}
