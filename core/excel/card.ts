/**
 * The 一人一卡 writer: a card layout (a photo box, label/value pairs, small tables) that the table builder of
 * core/excel cannot draw. It follows the builder's conventions — the same streaming writer and patches, one
 * shared style object per look from core/excel/cell-styles with the fonts from the settings, the title and
 * 填报单位 rows repeated on every printed page, real Excel dates, and the hidden `_data` / `_meta` copy written by
 * core/excel/machine — so a receiving office reads it like every other report.
 *
 * One sheet, one card per printed A4 portrait page: a manual page break after each card, and one print scale
 * chosen so the tallest card fits a page (fit-to-page would make Excel ignore the manual breaks).
 *
 * It is loaded on the first card export only (it imports exceljs), and is generic over what a card holds, so it
 * can move into core/excel/ unchanged.
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
import { PAPER_SIZE, SIDE_MARGIN_IN, columnPoints, printableWidth } from './print';
import { BODY_LINE_HEIGHT, INFO_ROW_HEIGHT, TITLE_ROW_HEIGHT, type Align, type ColumnType } from './styles';
import { cellValue } from './values';
import { linesNeeded } from './widths';

/** Eight columns: three label/value pairs, then two for the photo box. Fits A4 portrait at 100%. */
export const CARD_WIDTHS = [11, 14, 11, 14, 11, 14, 7, 7];
const COLS = CARD_WIDTHS.length;
/** The photo box: the last two columns over the first four fact rows (about 1 寸 upright). */
const PHOTO_COLS = 2;
const PHOTO_ROWS = 4;
const FACT_ROW_HEIGHT = 28;
const ROW_HEIGHT = 20;
const MARGIN_TOP_IN = 0.6;
const MARGIN_BOTTOM_IN = 0.6;
const PAGE_HEIGHT_PT = 841.9;

export interface CardFact {
  label: string;
  value: CellInput;
  type?: ColumnType;
}

export interface CardTableColumn {
  header: string;
  /** Columns of the 8-column grid it spans; the spans of a table add up to 8. */
  span: number;
  type?: ColumnType;
  align?: Align;
}

export interface CardTable {
  title: string;
  columns: CardTableColumn[];
  rows: CellInput[][];
  /** Printed in place of the rows when there are none. */
  empty: string;
  /** A line under the rows, e.g. how many were left off. */
  footnote?: string;
}

export interface Card {
  /** The band over the card: who it is. */
  heading: string;
  /** Twelve facts fill the four rows beside the photo, three a row; more go two a row below it. */
  facts: CardFact[];
  sections: (CardTable | { title: string; text: string })[];
}

export interface CardFile {
  sheetName: string;
  title: string;
  cards: Card[];
  /** Printed when there is no card. */
  none: string;
  /** The machine-readable copy: one record per card. */
  data: { columns: ReportColumn[]; rows: Record<string, CellInput>[] };
}

interface Looks {
  label: CellStyle;
  band: CellStyle;
  text: CellStyle;
  value: (type: ColumnType | undefined, align?: Align) => CellStyle;
  photo: CellStyle;
  sign: CellStyle;
}

