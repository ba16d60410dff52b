/**
 * Lays out the 填报单位 / 统计时段 / 填报日期 line under the title. On a wide sheet the three sit on one row
 * (left, centre, right); a narrow sheet gets more rows rather than text shrunk until it cannot be read.
 */
import type { Align } from './styles';
import { displayWidth } from './widths';

export interface InfoSpan {
  /** 0-based info row (0 = the row right under the title). */
  row: number;
  /** 1-based inclusive column range. */
  from: number;
  to: number;
  text: string;
  align: Align;
}

export interface InfoLayout {
  rows: number;
  spans: InfoSpan[];
}

/** Room around each part, so neighbouring texts do not run into each other. */
const GAP = 2;

/** Where the boundaries between parts sit when there is room to spare, as fractions of the table width. */
const BOUNDARIES: Record<number, number[]> = { 1: [], 2: [0.5], 3: [0.4, 0.7] };

export function layoutInfo(parts: string[], widths: number[]): InfoLayout {
  const texts = parts.filter(Boolean);
  // Try everything on one row, then the first part alone with the rest below, then one part per row.
  const candidates: string[][][] = [[texts], [texts.slice(0, 1), texts.slice(1)], texts.map((t) => [t])];
  for (const candidate of candidates) {
    const rows = candidate.filter((r) => r.length);
    const placed = rows.map((r, i) => placeRow(r, widths, i));
    if (placed.every(Boolean)) return { rows: rows.length, spans: placed.flatMap((p) => p!) };
  }
  // Nothing fits even alone (a one- or two-column sheet): one part per row over the full width.
  return { rows: texts.length, spans: texts.map((text, row) => ({ row, from: 1, to: widths.length, text, align: 'left' })) };
}

/** Spans for one row of parts (each may have several lines), or null when some part would not fit its share of columns. */
export function placeRow(texts: string[], widths: number[], row: number): InfoSpan[] | null {
  const n = widths.length;
  if (texts.length > n) return null;
  const total = widths.reduce((a, b) => a + b, 0);
  const fractions = BOUNDARIES[texts.length] ?? [];
  const aligns: Align[] = texts.length === 1 ? ['left'] : texts.length === 2 ? ['left', 'right'] : ['left', 'center', 'right'];
  const spans: InfoSpan[] = [];
  let from = 1;
  let before = 0;
  for (let i = 0; i < texts.length; i++) {
    const need = displayWidth(texts[i]!) + GAP;
    const isLast = i === texts.length - 1;
    // Later parts each need at least one column of their own.
    const maxTo = n - (texts.length - 1 - i);
    let to = isLast ? n : from;
    let acc = widths[from - 1]!;
    if (!isLast) {
      const want = Math.max(before + need, total * fractions[i]!);
      while (to < maxTo && before + acc < want) acc += widths[to++]!;
    } else {
      acc = widths.slice(from - 1).reduce((a, b) => a + b, 0);
    }
    if (acc < need) return null;
    spans.push({ row, from, to, text: texts[i]!, align: aligns[i]! });
    before += acc;
    from = to + 1;
  }
  return spans;
}
