/**
 * A record's value as a form cell shows it: codes as their printed wording (民族 01 → 汉族), dates as real dates
 * where the form's cell has a date format (so its own 1990.05 or 1990年5月 shows), else as text in the form's
 * wording (出生年月 → 1990.05), percentages as the cell is formatted. Pure.
 */
import type { DataColumnMeta } from '../excel/machine';
import type { PlainValue } from '../excel/read';
import { headerKey } from '../import/header';

export type CellOut = string | number | Date | null;

export interface TargetCell {
  header: string;
  numFmt?: string;
  /** The cell's format is a date format. */
  dateFormat: boolean;
}

export function formValue(value: PlainValue, column: DataColumnMeta | null, cell: TargetCell): CellOut {
  if (value === null || value === '') return null;
  if (column?.codes && typeof value !== 'boolean') {
    const label = column.codes[String(value)];
    if (label !== undefined) return label.replace(/\n/g, '');
  }
  const type = column?.type ?? 'text';
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (cell.dateFormat) return new Date(`${value}T00:00:00Z`);
    // "出生年月", "入党年月": the month is what the form asks for.
    const key = headerKey(cell.header);
    if (/年月$/.test(key) && !/日/.test(key)) return `${value.slice(0, 4)}.${value.slice(5, 7)}`;
    return value;
  }
  if (type === 'percent' && typeof value === 'number') {
    return cell.numFmt?.includes('%') ? value : `${Math.round(value * 1000) / 10}%`;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}
