/**
 * Report look, after Chinese office habit (GB/T 9704): a bold title, 黑体 headers, 宋体 body, thin black
 * grid. Font names come from settings, so a township with 方正小标宋 installed can use it.
 */
import type ExcelJS from 'exceljs';

export const TITLE_SIZE = 18;
export const HEADER_SIZE = 11;
export const BODY_SIZE = 10.5;
export const INFO_SIZE = 10.5;

/** Row heights in points. */
export const TITLE_ROW_HEIGHT = 36;
export const INFO_ROW_HEIGHT = 20;
export const HEADER_LINE_HEIGHT = 15;
export const BODY_LINE_HEIGHT = 14;
export const BODY_MIN_HEIGHT = 18;

/** GB2312 charset: Excel then picks the Chinese face even where the name is unknown on the machine. */
const CHARSET_GB2312 = 134;

export function titleFont(name: string): Partial<ExcelJS.Font> {
  return { name, size: TITLE_SIZE, bold: true, charset: CHARSET_GB2312 };
}

export function headerFont(name: string): Partial<ExcelJS.Font> {
  return { name, size: HEADER_SIZE, bold: true, charset: CHARSET_GB2312 };
}

export function bodyFont(name: string, bold = false): Partial<ExcelJS.Font> {
  return { name, size: BODY_SIZE, bold, charset: CHARSET_GB2312 };
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

export const thinBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };

export const totalsFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

export type ColumnType = 'text' | 'int' | 'date' | 'percent' | 'money';
export type Align = 'left' | 'center' | 'right';

/** Numbers read best right-aligned; dates, codes and short fields centred; free text left. */
export function defaultAlign(type: ColumnType): Align {
  switch (type) {
    case 'int':
    case 'percent':
    case 'money':
      return 'right';
    case 'date':
      return 'center';
    default:
      return 'left';
  }
}

export const DATE_FORMAT = 'yyyy-mm-dd';

export function numberFormat(type: ColumnType): string | undefined {
  switch (type) {
    case 'int':
      return '0';
    case 'percent':
      return '0.0%';
    case 'money':
      return '#,##0.00';
    case 'date':
      // ISO order, as the ledger writes dates everywhere; Excel, WPS and LibreOffice all read it as a date format.
      return DATE_FORMAT;
    default:
      // '@' keeps ID numbers and phone numbers as text when a clerk retypes them in Excel.
      return '@';
  }
}

export function cellAlignment(horizontal: Align, wrap: boolean): Partial<ExcelJS.Alignment> {
  return { horizontal, vertical: 'middle', wrapText: wrap };
}
