/**
 * The report builder: every Excel report the ledger sends upward goes through here, so the look, print
 * setup and machine-readable copy (domain.md §6) are the same everywhere. This folder is the only code that
 * imports exceljs; replacing it with a fork touches core/excel/ alone.
 */
import ExcelJS from 'exceljs';
import { writeColumnNumbers, writeNotes } from './furniture';
import { layoutHeaders, type HeaderLayout } from './headers';
import { layoutInfo } from './info';
import { writeDataSheets } from './machine';
import {
  BODY_LINE_HEIGHT,
  BODY_MIN_HEIGHT,
  HEADER_LINE_HEIGHT,
  INFO_ROW_HEIGHT,
  TITLE_ROW_HEIGHT,
  bodyFont,
  cellAlignment,
  defaultAlign,
  headerFill,
  headerFont,
  numberFormat,
  thinBorder,
  titleFont,
  totalsFill,
  type Align,
  type ColumnType,
} from './styles';
import { cellValue, displayValue, toNumber, uniqueSheetName, type CellInput } from './values';
import { columnWidth, linesNeeded } from './widths';

export { uniqueSheetName, type CellInput } from './values';

export interface ReportColumn {
  key: string;
  /** Header levels top to bottom, e.g. ['年龄', '25岁及以下']; adjacent columns sharing a parent merge. */
  header: string | string[];
  /** Fixed width in Excel units; otherwise measured from the header leaf and the data. */
  width?: number;
  /** `date` values are 'YYYY-MM-DD' strings; `money` values are 元 (callers convert from 分); `percent` is 0..1. */
  type?: ColumnType;
  total?: 'sum' | false;
  align?: Align;
}

export interface ReportTotals {
  label: string;
  /** The column that carries the label (usually 序号 or the first text column). */
  labelKey: string;
  /** Fixed cells of the totals row for what is not a plain sum, e.g. { name: '12 人' }. */
  values?: Record<string, CellInput>;
}

export interface ReportSheet {
  sheetName: string;
  title: string;
  columns: ReportColumn[];
  rows: Record<string, CellInput>[];
  totals?: ReportTotals | false;
  /** Columns kept in view when scrolling sideways (e.g. 序号 and 姓名 on a wide roster). */
  freezeColumns?: number;
  /** The 栏次 row of a 党内统计 form, one label per column ('甲', '1' …), printed as the last header row. */
  columnNumbers?: string[];
  /** Note lines under the table (e.g. which date counts), before the signature line. */
  notes?: string[];
}

export interface ReportMeta {
  /** 填报单位 */
  unitName: string;
  /** 统计时段, e.g. "2026-01-01 至 2026-11-27" or "截至 2026-11-27". */
  period?: string;
  /** 填报日期, YYYY-MM-DD */
  filledDate: string;
  fillerName: string;
  reviewerName: string;
  phone: string;
  fonts: { title: string; header: string; body: string };
  /** Written into the hidden _meta sheet so the district can tell which report a file is. */
  reportId?: string;
}

export const APP_NAME = '基层党建工作台账';

/** Beyond this many width units a sheet no longer fits A4 portrait at a readable scale. */
const PORTRAIT_MAX_WIDTH = 100;
/** Roughly what A4 landscape holds at a scale where 10.5pt body text stays legible (~75%). */
const READABLE_LANDSCAPE_WIDTH = 220;

