/**
 * One printed report sheet, written through exceljs's streaming writer: rows go to the file as they are
 * written, so memory stays flat as the rows grow. A streamed sheet cannot go back: everything that is
 * written at its top (frozen panes, fit-to-page) or that depends on the row count (print area) is planned
 * before the first cell, and each data row is committed as soon as it is written.
 */
import type ExcelJS from 'exceljs';
import { bodyStyle, headerStyle, textStyle, titleStyle, type CellStyle } from './cell-styles';
import { setColumnBreaks } from './exceljs-extensions';
import { writeColumnNumbers, writeNotes } from './furniture';
import { layoutHeaders, type HeaderLayout } from './headers';
import { layoutInfo, type InfoLayout, type InfoSpan } from './info';
import { PAPER_SIZE, SIDE_MARGIN_IN, planPages, type PagePlan } from './print';
import { layoutSignature, signatureParts } from './signature';
import { BODY_LINE_HEIGHT, BODY_MIN_HEIGHT, HEADER_LINE_HEIGHT, INFO_ROW_HEIGHT, TITLE_ROW_HEIGHT } from './styles';
import type { ReportColumn, ReportMeta, ReportSheet, ReportTotals } from './types';
import { YIELD_EVERY } from './drain';
import { PlainRowWriter, type PlainValue } from './rows';
import { cellValue, columnLetter, displayValue, printedInput, toNumber } from './values';
import { columnWidth, displayWidth, linesNeeded } from './widths';

/** Beyond this many width units a sheet no longer fits A4 portrait at a readable scale. */
const PORTRAIT_MAX_WIDTH = 100;

/** 1-based inclusive column range of one printed page across, without the repeated identifying columns. */
interface Segment {
  from: number;
  to: number;
}

export async function writeReportSheet(workbook: ExcelJS.Workbook, meta: ReportMeta, sheet: ReportSheet, name: string): Promise<void> {
  const columns = sheet.columns.filter((c) => !c.dataOnly);
  if (!columns.length) throw new Error(`report sheet "${name}" has no columns`);
  const layout = layoutHeaders(columns.map((c) => c.header));
  const colCount = columns.length;
  const widths = columns.map((c, i) => c.width ?? measureWidth(c, layout.leaves[i]!, sheet.rows));

  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const landscape = totalWidth > PORTRAIT_MAX_WIDTH;
  const paper = meta.paper ?? 'A4';
  const repeat = Math.min(sheet.freezeColumns ?? 0, colCount - 1);
  const groups = layout.blocks.filter((b) => b.row === 0).map((b) => ({ from: b.col, to: b.lastCol }));
  const plan = planPages({ widths, groups, repeat, paper, landscape });
  // The title, the info line and the signature are written once per page across, over that page's own
  // columns: one merge over the whole width would print its text on one page only.
  const segments: Segment[] = plan.fitToWidth ? [{ from: 1, to: colCount }] : plan.pages.map((p) => ({ from: p.from + 1, to: p.to + 1 }));

  // Every row number, before the first row is written.
  const infoParts = [`填报单位：${meta.unitName}`, meta.period ? `统计时段：${meta.period}` : '', `填报日期：${meta.filledDate}`];
  const infos = segments.map((seg) => layoutInfo(infoParts, widths.slice(seg.from - 1, seg.to)));
  const firstHeader = 2 + Math.max(0, ...infos.map((l) => l.rows));
  const headerLast = firstHeader + layout.depth - 1 + (sheet.columnNumbers?.length ? 1 : 0);
  const firstData = headerLast + 1;
  const lastData = firstData + sheet.rows.length - 1;
  const lastRow = lastData + (sheet.totals ? 1 : 0) + (sheet.notes?.length ?? 0);
  // A blank row, then the signature block, on the last page across (the last page printed).
  const signRow = lastRow + 2;

  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_SIZE[paper] as ExcelJS.PaperSize,
    orientation: landscape ? 'landscape' : 'portrait',
    ...pageFit(plan),
    horizontalCentered: true,
    margins: { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // Every page repeats the title, 填报单位 and the header rows, and, on pages across, the identifying columns.
    printTitlesRow: `1:${headerLast}`,
    ...(segments.length > 1 && repeat > 0 ? { printTitlesColumn: `A:${columnLetter(repeat)}` } : {}),
    printArea: `A1:${columnLetter(colCount)}${signRow}`,
  };
  const views: Partial<ExcelJS.WorksheetView>[] = [
    { state: 'frozen', xSplit: repeat, ySplit: headerLast, topLeftCell: `${columnLetter(repeat + 1)}${firstData}`, activeCell: 'A1', showGridLines: false },
  ];
  // The streaming writer writes the views and the fit-to-page flag at the sheet's top, so they go in now.
  const ws = workbook.addWorksheet(name, { views, pageSetup });
  ws.pageSetup = pageSetup as ExcelJS.PageSetup;
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' } as ExcelJS.HeaderFooter;
  ws.columns = widths.map((width) => ({ width }));
  if (segments.length > 1) setColumnBreaks(ws, segments.slice(0, -1).map((s) => s.to));

  const title = titleStyle(meta.fonts.title);
  for (const seg of segments) writeMerged(ws, 1, seg.from, 1, seg.to, sheet.title, title);
  ws.getRow(1).height = TITLE_ROW_HEIGHT;

  writeInfoRows(ws, meta, segments, infos);
  writeColumnNumbers(ws, meta.fonts.header, sheet.columnNumbers, writeHeaders(ws, meta, layout, widths, firstHeader));
  await writeBody(ws, meta, sheet, columns, widths, firstData);
  if (sheet.totals) writeTotalsRow(ws, meta, sheet, columns, sheet.totals, firstData, lastData + 1);
  writeNotes(ws, meta.fonts.body, sheet.notes, lastData + (sheet.totals ? 1 : 0), widths);
  writeSignature(ws, meta, widths, segments.at(-1)!, signRow);
  ws.commit();
}

