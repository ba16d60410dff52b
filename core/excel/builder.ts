/**
 * The report builder: every Excel report the ledger sends upward goes through here, so the look, print
 * setup and machine-readable copy (domain.md §6) are the same everywhere. This folder is the only code that
 * imports exceljs; replacing it with a fork touches core/excel/ alone.
 */
import ExcelJS from 'exceljs';
import { writeColumnNumbers, writeNotes } from './furniture';
import { setColumnBreaks } from './exceljs-extensions';
import { layoutHeaders, type HeaderLayout } from './headers';
import { layoutInfo, type InfoSpan } from './info';
import { writeDataSheets } from './machine';
import { PAPER_SIZE, SIDE_MARGIN_IN, planPages, type PagePlan } from './print';
import { layoutSignature, signatureParts } from './signature';
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
} from './styles';
import type { ReportColumn, ReportMeta, ReportSheet, ReportTotals } from './types';
import { cellValue, displayValue, printedInput, toNumber, uniqueSheetName } from './values';
import { columnWidth, linesNeeded } from './widths';

export { uniqueSheetName } from './values';
export type { CellInput, Paper, ReportColumn, ReportMeta, ReportSheet, ReportTotals } from './types';

export const APP_NAME = '基层党建工作台账';

/** Beyond this many width units a sheet no longer fits A4 portrait at a readable scale. */
const PORTRAIT_MAX_WIDTH = 100;

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

/** 1-based inclusive column range of one printed page across, without the repeated identifying columns. */
interface Segment {
  from: number;
  to: number;
}

