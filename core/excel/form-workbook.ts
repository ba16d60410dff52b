/**
 * A department's own blank form, opened and filled in place (issue 12 §3): the workbook is loaded as it is, values
 * go into its cells, and rows added under its header copy its first data row, so every style, border, merged cell,
 * column width, print setting, conditional format, defined name and formula of the form stays. exceljs lives in
 * this folder only (core/excel/builder.ts); what exceljs 4.4 gets wrong with forms written by other programs is
 * mended here:
 * - print titles written without "$" (openpyxl writes '表'!3:4) are dropped by its reader: read back from the XML;
 * - its spliceRows moves merges twice and never adjusts formulas, conditional formats or print areas: rows are
 *   moved here instead, with every reference rewritten by core/forms/refs.ts;
 * - shared formulas cannot be moved: each is written out as its own formula first;
 * - formulas lose their cached results once moved: the file asks Excel, WPS and LibreOffice to recalculate on open.
 */
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import './exceljs-extensions';
import { LedgerError } from '../errors';
import { shiftFormula, shiftRanges, slideFormula, type RowInsert } from '../forms/refs';

export type FormValue = string | number | Date | null;

export interface FormBook {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  /** The form's own default font (font 0 of its styles), which cells without a font of their own show. */
  defaultFont: Partial<ExcelJS.Font> | null;
}

export async function openForm(buffer: Buffer, sheetName?: string | null): Promise<FormBook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new LedgerError('INVALID_INPUT', '无法读取这个表格文件。', {
      hint: '请确认文件是 .xlsx 格式；如果是 .xls 或 WPS 格式，请用 WPS/Excel 另存为 .xlsx 后重试。',
      cause: err,
    });
  }
  const visible = workbook.worksheets.filter((w) => w.state === 'visible');
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : visible[0];
  if (!sheet) {
    throw new LedgerError('INVALID_INPUT', sheetName ? `表格中没有名为“${sheetName}”的工作表。` : '表格中没有可见的工作表。', {
      hint: `表格中的工作表：${workbook.worksheets.map((w) => w.name).join('、') || '无'}`,
    });
  }
  restorePrintTitles(buffer, workbook);
  keepNineWidths(workbook);
  return { workbook, sheet, defaultFont: formDefaultFont(buffer) };
}

/** The form's sheet names, for the clerk to pick another one. */
export function sheetNames(book: FormBook): string[] {
  return book.workbook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
}

/** Set only while a form's write begins: the font the styles writer makes font 0 (the workbook's Normal font). */
let formFont: Partial<ExcelJS.Font> | null = null;
const FORM_PATCHED = Symbol('ledgerFormFont');
const styles = StylesXform.prototype as { init(this: StylesState): void; [FORM_PATCHED]?: true };
interface StylesState {
  model: { fonts: string[] };
  index: { font: Record<string, number> };
  _addFont(font: object): number;
}
if (!styles[FORM_PATCHED]) {
  const init = styles.init;
  // Our reports make Arial 10 font 0 (exceljs-extensions.ts); a form keeps its own Normal font, which every cell
  // without a font of its own shows and Excel measures column widths by.
  styles.init = function (this: StylesState) {
    init.call(this);
    if (formFont) {
      this.model.fonts = [];
      this.index.font = {};
      this._addFont(formFont);
    }
  };
  styles[FORM_PATCHED] = true;
}

export async function saveForm(book: FormBook): Promise<Buffer> {
  book.workbook.calcProperties = { ...book.workbook.calcProperties, fullCalcOnLoad: true };
  // exceljs builds its styles writer synchronously when the write starts, before its first await: the font is
  // set for that moment only, so a report written meanwhile keeps its own default.
  formFont = book.defaultFont;
  let written: Promise<ExcelJS.Buffer>;
  try {
    written = book.workbook.xlsx.writeBuffer();
  } finally {
    formFont = null;
  }
  return Buffer.from(await written);
}

/** The formula of a cell, shared formulas translated to the cell's own; null when the cell holds none. */
export function cellFormula(cell: ExcelJS.Cell): string | null {
  return cell.type === ExcelJS.ValueType.Formula ? cell.formula ?? null : null;
}

export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymd]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Writes one value into a form cell, keeping the cell's style; a merged-away cell writes to its master. */
export function setValue(sheet: ExcelJS.Worksheet, row: number, col: number, value: FormValue): void {
  const cell = sheet.getCell(row, col);
  const target = cell.isMerged ? cell.master : cell;
  const style = target.style;
  target.value = value;
  target.style = style;
}

