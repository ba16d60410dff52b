/**
 * The content hash in `_meta` (docs/data-format.md, "The hash"). It covers what a cell holds, not how it looks:
 * each non-empty cell of every sheet except `_meta`, as `sheet!row,col=value` in sheet, row and column order,
 * with numbers to 12 significant digits, dates as their serial, text trimmed with CR/LF made LF, and a formula as
 * its text (not its cached result: openpyxl drops cached results on save). A plain re-save in Excel, WPS,
 * LibreOffice or openpyxl keeps every one of these, while a value typed over any cell changes the hash.
 *
 * The writer feeds it while streaming: exceljs's sheet writer and our PlainRowWriter (rows.ts) both hand every
 * row they write to the tap of their workbook, so the file is never read back to be hashed. core/district reads
 * the cells back with its own parser and must arrive at the same lines.
 */
import { createHash, type Hash } from 'node:crypto';
import WorksheetWriter from 'exceljs/lib/stream/xlsx/worksheet-writer.js';

export const HASH_ALGORITHM = 'sha256-cells-1';

/** A cell value as the hash sees it; null for an empty cell (left out). */
export function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? `n:${canonicalNumber(value)}` : null;
  if (typeof value === 'string') {
    const text = (value.indexOf('\r') >= 0 ? value.replace(/\r\n?/g, '\n') : value).trim();
    return text === '' ? null : `s:${text}`;
  }
  if (typeof value === 'boolean') return `b:${value ? 1 : 0}`;
  if (value instanceof Date) return `n:${canonicalNumber(25569 + value.getTime() / 86_400_000)}`;
  if (typeof value === 'object') {
    const v = value as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; error?: string };
    if (typeof v.formula === 'string') return `f:${canonicalFormula(v.formula)}`;
    if (Array.isArray(v.richText)) return canonicalValue(v.richText.map((t) => t.text).join(''));
    if (typeof v.error === 'string') return `e:${v.error}`;
  }
  return `s:${String(value)}`;
}

export function canonicalNumber(n: number): string {
  // Most cells are whole numbers (counts, 序号, date serials), which print as themselves.
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return String(n);
  return String(Number(n.toPrecision(12)));
}

export function canonicalFormula(formula: string): string {
  return formula.replace(/^=/, '').replace(/[\s$]/g, '').toUpperCase();
}

/** Accumulates the cell lines of one workbook as its sheets are written. */
export class CellHasher {
  private readonly hash: Hash = createHash('sha256');
  private lines = 0;

  row(sheet: string, rowNo: number, values: readonly unknown[], firstCol = 1): void {
    const prefix = `${sheet}!${rowNo},`;
    let text = '';
    for (let c = 0; c < values.length; c++) {
      const raw = values[c];
      if (raw === null || raw === undefined) continue;
      const v = canonicalValue(raw);
      if (v !== null) text += `${prefix}${c + firstCol}=${v}\n`;
    }
    if (text) {
      this.hash.update(text);
      this.lines++;
    }
  }

  /** Adds lines that are not cells (the `_meta` entries), then closes the hash. */
  finish(extra: string): string {
    this.hash.update(extra);
    return this.hash.digest('hex');
  }
}

const taps = new WeakMap<object, CellHasher>();

/** Starts hashing every sheet written to this workbook from now on; `untap` stops it (before `_meta`). */
export function tapWorkbook(workbook: object): CellHasher {
  const hasher = new CellHasher();
  taps.set(workbook, hasher);
  return hasher;
}

export function untap(workbook: object): void {
  taps.delete(workbook);
}

export function hasherOf(workbook: object): CellHasher | undefined {
  return taps.get(workbook);
}

/** For rows.ts: the hasher of the workbook a streamed sheet belongs to. */
export function sheetHasher(ws: object): CellHasher | undefined {
  return taps.get((ws as { _workbook?: object })._workbook ?? {});
}

const MERGE = 1;
const PATCHED = Symbol('ledgerCellTap');

interface TappedRow {
  number: number;
  eachCell(cb: (cell: { type: number; value: unknown }, col: number) => void): void;
}
interface TappedWriter {
  name: string;
  _workbook: object;
  _writeRow(row: TappedRow): void;
}
const writer = WorksheetWriter.prototype as TappedWriter & { [PATCHED]?: true };
if (!writer[PATCHED]) {
  const writeRow = writer._writeRow;
  // Every row exceljs writes (titles, headers, totals, notes, signature) passes here once, in row order.
  writer._writeRow = function (this: TappedWriter, row: TappedRow) {
    const hasher = taps.get(this._workbook);
    if (hasher) {
      const values: unknown[] = [];
      row.eachCell((cell, col) => {
        // A merged-away cell shows nothing of its own; readers see it empty.
        if (cell.type !== MERGE) values[col - 1] = cell.value;
      });
      hasher.row(this.name, row.number, values);
    }
    writeRow.call(this, row);
  };
  writer[PATCHED] = true;
}
