/** Turning row values into cell values, shared by the sheet writer and the width measure. */
import type { ColumnType } from './styles';
import type { CellInput } from './types';

export type { CellInput } from './types';

/** Sheet names the builder writes itself; a report sheet may not take them. */
const RESERVED_NAMES = new Set(['_data', '_meta']);

/**
 * What goes into the cell. A date becomes a real Excel date (a serial with a date format), so a clerk can sort
 * and filter by it and the district can compute with it; a value that is not a calendar date stays as written.
 */
export function cellValue(col: { type?: ColumnType }, raw: CellInput): string | number | Date | null {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (col.type ?? 'text') {
    case 'text':
      return String(raw);
    case 'date':
      return excelDate(raw) ?? String(raw);
    default: {
      if (typeof raw === 'number') return raw;
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
  }
}

/** 'YYYY-MM-DD' (a time after it is dropped: dates are to the day) as a Date at UTC midnight, which exceljs writes as a whole serial. */
const excelDates = new Map<string, Date | null>();

/**
 * A YYYY-MM-DD text as the Excel date it is, or null. Cached by text: a district 花名册 converts half a million step
 * dates, drawn from a few thousand days. The Date objects are shared, so no caller may change one.
 */
export function excelDate(raw: CellInput): Date | null {
  if (typeof raw !== 'string') return null;
  const known = excelDates.get(raw);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[ T])/.exec(raw);
  let date: Date | null = null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const candidate = new Date(Date.UTC(y, mo - 1, d));
    date = candidate.getUTCFullYear() === y && candidate.getUTCMonth() === mo - 1 && candidate.getUTCDate() === d ? candidate : null;
  }
  if (excelDates.size >= 50_000) excelDates.clear();
  excelDates.set(raw, date);
  return date;
}

/** The text a reader sees, for measuring widths (a percent shows as "12.5%", money with separators). */
export function displayValue(col: { type?: ColumnType; codes?: Record<string, string> }, raw: CellInput): string | number | null {
  const v = cellValue(col, printedInput(col, raw));
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'number') return v;
  if (col.type === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (col.type === 'money') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v;
}

/** A coded column prints the label of its code; an unknown code prints as it is rather than vanishing. */
export function printedInput(col: { codes?: Record<string, string> }, raw: CellInput): CellInput {
  if (!col.codes || raw === null || raw === undefined || raw === '') return raw;
  return col.codes[String(raw)] ?? raw;
}

export function toNumber(raw: CellInput): number {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 0;
  const n = Number(raw);
  return raw && Number.isFinite(n) ? n : 0;
}

/** Excel forbids []:*?/\ in sheet names, caps them at 31 characters and compares them case-insensitively. */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\']/g, '_').trim().slice(0, 31) || '报表';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()) || RESERVED_NAMES.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** 1 → 'A', 27 → 'AA': a column's letters, for formulas and print ranges written before the sheet exists. */
export function columnLetter(n: number): string {
  let out = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}
