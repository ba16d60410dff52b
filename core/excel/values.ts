/** Turning row values into cell values, shared by the sheet writer and the width measure. */
import type { ColumnType } from './styles';

export type CellInput = string | number | null | undefined;

/** Sheet names the builder writes itself; a report sheet may not take them. */
const RESERVED_NAMES = new Set(['_data', '_meta']);

/** What goes into the cell: dates stay 'YYYY-MM-DD' text so Excel, WPS and LibreOffice show them alike. */
export function cellValue(col: { type?: ColumnType }, raw: CellInput): string | number | null {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (col.type ?? 'text') {
    case 'text':
      return String(raw);
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : String(raw);
    default: {
      if (typeof raw === 'number') return raw;
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
    }
  }
}

/** The text a reader sees, for measuring widths (a percent shows as "12.5%", money with separators). */
export function displayValue(col: { type?: ColumnType }, raw: CellInput): string | number | null {
  const v = cellValue(col, raw);
  if (typeof v !== 'number') return v;
  if (col.type === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (col.type === 'money') return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v;
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
