/**
 * Adding up printed figures across files. A number adds as a number (to ten decimals, so 万元 kept to the 分 stay
 * exact); a text figure such as "54 人" or "3 个党支部" adds when every file writes it the same way around its
 * numbers; anything else (a name, a verdict) has no sum and is left empty unless the policy derives it.
 */
import type { CellInput } from '../excel/types';

const NUMBER = /-?\d+(?:\.\d+)?/g;

export function roundSum(n: number): number {
  return Math.round(n * 1e10) / 1e10;
}

function skeleton(text: string): { shape: string; numbers: number[] } {
  const numbers = (text.match(NUMBER) ?? []).map(Number);
  return { shape: text.replace(NUMBER, '#'), numbers };
}

/** The sum of one column's values across files; null when they do not add up. */
export function addValues(values: readonly CellInput[]): CellInput {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (!present.length) return null;
  if (present.every((v) => typeof v === 'number')) return roundSum((present as number[]).reduce((a, b) => a + b, 0));
  const parts = present.map((v) => skeleton(String(v)));
  const shape = parts[0]!.shape;
  if (!parts[0]!.numbers.length || !parts.every((p) => p.shape === shape && p.numbers.length === parts[0]!.numbers.length)) return null;
  const sums = parts[0]!.numbers.map((_, i) => roundSum(parts.reduce((a, p) => a + p.numbers[i]!, 0)));
  let i = 0;
  return shape.replace(/#/g, () => String(sums[i++]));
}

/** Sums rows column by column, except the columns named in `skip` (labels, 序号, 行次). */
export function addRows(rows: readonly Record<string, CellInput>[], keys: readonly string[], skip: ReadonlySet<string>): Record<string, CellInput> {
  const out: Record<string, CellInput> = {};
  for (const key of keys) {
    if (skip.has(key)) continue;
    out[key] = addValues(rows.map((r) => r[key]));
  }
  return out;
}

/** Columns that number rows rather than count anything. */
export function isNumbering(key: string, header: string | string[]): boolean {
  const leaf = [header].flat().at(-1) ?? '';
  return key === 'seq' || key === 'lineNo' || leaf === '序号' || leaf === '行次';
}