/**
 * The column's width from its header and its widest value. Only a value that could be the widest is turned
 * into its printed text: on a 100k-row roster that measuring is a good part of the export otherwise.
 */
function measureWidth(col: ReportColumn, leaf: string, rows: ReportSheet['rows']): number {
  const type = col.type ?? 'text';
  const seen = col.codes ? new Set<unknown>() : null;
  let widest: string | number | null = null;
  let most = 0;
  for (const row of rows) {
    const raw = row[col.key];
    if (seen) {
      // A coded column prints one label per code.
      if (seen.has(raw)) continue;
      seen.add(raw);
    } else if (typeof raw === 'string') {
      // No character is wider than 2; a date prints as its own ASCII text or the first ten characters of it.
      if (type === 'text' && raw.length * 2 <= most) continue;
      if (type === 'date' && raw.length <= most && ASCII.test(raw)) continue;
    } else if (typeof raw === 'number' && type === 'int' && displayWidth(raw) <= most) {
      // An integer prints as itself (序号 on every row): its width is known without making its text.
      continue;
    }
    const value = displayValue(col, raw);
    const width = displayWidth(value);
    if (width > most) {
      most = width;
      widest = value;
    }
  }
  return columnWidth(leaf, [widest]);
}

const ASCII = /^[\x20-\x7e]*$/;

function pageFit(plan: PagePlan): Partial<ExcelJS.PageSetup> {
  // Pages across are read left to right before going down, as a clerk lays the sheets out on the desk.
  if (plan.fitToWidth) return { fitToPage: true, fitToWidth: 1, fitToHeight: 0, pageOrder: 'overThenDown' };
  // Fit-to-page would make Excel ignore the manual column breaks, so the scale is set instead.
  return { fitToPage: false, scale: plan.scale, pageOrder: 'overThenDown' };
}

/**
 * A value over a merged range. The look is set before merging: the merged-away cells take the first cell's
 * style object, as Excel draws their borders from it.
 */
function writeMerged(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, value: string, style: CellStyle): void {
  const cell = ws.getCell(top, left);
  cell.value = value;
  cell.style = style as ExcelJS.Style;
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}

/** The 填报单位 / 统计时段 / 填报日期 rows under the title of each page across. */
function writeInfoRows(ws: ExcelJS.Worksheet, meta: ReportMeta, segments: Segment[], infos: InfoLayout[]): void {
  segments.forEach((seg, i) => {
    for (const span of infos[i]!.spans) {
      const rowNo = 2 + span.row;
      // Shrinking is only the last resort for fonts wider than the estimate; the layout already made room.
      writeSpan(ws, rowNo, seg, span, textStyle(meta.fonts.body, { horizontal: span.align, vertical: 'middle', shrinkToFit: true }));
      ws.getRow(rowNo).height = INFO_ROW_HEIGHT;
    }
  });
}

