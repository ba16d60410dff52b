/**
 * Finding the header of any reasonable sheet: title rows and merged cells are skipped, one- and two-row headers
 * are read (a merged parent over its children), and columns are matched to fields by name and synonym. Pure, so
 * the import and the district's form fill share it.
 */
import type { PlainValue, SheetData } from '../excel/read';
import { cellText } from './values';

export interface FieldDef {
  key: string;
  label: string;
  /** Other names clerks give the column; matched after the label, whole first, then as a part. */
  synonyms?: readonly string[];
  required?: boolean;
}

export interface ColumnMatch {
  /** 0-based column index. */
  col: number;
  /** The header text as the sheet shows it (parent and child joined with “/”). */
  header: string;
  key: string | null;
}

export interface HeaderFound {
  /** 0-based index of the header's first row, and how many rows it spans (1 or 2). */
  row: number;
  rows: 1 | 2;
  /** 0-based index of the first data row. */
  dataStart: number;
  columns: ColumnMatch[];
  /** Required fields no column matched. */
  missing: FieldDef[];
}

/** What a header says once spaces, line breaks, brackets, stars and colons are gone. */
export function headerKey(text: string): string {
  return text.replace(/[\s\n\r*＊:：()（）[\]【】<>《》"'“”‘’、,，.。/\\-]/g, '').toLowerCase();
}

function names(f: FieldDef): string[] {
  return [f.label, ...(f.synonyms ?? [])].map(headerKey).filter(Boolean);
}

/** The field a header names: an exact name first, then the longest name that the header contains. */
export function matchField(header: string, fields: readonly FieldDef[], taken: ReadonlySet<string> = new Set()): FieldDef | null {
  const key = headerKey(header);
  if (!key) return null;
  const open = fields.filter((f) => !taken.has(f.key));
  const exact = open.find((f) => names(f).includes(key));
  if (exact) return exact;
  let best: { f: FieldDef; len: number } | null = null;
  for (const f of open) {
    for (const n of names(f)) {
      if (n.length >= 2 && key.includes(n) && (!best || n.length > best.len)) best = { f, len: n.length };
    }
  }
  return best?.f ?? null;
}

/** A row's header texts, with a merged cell's text carried across the columns it spans. */
function headerTexts(sheet: SheetData, r: number): string[] {
  const row = sheet.rows[r] ?? [];
  const texts = row.map((v: PlainValue) => cellText(v));
  for (const range of sheet.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const [c1, r1, c2, r2] = [colIndex(m[1]!), Number(m[2]) - 1, colIndex(m[3]!), Number(m[4]) - 1];
    if (r < r1 || r > r2) continue;
    const text = cellText(sheet.rows[r1]?.[c1] ?? null);
    for (let c = c1; c <= c2; c++) texts[c] = text;
  }
  return texts;
}

export function colIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function colLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function assign(headers: string[], fields: readonly FieldDef[], alternatives?: string[]): ColumnMatch[] {
  const taken = new Set<string>();
  return headers.map((header, col) => {
    const f = (header ? matchField(header, fields, taken) : null) ?? (alternatives?.[col] ? matchField(alternatives[col]!, fields, taken) : null);
    if (f) taken.add(f.key);
    return { col, header, key: f?.key ?? null };
  });
}

const SCAN_ROWS = 20;

/**
 * The header is the row (or pair of rows) among the first twenty that names the most fields. A two-row header is
 * read child first ("日期" under "确定为入党积极分子" matches as the pair), so parents with children win only
 * when they name more.
 */
export function findHeader(sheet: SheetData, fields: readonly FieldDef[]): HeaderFound | null {
  let best: (HeaderFound & { score: number }) | null = null;
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const single = headerTexts(sheet, r);
    const candidates: { rows: 1 | 2; columns: ColumnMatch[] }[] = [{ rows: 1, columns: assign(single, fields) }];
    if (r + 1 < sheet.rows.length) {
      const child = headerTexts(sheet, r + 1);
      const joined = single.map((p, c) => (child[c] && p && p !== child[c] ? `${p}/${child[c]}` : child[c] || p));
      const pairs = assign(joined, fields, child);
      // A pair is a header only where the parent row adds names the child row alone does not give.
      const alone = assign(child, fields).filter((x) => x.key).length;
      if (pairs.filter((x) => x.key).length > alone) candidates.push({ rows: 2, columns: pairs });
    }
    for (const c of candidates) {
      const score = c.columns.filter((x) => x.key).length;
      if (score > 0 && (!best || score > best.score)) {
        const matched = new Set(c.columns.map((x) => x.key));
        best = { row: r, rows: c.rows, dataStart: r + c.rows, columns: c.columns, missing: fields.filter((f) => f.required && !matched.has(f.key)), score };
      }
    }
  }
  if (!best) return null;
  const { score: _score, ...found } = best;
  return found;
}

/** A file layout's identity: its header texts, for remembering the clerk's corrected mapping. */
export function layoutKey(columns: readonly ColumnMatch[]): string {
  return columns.map((c) => headerKey(c.header)).join('|');
}
