/**
 * Money is kept in integer 分 end to end: entered as 元 text, split to the 分, summed as integers, and shown as
 * 元 with two decimals only at the edge, so no sum ever drifts by a float's rounding.
 */

/** "1234.5" / "1,234.50" / "１２３" → 123450 分; null when it is not an amount of money. */
export function parseYuan(text: string): number | null {
  const s = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 123450 → "1234.50". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 分 as the number an Excel cell shows as 元 (two decimals, exact for every amount a township spends). */
export function fenToYuanNumber(fen: number): number {
  return Number(formatYuan(fen));
}

/**
 * A class's cost over its trainees: everyone gets the floor, and the remainder goes one 分 each to the first ones
 * in list order, so the shares always add up to the total.
 */
export function splitFen(totalFen: number, count: number): number[] {
  if (count <= 0) return [];
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new RangeError('总金额应为非负整数（分）');
  const base = Math.floor(totalFen / count);
  const remainder = totalFen - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}
