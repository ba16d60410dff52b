/**
 * Where things are on a department's blank form: its title, the header block (one or two rows, merged cells
 * carried across and down), the blank data rows under it, the 合计 row, and whether it is a list (one record per
 * row) or a matrix (row labels down the side, counts across, like a 统计表). The header row itself is found by
 * the import's findHeader (core/import/header.ts), with every field the form fill knows. Pure: the caller says
 * which rows carry the form's styling, as the values alone cannot tell a bordered blank row from the empty sheet.
 */
import type { PlainValue, SheetData } from '../excel/read';
import { colIndex, colLetter, findHeader, headerKey, type FieldDef } from '../import/header';
import { cellText } from '../import/values';

export interface FormColumn {
  /** 1-based column number and its letter. */
  col: number;
  letter: string;
  /** The header as printed, parent and child joined with “/” (基本情况/性别). */
  header: string;
  /** The header's levels, top first, repeats removed. */
  parts: string[];
}

export interface RowLabel {
  row: number;
  label: string;
  total: boolean;
}

export interface FormLayout {
  sheet: string;
  title: string;
  /** 1-based first and last rows of the header block. */
  headerTop: number;
  headerBottom: number;
  columns: FormColumn[];
  /** 1-based first data row, and the last blank row the form brings (dataStart − 1 when it brings none). */
  dataStart: number;
  dataEnd: number;
  /** 1-based rows labelled 合计/总计/小计 right under the data (list forms). */
  totalRows: number[];
  shape: 'list' | 'matrix';
  /** Matrix forms: the column holding the row labels, and the labels. */
  labelCol: number | null;
  rowLabels: RowLabel[];
  /** Header columns whose name matched a field: which of a workbook's sheets is the form. */
  matched: number;
}

const TOTAL = /^(合计|总计|小计|共计|全(镇|乡|街道|区|县|村)(合计|总计)?|汇总)$/;
const FOOTER = /^(注|说明|备注[:：]|填表|填报|审核|制表|负责人|单位负责人|联系|签字|盖章|日期[:：])/;

export function isTotalLabel(text: string): boolean {
  return TOTAL.test(text.replace(/[\s\u3000]/g, ''));
}

type Merge = { top: number; left: number; bottom: number; right: number };

function parseMerges(ranges: readonly string[]): Merge[] {
  return ranges.flatMap((range) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    return m ? [{ left: colIndex(m[1]!) + 1, top: Number(m[2]), right: colIndex(m[3]!) + 1, bottom: Number(m[4]) }] : [];
  });
}

/** The text a cell shows, a merged cell's master text carried over the whole merge (1-based row and column). */
function shownText(sheet: SheetData, merges: Merge[], row: number, col: number): string {
  const m = merges.find((x) => row >= x.top && row <= x.bottom && col >= x.left && col <= x.right);
  const v: PlainValue = m ? (sheet.rows[m.top - 1]?.[m.left - 1] ?? null) : (sheet.rows[row - 1]?.[col - 1] ?? null);
  return cellText(v).replace(/\s*[\r\n]+\s*/g, '');
}

function rowTexts(sheet: SheetData, row: number): string[] {
  return (sheet.rows[row - 1] ?? []).map((v) => cellText(v)).filter(Boolean);
}

export interface LayoutOptions {
  /** Whether a row carries the form's cell styling (a border) over the header's columns: a blank data row does. */
  styled(row: number): boolean;
}

const isProse = (text: string) => /[。；;]|^\d+[.、．]\s*\S/.test(text) || text.length > 30;

