/**
 * Column widths in Excel's unit (about one Latin digit of the default font). A CJK or full-width glyph is
 * drawn twice as wide as a digit in 宋体/黑体, so it counts 2; pure Latin widths would crop Chinese text.
 */

/** Code point ranges that East Asian fonts draw full-width (a practical subset of Unicode UAX #11 "W"/"F"). */
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」)
  [0x3041, 0x33ff], // Kana, Bopomofo, Hangul compatibility, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa960, 0xa97f], // Hangul Jamo extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width ASCII variants and punctuation (（），：)
  [0xffe0, 0xffe6], // full-width signs (￥)
  [0x1f300, 0x1f64f], // emoji render wide too
  [0x20000, 0x3fffd], // CJK extensions B and beyond (rare surnames)
];

export function isWideChar(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  for (const [lo, hi] of WIDE_RANGES) {
    if (codePoint >= lo && codePoint <= hi) return true;
  }
  return false;
}

/** Display width of one line: CJK/full-width counts 2, everything else 1. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWideChar(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** The widest line of a possibly multi-line value. */
export function displayWidth(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return integerWidth(value);
  const text = typeof value === 'number' ? formatNumberForWidth(value) : String(value);
  // Most cells hold one line; measuring it directly spares a split per cell of a 100k-row roster.
  return text.includes('\n') ? Math.max(...text.split(/\r?\n/).map(textWidth)) : textWidth(text);
}

/** The width of an integer with thousands separators, as toLocaleString('en-US') prints it, without printing it. */
function integerWidth(n: number): number {
  const digits = String(Math.abs(n)).length;
  return digits + Math.floor((digits - 1) / 3) + (n < 0 ? 1 : 0);
}

function formatNumberForWidth(n: number): string {
  // Money and large counts get thousands separators in the sheet, which take room too.
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
}

/** Four CJK characters: the shortest header line that still reads as a word. */
const HEADER_MIN_LINE = 8;

export interface WidthOptions {
  min?: number;
  max?: number;
  /** Room for cell padding and borders, so text does not touch the gridline. */
  padding?: number;
}

/**
 * Width for a column from its header leaf and its values. Headers wrap, so a long header over narrow data
 * claims half its width, but at least four CJK characters a line: "少数民" over "族" reads badly.
 */
export function columnWidth(header: string, values: Iterable<unknown>, opts: WidthOptions = {}): number {
  const { min = 6, max = 40, padding = 2 } = opts;
  let data = 0;
  for (const v of values) {
    // No character is wider than 2: a string that short cannot widen the column, so it is not measured.
    if (typeof v === 'string' && v.length * 2 <= data) continue;
    data = Math.max(data, displayWidth(v));
  }
  const head = displayWidth(header);
  const headNeeded = data >= head ? head : Math.min(head, Math.max(data, Math.ceil(head / 2), HEADER_MIN_LINE));
  const width = Math.max(data, headNeeded) + padding;
  return Math.min(max, Math.max(min, width));
}

/** How many lines a value needs in a column of the given width (for row heights of wrapped text). */
export function linesNeeded(value: unknown, width: number, padding = 1): number {
  if (value === null || value === undefined || value === '') return 1;
  const usable = Math.max(1, width - padding);
  const text = String(value);
  // One short line (no character is wider than 2) needs one line; most cells are that, so they skip measuring.
  if (text.length * 2 <= usable && !text.includes('\n')) return 1;
  return text
    .split(/\r?\n/)
    .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}
