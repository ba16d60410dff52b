/**
 * Table rows written straight into a streamed sheet as the XML exceljs would write for them. exceljs's own path
 * builds a Row, a Cell per value and an XML builder per row, then joins it: on a 100k-row roster, with `_data`
 * holding every record again, that is most of the export and more than the district target allows
 * (docs/decisions.md, "Reading at district scale"). The rows here are the plain ones every report has in bulk (a
 * value and a shared style per cell, a row height); titles, headers, merges, formulas and totals still go through
 * exceljs. tests/unit/excel/rows.test.ts checks the sheet XML is byte for byte what exceljs writes.
 */
import type ExcelJS from 'exceljs';
import Enums from 'exceljs/lib/doc/enums.js';
import utils from 'exceljs/lib/utils/utils.js';
import { PLAIN, type CellStyle } from './cell-styles';
import { sheetHasher, type CellHasher } from './canonical';
import { drain } from './drain';
import { columnLetter } from './values';

export type PlainValue = string | number | Date | null;

/** What of exceljs's streaming sheet writer (lib/stream/xlsx/worksheet-writer.js) this writes through. */
interface SheetWriterState {
  _rowZero: number;
  _rows: unknown[];
  startedData: boolean;
  lastRow?: ExcelJS.Row;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _write(text: string): void;
  _workbook: { styles: { addStyleModel(style: CellStyle, cellType?: number): number } };
}

function valueType(value: PlainValue): number {
  if (value === null) return Enums.ValueType.Null;
  if (typeof value === 'number') return Enums.ValueType.Number;
  if (typeof value === 'string') return Enums.ValueType.String;
  return Enums.ValueType.Date;
}

export class PlainRowWriter {
  private readonly sheet: SheetWriterState;
  private readonly letters: string[];
  private readonly styleIds: (number | undefined)[];
  private readonly rowStyle: string;
  private readonly spans: string;
  /** Rows not yet handed to the sheet: one write per batch, since each write is a chunk, a promise and a copy. */
  private pending = '';
  /** The content hash of the workbook (canonical.ts), fed every row as it is written. */
  private readonly hasher: CellHasher | undefined;

  /** One shared style per column; every cell of the row is written, empty ones with their style only. */
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly styles: readonly CellStyle[],
  ) {
    this.sheet = ws as unknown as SheetWriterState;
    this.letters = styles.map((_, i) => columnLetter(i + 1));
    this.styleIds = styles.map(() => undefined);
    const rowStyleId = this.sheet._workbook.styles.addStyleModel(PLAIN);
    this.rowStyle = rowStyleId ? ` s="${rowStyleId}" customFormat="1"` : '';
    this.spans = ` spans="1:${styles.length}"`;
    this.hasher = sheetHasher(ws);
  }

  /**
   * Adds the next row, numbered `rowNo`; every row written through exceljs before it is committed first. The row
   * reaches the sheet with the next `flush` or `drain`, which must come before the sheet is written to otherwise.
   */
  write(rowNo: number, values: readonly PlainValue[], height?: number): void {
    const sheet = this.sheet;
    if (sheet._rows.length) {
      this.flush();
      sheet.lastRow?.commit();
    }
    if (rowNo < sheet._rowZero) throw new Error(`row ${rowNo} comes after row ${sheet._rowZero - 1} was written`);
    if (!sheet.startedData) {
      sheet._writeColumns();
      sheet._writeOpenSheetData();
      sheet.startedData = true;
    }
    let xml = `<row r="${rowNo}"${height ? ` ht="${height}" customHeight="1"` : ''}${this.spans}${this.rowStyle} x14ac:dyDescent="0.25">`;
    for (let c = 0; c < this.styles.length; c++) {
      const value = values[c] ?? null;
      // exceljs weighs a style object once and then knows it by identity, so its first cell's type settles its id.
      const id = (this.styleIds[c] ??= sheet._workbook.styles.addStyleModel(this.styles[c]!, valueType(value)));
      if (value === null) {
        if (id) xml += `<c r="${this.letters[c]}${rowNo}" s="${id}"/>`;
        continue;
      }
      xml += `<c r="${this.letters[c]}${rowNo}"${id ? ` s="${id}"` : ''}`;
      if (typeof value === 'string') xml += ` t="str"><v>${utils.xmlEncode(value)}</v></c>`;
      else if (typeof value === 'number') xml += `><v>${utils.xmlEncode(String(value))}</v></c>`;
      else xml += `><v>${utils.dateToExcel(value, false)}</v></c>`;
    }
    this.pending += `${xml}</row>`;
    this.hasher?.row(this.ws.name, rowNo, values);
    sheet._rowZero = rowNo + 1;
  }

  flush(): void {
    if (!this.pending) return;
    this.sheet._write(this.pending);
    this.pending = '';
  }

  /** Flushes, then waits until the zip has caught up with the sheet (drain.ts). */
  async drain(): Promise<void> {
    this.flush();
    await drain(this.ws);
  }
}
