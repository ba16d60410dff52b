/**
 * The official 党内统计 form's furniture that only some reports carry: the 栏次 row under the header
 * (甲、乙 for label columns, 1, 2, 3 … for figures, so a reader can say "第3栏") and note lines under the
 * table (which date counts, what a 其中 row means). Kept apart from the builder so the builder's own layout
 * stays one concern.
 */
import type ExcelJS from 'exceljs';
import { columnNumberStyle, textStyle } from './cell-styles';
import { BODY_LINE_HEIGHT, INFO_ROW_HEIGHT } from './styles';
import { linesNeeded } from './widths';

/** Writes the 栏次 row right under the last header row; returns the new last header row. */
export function writeColumnNumbers(ws: ExcelJS.Worksheet, font: string, numbers: readonly string[] | undefined, headerLast: number): number {
  if (!numbers?.length) return headerLast;
  const rowNo = headerLast + 1;
  const style = columnNumberStyle(font) as ExcelJS.Style;
  numbers.forEach((label, c) => {
    const cell = ws.getCell(rowNo, c + 1);
    cell.value = label;
    cell.style = style;
  });
  ws.getRow(rowNo).height = INFO_ROW_HEIGHT;
  return rowNo;
}

/** Writes each note as a merged full-width line after `lastRow`; returns the last row written. */
export function writeNotes(ws: ExcelJS.Worksheet, font: string, notes: readonly string[] | undefined, lastRow: number, widths: readonly number[]): number {
  if (!notes?.length) return lastRow;
  const total = widths.reduce((a, b) => a + b, 0);
  const style = textStyle(font, { horizontal: 'left', vertical: 'middle', wrapText: true }) as ExcelJS.Style;
  notes.forEach((text, i) => {
    const rowNo = lastRow + 1 + i;
    const cell = ws.getCell(rowNo, 1);
    cell.value = text;
    // Styled before merging, so the merged-away cells share the first cell's look.
    cell.style = style;
    ws.mergeCells(rowNo, 1, rowNo, widths.length);
    ws.getRow(rowNo).height = Math.max(INFO_ROW_HEIGHT, linesNeeded(text, total) * BODY_LINE_HEIGHT + 6);
  });
  return lastRow + notes.length;
}