/** The widest column any row of the sheet uses. */
function lastColumn(sheet: ExcelJS.Worksheet): number {
  let width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => (width = Math.max(width, row.cellCount)));
  return width;
}

function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.replace(/\$/g, '').split(':') as [string, string?];
  const cell = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return { col: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
  };
  const p = cell(a);
  const q = cell(b!);
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

function rangeText(r: { top: number; left: number; bottom: number; right: number }): string {
  const col = (n: number) => {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  return `${col(r.left)}${r.top}:${col(r.right)}${r.bottom}`;
}

/**
 * Adds `count` rows after row `after` (the form's last data row), each a copy of `template` (its first data row):
 * styles, height, per-row merges and its own formulas. Every row below moves down with its merges, and every
 * formula, conditional format, print area, defined name and row break of the sheet is rewritten to match.
 */
export function addRows(book: FormBook, after: number, count: number, template: number): void {
  if (count <= 0) return;
  const { sheet, workbook } = book;
  const insert: RowInsert = { after, by: count };
  const width = lastColumn(sheet);
  const last = Math.max(sheet.rowCount, after);

  // Shared formulas name their master by address: written out whole, each cell can move on its own.
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const f = cellFormula(cell);
      if (f !== null) cell.value = { formula: f } as ExcelJS.CellFormulaValue;
    }),
  );

  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRange);
  const templateMerges = merges.filter((m) => m.top === template && m.bottom === template);
  const moved = merges.filter((m) => m.bottom > after);
  for (const m of moved) {
    // exceljs resets a merged-away cell to the row's style on unmerge: its border would be lost.
    const styles: [ExcelJS.Cell, Partial<ExcelJS.Style>][] = [];
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) styles.push([sheet.getCell(r, c), sheet.getCell(r, c).style]);
    sheet.unMergeCells(rangeText(m));
    for (const [cell, style] of styles) cell.style = style;
  }

  // Bottom up, so no row is overwritten before it has moved.
  for (let r = last; r > after; r--) {
    const src = sheet.getRow(r);
    const dst = sheet.getRow(r + count);
    dst.height = src.height;
    dst.hidden = src.hidden;
    dst.outlineLevel = src.outlineLevel;
    for (let c = 1; c <= width; c++) {
      const from = src.getCell(c);
      const to = dst.getCell(c);
      to.value = movedValue(from, sheet.name, insert);
      to.style = from.style;
      from.value = null;
    }
  }
  // Formulas above the rows that moved may point below them (a 合计 in a header, a check cell).
  for (let r = 1; r <= after; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell) => {
      const f = cellFormula(cell);
      if (f !== null) cell.value = { formula: shiftFormula(f, sheet.name, insert) } as ExcelJS.CellFormulaValue;
    });
  }

  const tpl = sheet.getRow(template);
  for (let i = 1; i <= count; i++) {
    const r = after + i;
    const row = sheet.getRow(r);
    row.height = tpl.height;
    for (let c = 1; c <= width; c++) {
      const from = tpl.getCell(c);
      const to = row.getCell(c);
      to.style = from.style;
      const f = cellFormula(from);
      to.value = f !== null ? ({ formula: slideFormula(f, sheet.name, r - template) } as ExcelJS.CellFormulaValue) : null;
    }
  }

  for (const m of moved) {
    const top = m.top > after ? m.top + count : m.top;
    sheet.mergeCellsWithoutStyle(rangeText({ ...m, top, bottom: m.bottom + count }));
  }
  for (let i = 1; i <= count; i++) for (const m of templateMerges) sheet.mergeCellsWithoutStyle(rangeText({ ...m, top: after + i, bottom: after + i }));

  shiftSheetRanges(book, insert, template);
  void workbook;
}

function movedValue(cell: ExcelJS.Cell, sheet: string, insert: RowInsert): ExcelJS.CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const f = cellFormula(cell);
  if (f !== null) return { formula: shiftFormula(f, sheet, insert) } as ExcelJS.CellFormulaValue;
  return cell.value;
}

