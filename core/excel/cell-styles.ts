/**
 * One style object per distinct look, shared by every cell that looks that way. exceljs turns each style
 * object it has not seen before into XML to find its id; given a fresh object per cell that costs more than
 * writing the cells (17 s of a 100k-row roster), given the same object it is one WeakMap look-up.
 *
 * The objects are frozen: a cell's style is only ever replaced, never changed in place, or one change would
 * restyle every cell that shares it. Set a cell's look with `cell.style = …` only (not `cell.font = …`).
 */
import type ExcelJS from 'exceljs';
import { bodyFont, cellAlignment, defaultAlign, headerFill, headerFont, numberFormat, thinBorder, titleFont, totalsFill, type Align, type ColumnType } from './styles';

export type CellStyle = Readonly<Partial<ExcelJS.Style>>;

const cache = new Map<string, CellStyle>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The shared style for `key`, made by `make` the first time. Keys name every input the look depends on. */
function shared(key: string, make: () => Partial<ExcelJS.Style>): CellStyle {
  let style = cache.get(key);
  if (!style) {
    // Copied before freezing: the fonts, borders and fills in styles.ts are the caller's, not ours to freeze.
    style = deepFreeze(structuredClone(make()));
    cache.set(key, style);
  }
  return style;
}

/** A cell (or a row) without any look of its own: shared too, so exceljs does not weigh a fresh empty object each time. */
export const PLAIN: CellStyle = shared('plain', () => ({}));

export function titleStyle(font: string): CellStyle {
  return shared(`title|${font}`, () => ({ font: titleFont(font), alignment: { horizontal: 'center', vertical: 'middle' } }));
}

/** Text lines outside the table: 填报单位, notes, the signature block. */
export function textStyle(font: string, alignment: Partial<ExcelJS.Alignment>): CellStyle {
  const a = alignment;
  return shared(`text|${font}|${a.horizontal}|${a.vertical}|${a.wrapText}|${a.shrinkToFit}`, () => ({ font: bodyFont(font), alignment }));
}

export function headerStyle(font: string): CellStyle {
  return shared(`header|${font}`, () => ({
    font: headerFont(font),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: thinBorder,
    fill: headerFill,
  }));
}

/** The 栏次 row: the header's look, not bold. */
export function columnNumberStyle(font: string): CellStyle {
  return shared(`colno|${font}`, () => ({
    font: { ...headerFont(font), bold: false },
    alignment: { horizontal: 'center', vertical: 'middle' },
    border: thinBorder,
    fill: headerFill,
  }));
}

export interface BodyLook {
  type?: ColumnType;
  align?: Align;
}

/** A table cell; the totals row is bold on a light fill, and its label cell is centred. */
export function bodyStyle(col: BodyLook, font: string, row: 'body' | 'totals' | 'totalsLabel' = 'body'): CellStyle {
  const type = col.type ?? 'text';
  const align = col.align ?? defaultAlign(type);
  return shared(`body|${font}|${type}|${align}|${row}`, () => {
    const fmt = numberFormat(type);
    // A number or date that a program's font draws wider than estimated shrinks a little instead of printing ###.
    const alignment = row === 'totalsLabel' ? cellAlignment('center', false) : { ...cellAlignment(align, type === 'text'), shrinkToFit: type !== 'text' };
    return {
      font: bodyFont(font, row !== 'body'),
      border: thinBorder,
      alignment,
      ...(fmt ? { numFmt: fmt } : {}),
      ...(row !== 'body' ? { fill: totalsFill } : {}),
    };
  });
}

/** A `_data` cell: its number format only. */
export function dataStyle(numFmt: string | undefined): CellStyle {
  return numFmt ? shared(`data|${numFmt}`, () => ({ numFmt })) : PLAIN;
}
