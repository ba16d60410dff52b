/**
 * Three things exceljs 4.4 cannot do and the printed reports need, added to its writers. A fork of exceljs that
 * supports them replaces this file; tests/unit/excel/print.test.ts reads both back from the written XML.
 *
 * - Manual column page breaks: exceljs writes `<rowBreaks>` but no `<colBreaks>`, and the wide 台账 is cut
 *   into pages across at its header-group boundaries. The two elements share one shape and OOXML wants
 *   colBreaks right after rowBreaks, so the row-break writer writes both.
 * - The workbook's default font: column widths are counted in digits of that font. exceljs hard-codes
 *   Calibri, which LibreOffice (without Calibri) replaces by a wider face, so every column prints ~40% wider
 *   there than in Excel and the page plan of core/excel/print.ts fails. Arial 10 has the same 7-pixel digit
 *   as Calibri 11 in Excel and WPS, and LibreOffice has its metric twin (Liberation Sans).
 * - `<printOptions>` from the streaming sheet writer: it writes the page setup but drops the print options the
 *   in-memory writer takes from it, so every report would lose 水平居中 (horizontalCentered) on paper.
 */
import RowBreaksXform from 'exceljs/lib/xlsx/xform/sheet/row-breaks-xform.js';
import WorksheetWriter from 'exceljs/lib/stream/xlsx/worksheet-writer.js';
import PrintOptionsXform from 'exceljs/lib/xlsx/xform/sheet/print-options-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import type ExcelJS from 'exceljs';

const COL_BREAKS = Symbol('colBreaks');
const PATCHED = Symbol('ledgerPatched');
/** The last row a column break runs down to (Excel's row limit, less one, as Excel writes it). */
const MAX_ROW = 1048575;

/** Font 0 of every workbook we write. */
export const DEFAULT_FONT = { size: 10, name: 'Arial', family: 2 };

interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  leafNode(name: string, attributes?: Record<string, unknown>): void;
  closeNode(): void;
}
type Breaks = unknown[] & { [COL_BREAKS]?: number[] };

const rowBreaks = RowBreaksXform.prototype as { render(xml: XmlStream, model: Breaks | undefined): void; [PATCHED]?: true };
if (!rowBreaks[PATCHED]) {
  const renderRows = rowBreaks.render;
  rowBreaks.render = function render(xml, model) {
    renderRows.call(this, xml, model);
    const cols = model?.[COL_BREAKS];
    if (!cols?.length) return;
    xml.openNode('colBreaks', { count: cols.length, manualBreakCount: cols.length });
    for (const id of cols) xml.leafNode('brk', { id, max: MAX_ROW, man: 1 });
    xml.closeNode();
  };
  rowBreaks[PATCHED] = true;
}

interface StylesModel {
  model: { fonts: unknown[] };
  _addFont(font: object): number;
}
const styles = StylesXform.prototype as { init(this: StylesModel): void; [PATCHED]?: true };
if (!styles[PATCHED]) {
  const init = styles.init;
  // exceljs adds Calibri as font 0 only while the font list is empty; filling it first makes ours the default.
  styles.init = function (this: StylesModel) {
    init.call(this);
    if (!this.model.fonts.length) this._addFont(DEFAULT_FONT);
  };
  styles[PATCHED] = true;
}

interface SheetWriter {
  pageSetup: Partial<ExcelJS.PageSetup>;
  stream: { write(text: string): void };
  _writePageMargins(): void;
}
const sheetWriter = WorksheetWriter.prototype as SheetWriter & { [PATCHED]?: true };
if (!sheetWriter[PATCHED]) {
  const writeMargins = sheetWriter._writePageMargins;
  const printOptions = new PrintOptionsXform() as { toXml(model: object): string };
  // OOXML wants printOptions right before pageMargins, which is where the in-memory writer puts it too.
  sheetWriter._writePageMargins = function (this: SheetWriter) {
    const { showRowColHeaders, showGridLines, horizontalCentered, verticalCentered } = this.pageSetup;
    this.stream.write(printOptions.toXml({ showRowColHeaders, showGridLines, horizontalCentered, verticalCentered }));
    writeMargins.call(this);
  };
  sheetWriter[PATCHED] = true;
}

/** Breaks the printed page after each of the given 1-based columns. */
export function setColumnBreaks(ws: ExcelJS.Worksheet, afterColumns: number[]): void {
  (ws as unknown as { rowBreaks: Breaks }).rowBreaks[COL_BREAKS] = [...afterColumns];
}
