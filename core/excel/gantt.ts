/**
 * The 挂图作战 writer: a Gantt picture drawn in cells — a left block that names each row, then one narrow column
 * per period whose cells are filled by state — which the table builder of core/excel cannot draw (it has one look
 * per column). It follows the builder's conventions like core/excel/card.ts does: the same streaming writer and
 * patches, one shared frozen style object per look, the fonts from the settings, the title, 填报单位 and header
 * rows repeated on every printed page, the signature block, and the hidden `_data` / `_meta` copy written by
 * core/excel/machine.
 *
 * It always prints one page wide (fit to width, any number of pages down), landscape, on the paper asked for.
 *
 * Loaded on first use (it imports exceljs) and generic over what the rows and periods are, so it can move into
 * core/excel/ unchanged.
 */
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import './exceljs-extensions';
import { APP_NAME, type CellInput, type ReportColumn, type ReportMeta } from './builder';
import { bodyStyle, headerStyle, textStyle, titleStyle, type CellStyle } from './cell-styles';
import { drain } from './drain';
import { layoutInfo } from './info';
import { tapWorkbook } from './canonical';
import { writeDataSheets } from './machine';
import { PAPER_SIZE, SIDE_MARGIN_IN } from './print';
import { layoutSignature, signatureParts } from './signature';
import { BODY_LINE_HEIGHT, INFO_ROW_HEIGHT, TITLE_ROW_HEIGHT, bodyFont, headerFont, type Align, type ColumnType } from './styles';
import { cellValue, columnLetter } from './values';
import { linesNeeded, textWidth } from './widths';

export type GanttState = 'done' | 'doneLate' | 'late' | 'open';

export interface GanttLeftColumn {
  header: string;
  width: number;
  type?: ColumnType;
  align?: Align;
}

export interface GanttPeriod {
  /** The upper header (a year, or a month of weeks); neighbours with the same group share one merged cell. */
  group: string;
  /** The lower header: the month, or the day a week starts. */
  label: string;
  /** Today falls in this period: its header is marked and its column edged in red. */
  today: boolean;
}

export interface GanttCell {
  state: GanttState;
  /** Short text in the cell, e.g. the first characters of the milestones falling there. */
  text: string;
}

export interface GanttRow {
  left: CellInput[];
  /** One per period; null for an empty period. */
  cells: (GanttCell | null)[];
}

export interface GanttFile {
  sheetName: string;
  title: string;
  left: GanttLeftColumn[];
  periods: GanttPeriod[];
  periodWidth: number;
  rows: GanttRow[];
  legend: { state: GanttState | 'today'; label: string }[];
  notes: string[];
  /** Printed when there is no row. */
  none: string;
  /** The machine-readable copy. */
  data: { columns: ReportColumn[]; rows: Record<string, CellInput>[] };
}

/** Fills by state, chosen to tell apart in colour and, roughly, in grey on a black-and-white printer. */
export const GANTT_FILLS: Record<GanttState, string> = { done: 'FF92D050', doneLate: 'FFFFC000', late: 'FFFF0000', open: 'FFE7E6E6' };
const TODAY_FILL = 'FFFFFF00';
const TODAY_EDGE = 'FFFF0000';
const CELL_SIZE = 9;
const ROW_HEIGHT = 20;

const black: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const grey: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFA6A6A6' } };
const red: Partial<ExcelJS.Border> = { style: 'medium', color: { argb: TODAY_EDGE } };

const looks = new Map<string, CellStyle>();
function shared(key: string, make: () => Partial<ExcelJS.Style>): CellStyle {
  let style = looks.get(key);
  if (!style) {
    style = Object.freeze(make());
    looks.set(key, style);
  }
  return style;
}

/** A period cell: its state's fill (none when empty), the today column edged in red. */
export function periodStyle(font: string, state: GanttState | null, today: boolean): CellStyle {
  return shared(`gantt|${font}|${state}|${today}`, () => ({
    font: { ...bodyFont(font, state === 'late'), size: CELL_SIZE, ...(state === 'late' ? { color: { argb: 'FFFFFFFF' } } : {}) },
    alignment: { horizontal: 'center', vertical: 'middle', shrinkToFit: true },
    border: { top: grey, bottom: grey, left: today ? red : grey, right: today ? red : grey },
    ...(state ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: GANTT_FILLS[state] } } as ExcelJS.Fill } : {}),
  }));
}

