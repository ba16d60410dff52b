/**
 * The official 党内统计 form's furniture that only some reports carry: the 栏次 row under the header
 * (甲、乙 for label columns, 1, 2, 3 … for figures, so a reader can say "第3栏") and note lines under the
 * table (which date counts, what a 其中 row means). Kept apart from the builder so the builder's own layout
 * stays one concern.
 */
import type ExcelJS from 'exceljs';
import { BODY_LINE_HEIGHT, INFO_ROW_HEIGHT, bodyFont, headerFill, headerFont, thinBorder } from './styles';
import { linesNeeded } from './widths';

/** Writes the 栏次 row right under the last header row; returns the new last header row. */
export function writeColumnNumbers(ws: ExcelJS.Worksheet, font: string, numbers: readonly string[] | undefined, headerLast: number): number {
  if (!numbers?.length) return headerLast;
  const rowNo = headerLast + 1;
  numbers.forEach((label, c) => {
    const cell = ws.getCell(rowNo, c + 1);
    cell.value = label;
    cell.font = { ...headerFont(font), bold: false };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = thinBorder;
    cell.fill = headerFill;
  });
  ws.getRow(rowNo).height = INFO_ROW_HEIGHT;
  return rowNo;
}

/** Writes each note as a merged full-width line after `lastRow`; returns the last row written. */
export function writeNotes(ws: ExcelJS.Worksheet, font: string, notes: readonly string[] | undefined, lastRow: number, widths: readonly number[]): number {
  if (!notes?.length) return lastRow;
  const total = widths.reduce((a, b) => a + b, 0);
  notes.forEach((text, i) => {
    const rowNo = lastRow + 1 + i;
    ws.mergeCells(rowNo, 1, rowNo, widths.length);
    const cell = ws.getCell(rowNo, 1);
    cell.value = text;
    cell.font = bodyFont(font);
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(rowNo).height = Math.max(INFO_ROW_HEIGHT, linesNeeded(text, total) * BODY_LINE_HEIGHT + 6);
  });
  return lastRow + notes.length;
}