function writeReportSheet(workbook: ExcelJS.Workbook, meta: ReportMeta, sheet: ReportSheet, name: string): void {
  const columns = sheet.columns.filter((c) => !c.dataOnly);
  if (!columns.length) throw new Error(`report sheet "${name}" has no columns`);
  const ws = workbook.addWorksheet(name);
  const layout = layoutHeaders(columns.map((c) => c.header));
  const colCount = columns.length;
  const widths = columns.map((c, i) => c.width ?? columnWidth(layout.leaves[i]!, sheet.rows.map((r) => displayValue(c, r[c.key]))));
  ws.columns = widths.map((width) => ({ width }));
  const lastCol = colCount;

  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const landscape = totalWidth > PORTRAIT_MAX_WIDTH;
  const paper = meta.paper ?? 'A4';
  const repeat = Math.min(sheet.freezeColumns ?? 0, colCount - 1);
  const groups = layout.blocks.filter((b) => b.row === 0).map((b) => ({ from: b.col, to: b.lastCol }));
  const plan = planPages({ widths, groups, repeat, paper, landscape });
  // The title, the info line and the signature are written once per page across, over that page's own
  // columns: one merge over the whole width would print its text on one page only.
  const segments: Segment[] = plan.fitToWidth ? [{ from: 1, to: lastCol }] : plan.pages.map((p) => ({ from: p.from + 1, to: p.to + 1 }));

  for (const seg of segments) {
    if (seg.to > seg.from) ws.mergeCells(1, seg.from, 1, seg.to);
    const title = ws.getCell(1, seg.from);
    title.value = sheet.title;
    title.font = titleFont(meta.fonts.title);
    title.alignment = { horizontal: 'center', vertical: 'middle' };
  }
  ws.getRow(1).height = TITLE_ROW_HEIGHT;

  const firstHeader = 2 + writeInfoRows(ws, meta, widths, segments);
  const headerLast = writeColumnNumbers(ws, meta.fonts.header, sheet.columnNumbers, writeHeaders(ws, meta, layout, widths, firstHeader));
  const firstData = headerLast + 1;

  sheet.rows.forEach((row, i) => {
    const excelRow = ws.getRow(firstData + i);
    let lines = 1;
    columns.forEach((col, c) => {
      const cell = excelRow.getCell(c + 1);
      const value = cellValue(col, printedInput(col, row[col.key]));
      if (value !== null) cell.value = value;
      styleBodyCell(cell, col, meta.fonts.body);
      if ((col.type ?? 'text') === 'text') lines = Math.max(lines, linesNeeded(value, widths[c]!));
    });
    excelRow.height = Math.max(BODY_MIN_HEIGHT, lines * BODY_LINE_HEIGHT + 4);
  });

  let lastRow = firstData + sheet.rows.length - 1;
  if (sheet.totals) {
    lastRow++;
    writeTotalsRow(ws, meta, sheet, columns, sheet.totals, firstData, lastRow);
  }
  lastRow = writeNotes(ws, meta.fonts.body, sheet.notes, lastRow, widths);

  // A blank row, then the signature block, on the last page across (the last page printed).
  const signRow = lastRow + 2;
  writeSignature(ws, meta, widths, segments.at(-1)!, signRow);

  ws.pageSetup = {
    paperSize: PAPER_SIZE[paper] as ExcelJS.PaperSize,
    orientation: landscape ? 'landscape' : 'portrait',
    ...pageFit(plan),
    horizontalCentered: true,
    margins: { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // Every page repeats the title, 填报单位 and the header rows, and, on pages across, the identifying columns.
    printTitlesRow: `1:${headerLast}`,
    ...(segments.length > 1 && repeat > 0 ? { printTitlesColumn: `A:${ws.getColumn(repeat).letter}` } : {}),
    printArea: `A1:${ws.getColumn(lastCol).letter}${signRow}`,
  };
  if (segments.length > 1) setColumnBreaks(ws, segments.slice(0, -1).map((s) => s.to));
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  ws.views = [
    {
      state: 'frozen',
      xSplit: repeat,
      ySplit: headerLast,
      topLeftCell: `${ws.getColumn(repeat + 1).letter}${firstData}`,
      activeCell: 'A1',
      showGridLines: false,
    },
  ];
}

function pageFit(plan: PagePlan): Partial<ExcelJS.PageSetup> {
  // Pages across are read left to right before going down, as a clerk lays the sheets out on the desk.
  if (plan.fitToWidth) return { fitToPage: true, fitToWidth: 1, fitToHeight: 0, pageOrder: 'overThenDown' };
  // Fit-to-page would make Excel ignore the manual column breaks, so the scale is set instead.
  return { fitToPage: false, scale: plan.scale, pageOrder: 'overThenDown' };
}

/** Writes the 填报单位 / 统计时段 / 填报日期 rows under the title of each page across; returns how many rows they took. */
function writeInfoRows(ws: ExcelJS.Worksheet, meta: ReportMeta, widths: number[], segments: Segment[]): number {
  const parts = [`填报单位：${meta.unitName}`, meta.period ? `统计时段：${meta.period}` : '', `填报日期：${meta.filledDate}`];
  const font = bodyFont(meta.fonts.body);
  let rows = 0;
  for (const seg of segments) {
    const layout = layoutInfo(parts, widths.slice(seg.from - 1, seg.to));
    rows = Math.max(rows, layout.rows);
    for (const span of layout.spans) {
      const rowNo = 2 + span.row;
      // Shrinking is only the last resort for fonts wider than the estimate; the layout already made room.
      writeSpan(ws, rowNo, seg, span, font, { horizontal: span.align, vertical: 'middle', shrinkToFit: true });
      ws.getRow(rowNo).height = INFO_ROW_HEIGHT;
    }
  }
  return rows;
}

function writeSignature(ws: ExcelJS.Worksheet, meta: ReportMeta, widths: number[], seg: Segment, rowNo: number): void {
  const layout = layoutSignature(signatureParts(meta), widths.slice(seg.from - 1, seg.to));
  const font = bodyFont(meta.fonts.body);
  for (const span of layout.spans) writeSpan(ws, rowNo, seg, span, font, { horizontal: 'left', vertical: 'top', wrapText: true });
  ws.getRow(rowNo).height = layout.lines * (BODY_LINE_HEIGHT + 4) + 6;
}

/** One text span of a page's own columns (a span's columns count from the start of its page segment). */
function writeSpan(ws: ExcelJS.Worksheet, rowNo: number, seg: Segment, span: InfoSpan, font: Partial<ExcelJS.Font>, alignment: Partial<ExcelJS.Alignment>): void {
  const from = seg.from + span.from - 1;
  const to = seg.from + span.to - 1;
  if (to > from) ws.mergeCells(rowNo, from, rowNo, to);
  const cell = ws.getCell(rowNo, from);
  cell.value = span.text;
  cell.font = font;
  cell.alignment = alignment;
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

function writeTotalsRow(
  ws: ExcelJS.Worksheet,
  meta: ReportMeta,
  sheet: ReportSheet,
  columns: ReportColumn[],
  totals: ReportTotals,
  firstData: number,
  rowNo: number,
): void {
  const row = ws.getRow(rowNo);
  const lastData = rowNo - 1;
  columns.forEach((col, c) => {
    const cell = row.getCell(c + 1);
    styleBodyCell(cell, col, meta.fonts.body, true);
    cell.fill = totalsFill;
    if (col.key === totals.labelKey) {
      cell.value = totals.label;
      cell.alignment = cellAlignment('center', false);
    } else if (totals.values && col.key in totals.values) {
      const v = cellValue(col, printedInput(col, totals.values[col.key]));
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
  // A number or date that a program's font draws wider than estimated shrinks a little instead of printing ###.
  cell.alignment = { ...cellAlignment(col.align ?? defaultAlign(type), type === 'text'), shrinkToFit: type !== 'text' };
  const fmt = numberFormat(type);
  if (fmt) cell.numFmt = fmt;
}