export async function writeCardWorkbook(stream: Writable, meta: ReportMeta, file: CardFile): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  tapWorkbook(workbook);
  workbook.creator = APP_NAME;
  workbook.lastModifiedBy = APP_NAME;
  const fonts = meta.fonts;
  const looks: Looks = {
    label: headerStyle(fonts.header),
    band: headerStyle(fonts.header),
    text: bodyStyle({ type: 'text', align: 'left' }, fonts.body),
    value: (type, align) => bodyStyle({ type: type ?? 'text', align: align ?? (type === 'date' || type === 'int' ? 'center' : 'left') }, fonts.body),
    photo: bodyStyle({ type: 'text', align: 'center' }, fonts.body),
    sign: textStyle(fonts.body, { horizontal: 'left', vertical: 'middle', wrapText: true }),
  };

  const info = layoutInfo([`填报单位：${meta.unitName}`, meta.period ? `统计时段：${meta.period}` : '', `填报日期：${meta.filledDate}`], CARD_WIDTHS);
  const titleRows = 1 + info.rows;
  const heights = file.cards.map((c) => cardHeight(c));
  const tallest = Math.max(ROW_HEIGHT * 3, ...heights) + TITLE_ROW_HEIGHT + info.rows * INFO_ROW_HEIGHT;
  const usable = (PAGE_HEIGHT_PT - (MARGIN_TOP_IN + MARGIN_BOTTOM_IN) * 72) * 0.96;
  const wide = CARD_WIDTHS.reduce((a, w) => a + columnPoints(w), 0);
  const scale = Math.max(40, Math.min(100, Math.floor(Math.min(usable / tallest, (printableWidth('A4', false) * 0.96) / wide) * 100)));

  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_SIZE.A4 as ExcelJS.PaperSize,
    orientation: 'portrait',
    fitToPage: false,
    scale,
    horizontalCentered: true,
    margins: { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: MARGIN_TOP_IN, bottom: MARGIN_BOTTOM_IN, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${titleRows}`,
  };
  const views: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', xSplit: 0, ySplit: titleRows, topLeftCell: `A${titleRows + 1}`, activeCell: 'A1', showGridLines: false }];
  const ws = workbook.addWorksheet(file.sheetName, { views, pageSetup });
  ws.pageSetup = pageSetup as ExcelJS.PageSetup;
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' } as ExcelJS.HeaderFooter;
  ws.columns = CARD_WIDTHS.map((width) => ({ width }));

  merged(ws, 1, 1, 1, COLS, file.title, titleStyle(fonts.title));
  ws.getRow(1).height = TITLE_ROW_HEIGHT;
  for (const span of info.spans) {
    merged(ws, 2 + span.row, span.from, 2 + span.row, span.to, span.text, textStyle(fonts.body, { horizontal: span.align, vertical: 'middle', shrinkToFit: true }));
    ws.getRow(2 + span.row).height = INFO_ROW_HEIGHT;
  }

  let row = titleRows + 1;
  if (!file.cards.length) {
    merged(ws, row, 1, row, COLS, file.none, looks.text);
    ws.getRow(row).height = ROW_HEIGHT * 2;
    row = writeSignature(ws, meta, looks, row + 1);
  }
  for (const [i, card] of file.cards.entries()) {
    row = writeCard(ws, card, looks, row);
    row = writeSignature(ws, meta, looks, row);
    const last = ws.getRow(row - 1);
    if (i < file.cards.length - 1) last.addPageBreak();
    // Everything up to the card's last row goes to the file now, so a township's cards never pile up in memory.
    last.commit();
    if (i % 50 === 49) await drain(ws);
  }
  ws.commit();
  await writeDataSheets(workbook, meta, [{ sheetName: file.sheetName, title: file.title, columns: file.data.columns, rows: file.data.rows }], APP_NAME);
  await workbook.commit();
}

/** Pairs beside the photo: three a row over the first four rows; the rest two a row, the value over three columns. */
function factRows(facts: CardFact[]): { beside: CardFact[][]; below: CardFact[][] } {
  const besideCount = Math.min(facts.length, PHOTO_ROWS * 3);
  const beside: CardFact[][] = [];
  for (let i = 0; i < PHOTO_ROWS; i++) beside.push(facts.slice(i * 3, Math.min(i * 3 + 3, besideCount)));
  const below: CardFact[][] = [];
  for (let i = besideCount; i < facts.length; i += 2) below.push(facts.slice(i, i + 2));
  return { beside, below };
}

function tableRowHeight(cells: CellInput[], columns: CardTableColumn[]): number {
  let col = 0;
  let lines = 1;
  columns.forEach((c, i) => {
    const width = CARD_WIDTHS.slice(col, col + c.span).reduce((a, w) => a + w, 0);
    if ((c.type ?? 'text') === 'text') lines = Math.max(lines, linesNeeded(cells[i], width, 2));
    col += c.span;
  });
  return Math.max(ROW_HEIGHT, lines * BODY_LINE_HEIGHT + 6);
}

function textHeight(text: string): number {
  return Math.max(ROW_HEIGHT, linesNeeded(text, CARD_WIDTHS.slice(2).reduce((a, w) => a + w, 0), 2) * BODY_LINE_HEIGHT + 6);
}

/** The printed height of a card in points, its signature line included. */
function cardHeight(card: Card): number {
  const { below } = factRows(card.facts);
  let h = ROW_HEIGHT + PHOTO_ROWS * FACT_ROW_HEIGHT + below.length * FACT_ROW_HEIGHT;
  for (const s of card.sections) {
    if ('text' in s) h += textHeight(s.text);
    else {
      h += ROW_HEIGHT * 2;
      h += s.rows.length ? s.rows.reduce((a, r) => a + tableRowHeight(r, s.columns), 0) : ROW_HEIGHT;
      if (s.footnote) h += ROW_HEIGHT;
    }
  }
  return h + ROW_HEIGHT * 1.5;
}

function writeCard(ws: ExcelJS.Worksheet, card: Card, looks: Looks, first: number): number {
  let row = first;
  merged(ws, row, 1, row, COLS, card.heading, looks.band);
  ws.getRow(row++).height = ROW_HEIGHT;
  const { beside, below } = factRows(card.facts);
  const photoTop = row;
  for (const facts of beside) {
    facts.forEach((f, i) => writeFact(ws, looks, row, 1 + i * 2, 1 + i * 2 + 1, f));
    // An empty pair keeps the grid's borders.
    for (let i = facts.length; i < 3; i++) writeFact(ws, looks, row, 1 + i * 2, 2 + i * 2, { label: '', value: '' });
    ws.getRow(row++).height = FACT_ROW_HEIGHT;
  }
  merged(ws, photoTop, COLS - PHOTO_COLS + 1, row - 1, COLS, '照片', looks.photo);
  for (const facts of below) {
    facts.forEach((f, i) => writeFact(ws, looks, row, 1 + i * 4, 1 + i * 4 + 3, f));
    if (facts.length < 2) writeFact(ws, looks, row, 5, 8, { label: '', value: '' });
    ws.getRow(row++).height = FACT_ROW_HEIGHT;
  }
  for (const section of card.sections) {
    if ('text' in section) {
      merged(ws, row, 1, row, 2, section.title, looks.label);
      merged(ws, row, 3, row, COLS, section.text, looks.text);
      ws.getRow(row++).height = textHeight(section.text);
      continue;
    }
    merged(ws, row, 1, row, COLS, section.title, looks.band);
    ws.getRow(row++).height = ROW_HEIGHT;
    let col = 1;
    for (const c of section.columns) {
      merged(ws, row, col, row, col + c.span - 1, c.header, looks.label);
      col += c.span;
    }
    ws.getRow(row++).height = ROW_HEIGHT;
    if (!section.rows.length) {
      merged(ws, row, 1, row, COLS, section.empty, looks.photo);
      ws.getRow(row++).height = ROW_HEIGHT;
    }
    for (const cells of section.rows) {
      col = 1;
      section.columns.forEach((c, i) => {
        merged(ws, row, col, row, col + c.span - 1, cellValue({ type: c.type }, cells[i]), looks.value(c.type, c.align));
        col += c.span;
      });
      ws.getRow(row++).height = tableRowHeight(cells, section.columns);
    }
    if (section.footnote) {
      merged(ws, row, 1, row, COLS, section.footnote, looks.text);
      ws.getRow(row++).height = ROW_HEIGHT;
    }
  }
  return row;
}

function writeFact(ws: ExcelJS.Worksheet, looks: Looks, row: number, labelCol: number, lastCol: number, fact: CardFact): void {
  merged(ws, row, labelCol, row, labelCol, fact.label, looks.label);
  merged(ws, row, labelCol + 1, row, lastCol, cellValue({ type: fact.type }, fact.value), looks.value(fact.type));
}

/** 填报人 / 审核人 / 联系电话 under each card: the card is signed for like every report. */
function writeSignature(ws: ExcelJS.Worksheet, meta: ReportMeta, looks: Looks, row: number): number {
  const or = (t: string) => t.trim() || '　　　　　　';
  const text = `填报人：${or(meta.fillerName)}　　审核人：${or(meta.reviewerName)}　　联系电话：${or(meta.phone)}`;
  merged(ws, row, 1, row, COLS, text, looks.sign);
  ws.getRow(row).height = ROW_HEIGHT * 1.5;
  return row + 1;
}

/** A value over a range, every cell of it styled first so the merged range keeps its borders. */
function merged(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number, value: string | number | Date | null, style: CellStyle): void {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) ws.getCell(r, c).style = style as ExcelJS.Style;
  }
  const cell = ws.getCell(top, left);
  if (value !== null && value !== '') cell.value = value;
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
}