export function findLayout(sheet: SheetData, fields: readonly FieldDef[], opts: LayoutOptions): FormLayout | null {
  const found = findHeader(sheet, fields);
  // A line of 填表说明 ("2. 出生年月按…格式填写。") names a field but is prose, not a column heading.
  const matched = found?.columns.filter((x) => x.key && !isProse(x.header)).length ?? 0;
  if (!found || matched === 0) return null;
  const merges = parseMerges(sheet.merges);
  let headerTop = found.row + 1;
  const headerBottom = found.row + found.rows;
  // Grow upward over merges that run down into the header (序号 over two rows), and over a row of group
  // headings above it (基本情况 over 性别, 出生年月 …), but never into the title, which spans the whole width.
  const width = sheet.rows[headerBottom - 1]?.length ?? 0;
  for (let moved = true; moved; ) {
    moved = false;
    const down = merges.filter((m) => m.top < headerTop && m.bottom >= headerTop);
    if (down.length) {
      headerTop = Math.min(...down.map((m) => m.top));
      moved = true;
      continue;
    }
    const above = headerTop - 1;
    if (above >= 1 && merges.some((m) => m.top === above && m.bottom === above && m.right > m.left && m.right - m.left + 1 < width)) {
      headerTop = above;
      moved = true;
    }
  }
  const columns: FormColumn[] = [];
  for (let c = 1; c <= width; c++) {
    const parts: string[] = [];
    for (let r = headerTop; r <= headerBottom; r++) {
      const t = shownText(sheet, merges, r, c);
      if (t && parts.at(-1) !== t) parts.push(t);
    }
    if (parts.length) columns.push({ col: c, letter: colLetter(c - 1), header: parts.join('/'), parts });
  }
  const title = findTitle(sheet, headerTop);
  const dataStart = headerBottom + 1;
  const matrix = matrixLabels(sheet, merges, columns, dataStart);
  if (matrix) {
    return { sheet: sheet.name, title, headerTop, headerBottom, columns, dataStart, dataEnd: matrix.labels.at(-1)!.row, totalRows: matrix.labels.filter((l) => l.total).map((l) => l.row), shape: 'matrix', labelCol: matrix.col, rowLabels: matrix.labels, matched };
  }
  let dataEnd = headerBottom;
  const totalRows: number[] = [];
  for (let r = dataStart; r <= sheet.rows.length + 1; r++) {
    const texts = rowTexts(sheet, r);
    const first = texts.find((t) => !/^\d+$/.test(t)) ?? '';
    if (isTotalLabel(first)) {
      totalRows.push(r);
      continue;
    }
    if (totalRows.length) break;
    // A blank data row: nothing but (perhaps) a pre-printed 序号, and the form's borders.
    if (texts.every((t) => /^\d+$/.test(t)) && opts.styled(r) && !FOOTER.test(first)) dataEnd = r;
    else break;
  }
  return { sheet: sheet.name, title, headerTop, headerBottom, columns, dataStart, dataEnd, totalRows, shape: 'list', labelCol: null, rowLabels: [], matched };
}

/** The title: the longest text above the header (the 填报单位 line is shorter and names 单位/日期). */
function findTitle(sheet: SheetData, headerTop: number): string {
  const lines = Array.from({ length: headerTop - 1 }, (_, i) => rowTexts(sheet, i + 1).join(' ')).filter(Boolean);
  const plain = lines.filter((l) => !/[:：]/.test(l));
  return (plain[0] ?? lines[0] ?? '').trim();
}

/**
 * A matrix form has row labels under the header: in one of its columns, two or more rows of text that are not
 * numbers (village names, 职业 categories), down to a 合计 row or the notes. List forms have blank rows there.
 */
function matrixLabels(sheet: SheetData, merges: Merge[], columns: FormColumn[], dataStart: number): { col: number; labels: RowLabel[] } | null {
  const end = sheet.rows.length;
  let best: { col: number; labels: RowLabel[] } | null = null;
  for (const { col } of columns.slice(0, 3)) {
    const labels: RowLabel[] = [];
    for (let r = dataStart; r <= end; r++) {
      const text = shownText(sheet, merges, r, col);
      if (!text) {
        if (labels.length && !rowTexts(sheet, r).length) break;
        continue;
      }
      if (FOOTER.test(text) || /^\d+(\.\d+)?$/.test(text)) break;
      labels.push({ row: r, label: text, total: isTotalLabel(text) });
    }
    const named = labels.filter((l) => !l.total).length;
    if (named >= 2 && (!best || labels.length > best.labels.length)) best = { col, labels };
  }
  return best;
}

/** A header's identity, for remembering a form: its column texts, normalised. */
export function headerTexts(layout: Pick<FormLayout, 'columns'>): string {
  return layout.columns.map((c) => `${c.letter}=${headerKey(c.header)}`).join('|');
}