function writeSignature(ws: ExcelJS.Worksheet, meta: ReportMeta, widths: number[], seg: Segment, rowNo: number): void {
  const layout = layoutSignature(signatureParts(meta), widths.slice(seg.from - 1, seg.to));
  const style = textStyle(meta.fonts.body, { horizontal: 'left', vertical: 'top', wrapText: true });
  for (const span of layout.spans) writeSpan(ws, rowNo, seg, span, style);
  ws.getRow(rowNo).height = layout.lines * (BODY_LINE_HEIGHT + 4) + 6;
}

/** One text span of a page's own columns (a span's columns count from the start of its page segment). */
function writeSpan(ws: ExcelJS.Worksheet, rowNo: number, seg: Segment, span: InfoSpan, style: CellStyle): void {
  writeMerged(ws, rowNo, seg.from + span.from - 1, rowNo, seg.from + span.to - 1, span.text, style);
}

/** Returns the last header row (1-based). */
function writeHeaders(ws: ExcelJS.Worksheet, meta: ReportMeta, layout: HeaderLayout, widths: number[], first: number): number {
  const last = first + layout.depth - 1;
  const style = headerStyle(meta.fonts.header) as ExcelJS.Style;
  // Style every header cell first: merged cells keep the borders of their own edges only.
  for (let r = first; r <= last; r++) {
    for (let c = 1; c <= widths.length; c++) ws.getCell(r, c).style = style;
  }
  const rowNeeds = new Array<number>(layout.depth).fill(1);
  for (const b of layout.blocks) {
    const top = first + b.row;
    writeMerged(ws, top, b.col + 1, first + b.lastRow, b.lastCol + 1, b.label, style);
    const width = widths.slice(b.col, b.lastCol + 1).reduce((a, w) => a + w, 0);
    const perRow = linesNeeded(b.label, width, 2) / (b.lastRow - b.row + 1);
    for (let r = b.row; r <= b.lastRow; r++) rowNeeds[r] = Math.max(rowNeeds[r]!, perRow);
  }
  rowNeeds.forEach((lines, i) => {
    ws.getRow(first + i).height = Math.max(20, Math.ceil(lines) * HEADER_LINE_HEIGHT + 6);
  });
  return last;
}

/** The records, each committed to the file as soon as it is written. */
async function writeBody(ws: ExcelJS.Worksheet, meta: ReportMeta, sheet: ReportSheet, columns: ReportColumn[], widths: number[], firstData: number): Promise<void> {
  const writer = new PlainRowWriter(ws, columns.map((col) => bodyStyle(col, meta.fonts.body)));
  const wraps = columns.map((col) => (col.type ?? 'text') === 'text');
  const values = new Array<PlainValue>(columns.length);
  for (let i = 0; i < sheet.rows.length; i++) {
    const row = sheet.rows[i]!;
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await writer.drain();
    let lines = 1;
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!;
      const value = cellValue(col, printedInput(col, row[col.key]));
      values[c] = value;
      if (wraps[c]) lines = Math.max(lines, linesNeeded(value, widths[c]!));
    }
    writer.write(firstData + i, values, Math.max(BODY_MIN_HEIGHT, lines * BODY_LINE_HEIGHT + 4));
  }
  writer.flush();
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
    const isLabel = col.key === totals.labelKey;
    cell.style = bodyStyle(col, meta.fonts.body, isLabel ? 'totalsLabel' : 'totals') as ExcelJS.Style;
    if (isLabel) {
      cell.value = totals.label;
    } else if (totals.values && col.key in totals.values) {
      const v = cellValue(col, printedInput(col, totals.values[col.key]));
      if (v !== null) cell.value = v;
    } else if (col.total === 'sum') {
      const result = sheet.rows.reduce((acc, r) => acc + toNumber(r[col.key]), 0);
      const letter = columnLetter(c + 1);
      // A formula keeps the total right when a clerk corrects a figure by hand; the cached result is what
      // readers and LibreOffice show without recalculating.
      cell.value = lastData >= firstData ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result } : 0;
    }
  });
  row.height = BODY_MIN_HEIGHT + 2;
}