export async function buildReport(meta: ReportMeta, sheets: ReportSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = APP_NAME;
  workbook.lastModifiedBy = APP_NAME;
  const names = new Set<string>();
  const written = sheets.map((sheet) => {
    const name = uniqueSheetName(sheet.sheetName || sheet.title, names);
    writeReportSheet(workbook, meta, sheet, name);
    return { ...sheet, sheetName: name };
  });
  writeDataSheets(workbook, meta, written, APP_NAME);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

function writeReportSheet(workbook: ExcelJS.Workbook, meta: ReportMeta, sheet: ReportSheet, name: string): void {
  const { columns } = sheet;
  if (!columns.length) throw new Error(`report sheet "${name}" has no columns`);
  const ws = workbook.addWorksheet(name);
  const layout = layoutHeaders(columns.map((c) => c.header));
  const colCount = columns.length;
  const widths = columns.map((c, i) => c.width ?? columnWidth(layout.leaves[i]!, sheet.rows.map((r) => displayValue(c, r[c.key]))));
  ws.columns = widths.map((width) => ({ width }));
  const lastCol = colCount;

  // Row 1: title.
  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = sheet.title;
  title.font = titleFont(meta.fonts.title);
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = TITLE_ROW_HEIGHT;

  const firstHeader = 2 + writeInfoRows(ws, meta, widths);
  const headerLast = writeColumnNumbers(ws, meta.fonts.header, sheet.columnNumbers, writeHeaders(ws, meta, layout, widths, firstHeader));
  const firstData = headerLast + 1;

  sheet.rows.forEach((row, i) => {
    const excelRow = ws.getRow(firstData + i);
    let lines = 1;
    columns.forEach((col, c) => {
      const cell = excelRow.getCell(c + 1);
      const value = cellValue(col, row[col.key]);
      if (value !== null) cell.value = value;
      styleBodyCell(cell, col, meta.fonts.body);
      if ((col.type ?? 'text') === 'text') lines = Math.max(lines, linesNeeded(value, widths[c]!));
    });
    excelRow.height = Math.max(BODY_MIN_HEIGHT, lines * BODY_LINE_HEIGHT + 4);
  });

  let lastRow = firstData + sheet.rows.length - 1;
  if (sheet.totals) {
    lastRow++;
    writeTotalsRow(ws, meta, sheet, sheet.totals, firstData, lastRow);
  }
  lastRow = writeNotes(ws, meta.fonts.body, sheet.notes, lastRow, widths);

  // A blank row, then the signature line the department above asks for.
  const signRow = lastRow + 2;
  ws.mergeCells(signRow, 1, signRow, lastCol);
  const sign = ws.getCell(signRow, 1);
  sign.value = `填报人：${orBlank(meta.fillerName)}　　审核人：${orBlank(meta.reviewerName)}　　联系电话：${orBlank(meta.phone)}`;
  sign.font = bodyFont(meta.fonts.body);
  sign.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(signRow).height = INFO_ROW_HEIGHT;

  const totalWidth = widths.reduce((a, b) => a + b, 0);
  // A very wide 台账 squeezed onto one A4 width prints too small to read: spread it over pages side by side and
  // repeat the frozen identifying columns (序号, 姓名 …) on each.
  const pagesWide = Math.max(1, Math.ceil(totalWidth / READABLE_LANDSCAPE_WIDTH));
  const frozen = Math.min(sheet.freezeColumns ?? 0, colCount - 1);
  ws.pageSetup = {
    paperSize: 9 as ExcelJS.PaperSize, // A4
    orientation: totalWidth > PORTRAIT_MAX_WIDTH ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: pagesWide,
    ...(pagesWide > 1 && frozen > 0 ? { printTitlesColumn: `A:${ws.getColumn(frozen).letter}` } : {}),
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${firstHeader}:${headerLast}`,
    printArea: `A1:${ws.getColumn(lastCol).letter}${signRow}`,
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  const xSplit = frozen;
  ws.views = [
    {
      state: 'frozen',
      xSplit,
      ySplit: headerLast,
      topLeftCell: `${ws.getColumn(xSplit + 1).letter}${firstData}`,
      activeCell: 'A1',
      showGridLines: false,
    },
  ];
}

/** Writes the 填报单位 / 统计时段 / 填报日期 rows under the title; returns how many rows they took. */
function writeInfoRows(ws: ExcelJS.Worksheet, meta: ReportMeta, widths: number[]): number {
  const parts = [`填报单位：${meta.unitName}`, meta.period ? `统计时段：${meta.period}` : '', `填报日期：${meta.filledDate}`];
  const layout = layoutInfo(parts, widths);
  const font = bodyFont(meta.fonts.body);
  for (const span of layout.spans) {
    const rowNo = 2 + span.row;
    if (span.to > span.from) ws.mergeCells(rowNo, span.from, rowNo, span.to);
    const cell = ws.getCell(rowNo, span.from);
    cell.value = span.text;
    cell.font = font;
    // Shrinking is only the last resort for fonts wider than the estimate; the layout already made room.
    cell.alignment = { horizontal: span.align, vertical: 'middle', shrinkToFit: true };
    ws.getRow(rowNo).height = INFO_ROW_HEIGHT;
  }
  return layout.rows;
}

/** Returns the last header row (1-based). */
function writeHeaders(ws: ExcelJS.Worksheet, meta: ReportMeta, layout: HeaderLayout, widths: number[], first: number): number {
  const last = first + layout.depth - 1;
  // Style every header cell first: merged cells keep the borders of their own edges only.
  for (let r = first; r <= last; r++) {
    for (let c = 1; c <= widths.length; c++) {
      const cell = ws.getCell(r, c);
      cell.font = headerFont(meta.fonts.header);
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = thinBorder;
      cell.fill = headerFill;
    }
  }
  const rowNeeds = new Array<number>(layout.depth).fill(1);
  for (const b of layout.blocks) {
    const top = first + b.row;
    const bottom = first + b.lastRow;
    if (bottom > top || b.lastCol > b.col) ws.mergeCells(top, b.col + 1, bottom, b.lastCol + 1);
    ws.getCell(top, b.col + 1).value = b.label;
    const width = widths.slice(b.col, b.lastCol + 1).reduce((a, w) => a + w, 0);
    const perRow = linesNeeded(b.label, width, 2) / (b.lastRow - b.row + 1);
    for (let r = b.row; r <= b.lastRow; r++) rowNeeds[r] = Math.max(rowNeeds[r]!, perRow);
  }
  rowNeeds.forEach((lines, i) => {
    ws.getRow(first + i).height = Math.max(20, Math.ceil(lines) * HEADER_LINE_HEIGHT + 6);
  });
  return last;
}

function writeTotalsRow(ws: ExcelJS.Worksheet, meta: ReportMeta, sheet: ReportSheet, totals: ReportTotals, firstData: number, rowNo: number): void {
  const row = ws.getRow(rowNo);
  const lastData = rowNo - 1;
  sheet.columns.forEach((col, c) => {
    const cell = row.getCell(c + 1);
    styleBodyCell(cell, col, meta.fonts.body, true);
    cell.fill = totalsFill;
    if (col.key === totals.labelKey) {
      cell.value = totals.label;
      cell.alignment = cellAlignment('center', false);
    } else if (totals.values && col.key in totals.values) {
      const v = cellValue(col, totals.values[col.key]);
      if (v !== null) cell.value = v;
    } else if (col.total === 'sum') {
      const result = sheet.rows.reduce((acc, r) => acc + toNumber(r[col.key]), 0);
      const letter = ws.getColumn(c + 1).letter;
      // A formula keeps the total right when a clerk corrects a figure by hand; the cached result is what
      // readers and LibreOffice show without recalculating.
      cell.value = lastData >= firstData ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result } : 0;
    }
  });
  row.height = BODY_MIN_HEIGHT + 2;
}

function styleBodyCell(cell: ExcelJS.Cell, col: ReportColumn, font: string, bold = false): void {
  const type = col.type ?? 'text';
  cell.font = bodyFont(font, bold);
  cell.border = thinBorder;
  cell.alignment = cellAlignment(col.align ?? defaultAlign(type), type === 'text');
  const fmt = numberFormat(type);
  if (fmt) cell.numFmt = fmt;
}

function orBlank(text: string): string {
  return text.trim() || '　　　　';
}