function todayHeaderStyle(font: string): CellStyle {
  return shared(`gantt-today|${font}`, () => ({
    font: { ...headerFont(font), size: CELL_SIZE, color: { argb: 'FFC00000' } },
    alignment: { horizontal: 'center', vertical: 'middle', shrinkToFit: true },
    border: { top: black, bottom: black, left: red, right: red },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: TODAY_FILL } },
  }));
}

function periodHeaderStyle(font: string): CellStyle {
  return shared(`gantt-head|${font}`, () => ({ ...headerStyle(font), font: { ...headerFont(font), size: CELL_SIZE }, alignment: { horizontal: 'center', vertical: 'middle', shrinkToFit: true } }));
}

export async function writeGanttWorkbook(stream: Writable, meta: ReportMeta, file: GanttFile): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  tapWorkbook(workbook);
  workbook.creator = APP_NAME;
  workbook.lastModifiedBy = APP_NAME;
  const fonts = meta.fonts;
  const leftCount = file.left.length;
  const widths = [...file.left.map((c) => c.width), ...file.periods.map(() => file.periodWidth)];
  const cols = widths.length;
  const totalWidth = widths.reduce((a, b) => a + b, 0);

  const info = layoutInfo([`填报单位：${meta.unitName}`, meta.period ? `统计时段：${meta.period}` : '', `填报日期：${meta.filledDate}`], widths);
  const head = 2 + info.rows;
  const headLast = head + 1;
  const firstBody = headLast + 1;
  const bodyRows = Math.max(1, file.rows.length);
  const legendRows = planLegend(file, widths.slice(leftCount));
  const legendFirst = firstBody + bodyRows + 1;
  const notesFirst = legendFirst + legendRows.length;
  const signRow = notesFirst + file.notes.length + 1;

  const paper = meta.paper ?? 'A3';
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_SIZE[paper] as ExcelJS.PaperSize,
    orientation: 'landscape',
    // One page wide, as many down as the rows need: a 挂图 is read across, so it is never cut across.
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${headLast}`,
    printArea: `A1:${columnLetter(cols)}${signRow}`,
  };
  const views: Partial<ExcelJS.WorksheetView>[] = [
    { state: 'frozen', xSplit: leftCount, ySplit: headLast, topLeftCell: `${columnLetter(leftCount + 1)}${firstBody}`, activeCell: 'A1', showGridLines: false },
  ];
  const ws = workbook.addWorksheet(file.sheetName, { views, pageSetup });
  ws.pageSetup = pageSetup as ExcelJS.PageSetup;
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' } as ExcelJS.HeaderFooter;
  ws.columns = widths.map((width) => ({ width }));

  merged(ws, 1, 1, 1, cols, file.title, titleStyle(fonts.title));
  ws.getRow(1).height = TITLE_ROW_HEIGHT;
  for (const span of info.spans) {
    merged(ws, 2 + span.row, span.from, 2 + span.row, span.to, span.text, textStyle(fonts.body, { horizontal: span.align, vertical: 'middle', shrinkToFit: true }));
    ws.getRow(2 + span.row).height = INFO_ROW_HEIGHT;
  }

  // The header: the left block over both rows, then the period groups over their periods.
  const header = headerStyle(fonts.header);
  file.left.forEach((c, i) => merged(ws, head, i + 1, headLast, i + 1, c.header, header));
  const periodHead = periodHeaderStyle(fonts.header);
  for (let p = 0; p < file.periods.length; ) {
    let q = p;
    while (q + 1 < file.periods.length && file.periods[q + 1]!.group === file.periods[p]!.group) q++;
    merged(ws, head, leftCount + p + 1, head, leftCount + q + 1, file.periods[p]!.group, periodHead);
    p = q + 1;
  }
  file.periods.forEach((p, i) => merged(ws, headLast, leftCount + i + 1, headLast, leftCount + i + 1, p.label, p.today ? todayHeaderStyle(fonts.header) : periodHead));
  ws.getRow(head).height = 22;
  ws.getRow(headLast).height = 22;

  const leftLooks = file.left.map((c) => bodyStyle({ type: c.type ?? 'text', align: c.align }, fonts.body));
  const empty = file.periods.map((p) => periodStyle(fonts.body, null, p.today));
  if (!file.rows.length) {
    merged(ws, firstBody, 1, firstBody, cols, file.none, textStyle(fonts.body, { horizontal: 'center', vertical: 'middle' }));
    ws.getRow(firstBody).height = ROW_HEIGHT;
  }
  for (const [i, row] of file.rows.entries()) {
    const rowNo = firstBody + i;
    const r = ws.getRow(rowNo);
    file.left.forEach((c, k) => {
      const cell = r.getCell(k + 1);
      cell.style = leftLooks[k] as ExcelJS.Style;
      const v = cellValue({ type: c.type }, row.left[k]);
      if (v !== null) cell.value = v;
    });
    file.periods.forEach((p, k) => {
      const cell = r.getCell(leftCount + k + 1);
      const g = row.cells[k];
      cell.style = (g ? periodStyle(fonts.body, g.state, p.today) : empty[k]) as ExcelJS.Style;
      if (g?.text) cell.value = g.text;
    });
    r.height = ROW_HEIGHT;
    r.commit();
    if (i % 200 === 199) await drain(ws);
  }

  // The legend: a swatch and its meaning, left to right, wrapping onto more rows when the periods are few.
  legendRows.forEach((items, i) => {
    const rowNo = legendFirst + i;
    if (i === 0) merged(ws, rowNo, 1, rowNo, leftCount, '图例', header);
    for (const it of items) {
      const swatch = it.state === 'today' ? todayHeaderStyle(fonts.header) : periodStyle(fonts.body, it.state, false);
      merged(ws, rowNo, it.col, rowNo, it.col, it.state === 'today' ? '今' : '', swatch);
      merged(ws, rowNo, it.col + 1, rowNo, it.lastCol, it.label, textStyle(fonts.body, { horizontal: 'left', vertical: 'middle', shrinkToFit: true }));
    }
    ws.getRow(rowNo).height = ROW_HEIGHT;
  });

  const noteStyle = textStyle(fonts.body, { horizontal: 'left', vertical: 'middle', wrapText: true });
  file.notes.forEach((text, i) => {
    const rowNo = notesFirst + i;
    merged(ws, rowNo, 1, rowNo, cols, text, noteStyle);
    ws.getRow(rowNo).height = Math.max(INFO_ROW_HEIGHT, linesNeeded(text, totalWidth) * BODY_LINE_HEIGHT + 6);
  });

  const sign = layoutSignature(signatureParts(meta), widths);
  const signStyle = textStyle(fonts.body, { horizontal: 'left', vertical: 'top', wrapText: true });
  for (const span of sign.spans) merged(ws, signRow, span.from, signRow, span.to, span.text, signStyle);
  ws.getRow(signRow).height = sign.lines * (BODY_LINE_HEIGHT + 4) + 6;
  ws.commit();

  await writeDataSheets(workbook, meta, [{ sheetName: file.sheetName, title: file.title, columns: file.data.columns, rows: file.data.rows }], APP_NAME);
  await workbook.commit();
}

interface LegendItem {
  state: GanttState | 'today';
  label: string;
  /** 1-based sheet columns: the swatch, then the label through lastCol. */
  col: number;
  lastCol: number;
}

/** Legend items placed over the period columns, as many a row as fit. */
function planLegend(file: GanttFile, periodWidths: number[]): LegendItem[][] {
  const first = file.left.length + 1;
  const available = periodWidths.length;
  const rows: LegendItem[][] = [];
  let at = 0;
  for (const item of file.legend) {
    // Room for the label in whole period columns, a little spare so the text does not touch the next swatch.
    const need = Math.max(1, Math.min(available - 1, Math.ceil((textWidth(item.label) + 2) / file.periodWidth)));
    if (!rows.length || at + 1 + need > available) {
      rows.push([]);
      at = 0;
    }
    rows.at(-1)!.push({ ...item, col: first + at, lastCol: first + at + need });
    at += 1 + need + 1;
  }
  return available >= 2 ? rows : [];
}

/** A value over a range, every cell of it styled first so the merged range keeps its borders. */
function merged(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, value: string | number | null, style: CellStyle): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) ws.getCell(r, c).style = style as ExcelJS.Style;
  }
  if (value !== null && value !== '') ws.getCell(top, left).value = value;
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}
