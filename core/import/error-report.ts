/**
 * 导出错误报告: the clerk's own workbook back, with a 错误说明 column on the data sheet (each row's problems
 * joined) and the bad cells filled light red, so it can be fixed in place and imported again. Everything else in the
 * file is left as exceljs reads and writes it.
 */
import ExcelJS from 'exceljs';
import type { PreviewRow } from './engine';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEAD: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
export const ERROR_COLUMN = '错误说明';

export interface ErrorReportAt {
  sheetName: string;
  /** 1-based first header row and how many rows the header spans. */
  headerRow: number;
  headerRows: 1 | 2;
  /** The sheet's width in columns, as read: the new column goes right after it. */
  width: number;
}

export async function buildErrorReport(bytes: Buffer, at: ErrorReportAt, rows: readonly PreviewRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(at.sheetName)!;
  const col = at.width + 1;
  const head = ws.getCell(at.headerRow, col);
  head.value = ERROR_COLUMN;
  head.style = { ...head.style, font: { bold: true, color: { argb: 'FFC00000' } }, fill: HEAD, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } };
  if (at.headerRows === 2) ws.mergeCells(at.headerRow, col, at.headerRow + 1, col);
  ws.getColumn(col).width = 48;
  for (const r of rows) {
    if (r.status !== '错误') continue;
    const note = ws.getCell(r.row, col);
    note.value = r.problems.map((p) => (p.header ? `${p.header}：${p.message}` : p.message)).join('；');
    note.style = { ...note.style, font: { color: { argb: 'FFC00000' } }, alignment: { wrapText: true, vertical: 'top' } };
    for (const p of r.problems) {
      if (!p.col) continue;
      // A new style object per cell: exceljs shares loaded style objects between cells.
      const cell = ws.getCell(`${p.col}${r.row}`);
      cell.style = { ...cell.style, fill: RED };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