/** Everything that names rows by number besides the cells: conditional formats, validations, print area, names, breaks. */
function shiftSheetRanges(book: FormBook, insert: RowInsert, template: number): void {
  const { sheet, workbook } = book;
  const name = sheet.name;
  const cf = (sheet as unknown as { conditionalFormattings?: { ref: string }[] }).conditionalFormattings;
  for (const f of cf ?? []) f.ref = shiftRanges(f.ref, name, insert);

  const validations = (sheet as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
  const next: Record<string, unknown> = {};
  for (const [address, rule] of Object.entries(validations.model)) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) {
      next[address] = rule;
      continue;
    }
    const row = Number(m[2]);
    next[row > insert.after ? `${m[1]}${row + insert.by}` : address] = rule;
    if (row === template) for (let i = 1; i <= insert.by; i++) next[`${m[1]}${insert.after + i}`] = rule;
  }
  validations.model = next;

  if (sheet.pageSetup.printArea) sheet.pageSetup.printArea = shiftRanges(sheet.pageSetup.printArea, name, insert);
  const breaks = (sheet as unknown as { rowBreaks?: { id: number }[] }).rowBreaks;
  for (const b of breaks ?? []) if (b.id >= insert.after) b.id += insert.by;
  if (sheet.autoFilter && typeof sheet.autoFilter === 'string') sheet.autoFilter = shiftRanges(sheet.autoFilter, name, insert);

  const names = workbook.definedNames as unknown as { model: { name: string; ranges: string[]; localSheetId?: number }[] };
  names.model = names.model.map((n) => ({ ...n, ranges: n.ranges.map((r) => shiftRanges(r, name, insert)) }));
}

/**
 * exceljs takes a width of exactly 9 for its default and drops it on save, though the sheet's default is narrower
 * (8.43): a form's 9-wide column would shrink. Right after loading, only the file's own columns exist, so each of
 * those at 9 is nudged by a millionth, which exceljs writes and Excel shows as 9.
 */
function keepNineWidths(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    for (const col of (ws as unknown as { _columns?: (ExcelJS.Column | undefined)[] })._columns ?? []) {
      if (col && col.width === 9) col.width = 9.000001;
    }
  }
}

/**
 * exceljs reads print titles only as "$3:$4"; other programs write '表'!3:4 and the titles would be lost on save.
 * They are read from the workbook XML and put back on their sheet.
 */
function restorePrintTitles(buffer: Buffer, workbook: ExcelJS.Workbook): void {
  const xml = zipText(buffer, 'xl/workbook.xml');
  if (!xml) return;
  const found = /<definedName\b[^>]*name="_xlnm\.Print_Titles"[^>]*>([^<]*)<\/definedName>/g;
  for (const m of xml.matchAll(found)) {
    const local = /localSheetId="(\d+)"/.exec(m[0]);
    const sheet = local ? workbook.worksheets[Number(local[1])] : undefined;
    if (!sheet) continue;
    const text = m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const rows = /!\$?(\d+):\$?(\d+)(?:,|$)/.exec(text);
    const cols = /!\$?([A-Z]+):\$?([A-Z]+)(?:,|$)/.exec(text);
    if (rows && !sheet.pageSetup.printTitlesRow) sheet.pageSetup.printTitlesRow = `${rows[1]}:${rows[2]}`;
    if (cols && !sheet.pageSetup.printTitlesColumn) sheet.pageSetup.printTitlesColumn = `${cols[1]}:${cols[2]}`;
  }
}

/** Font 0 of the form's styles.xml: name, size, colour, bold, family and scheme. */
function formDefaultFont(buffer: Buffer): Partial<ExcelJS.Font> | null {
  const xml = zipText(buffer, 'xl/styles.xml');
  const font = xml ? /<fonts\b[^>]*>\s*<font>([\s\S]*?)<\/font>/.exec(xml)?.[1] : undefined;
  if (!font) return null;
  const val = (tag: string) => new RegExp(`<${tag}\\b[^>]*\\bval="([^"]*)"`).exec(font)?.[1];
  const out: Partial<ExcelJS.Font> = {};
  const name = val('name');
  if (name) out.name = name;
  const size = val('sz');
  if (size) out.size = Number(size);
  const family = val('family');
  if (family) out.family = Number(family);
  const scheme = val('scheme');
  if (scheme === 'minor' || scheme === 'major') out.scheme = scheme;
  if (/<b\b(?![^>]*val="0")/.test(font)) out.bold = true;
  const color = /<color\b([^>]*)\/>/.exec(font)?.[1];
  const theme = color && /theme="(\d+)"/.exec(color)?.[1];
  const rgb = color && /rgb="([0-9A-Fa-f]{8})"/.exec(color)?.[1];
  if (theme) out.color = { theme: Number(theme) } as ExcelJS.Color;
  else if (rgb) out.color = { argb: rgb };
  return out.name ? out : null;
}

/** One text entry of the .xlsx (a zip), found by its central directory; null when absent or not readable. */
function zipText(zip: Buffer, name: string): string | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return null;
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10) && at + 46 <= zip.length; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      try {
        return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      } catch {
        return null;
      }
    }
    at += 46 + skip;
  }
  return null;
}
