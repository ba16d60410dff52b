/**
 * A township file's cells, read straight from the zip's sheet XML. The merge reads 17 files at once and hashes every
 * cell of each; exceljs's in-memory reader builds a Cell object per value and took most of the 5 s budget on its own.
 * Only what a cell holds is read (shared, inline and plain strings, numbers, booleans, formulas), never its style:
 * the content hash (core/excel/canonical.ts) and `_data` need no formats, and dates are serials in both.
 */
import { inflateRawSync } from 'node:zlib';
import { LedgerError } from '../errors';

export type RawCell = string | number | boolean | { formula: string } | { error: string };

export interface RawSheet {
  name: string;
  hidden: boolean;
  /** Rows in ascending order; each row's cells as [1-based column, value], ascending. */
  rows: { rowNo: number; cells: [number, RawCell][] }[];
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!,
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of an <si> or <is>: every <t> run, phonetic guides (<rPh>) left out. */
function runText(xml: string): string {
  const clean = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return decode(out);
}

function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    n = n * 26 + ch - 64;
  }
  return n;
}

/** Cells inside a merged range other than its top-left one: what Excel shows empty. */
function mergedAway(xml: string): Set<string> | null {
  const out = new Set<string>();
  for (const m of xml.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [c1, r1, c2, r2] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3]!), Number(m[4])];
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 100_000) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) out.add(`${r},${c}`);
  }
  return out.size ? out : null;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ATTR = (name: string) => new RegExp(`\\b${name}="([^"]*)"`);
const R_ATTR = ATTR('r');
const T_ATTR = ATTR('t');
const FORMULA = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/;

function parseSheet(name: string, hidden: boolean, xml: string, shared: string[]): RawSheet {
  const away = mergedAway(xml);
  const rows: RawSheet['rows'] = [];
  let nextRow = 1;
  for (const rm of xml.matchAll(ROW)) {
    const rowNo = Number(R_ATTR.exec(rm[1]!)?.[1] ?? nextRow);
    nextRow = rowNo + 1;
    const inner = rm[2];
    if (!inner) continue;
    const cells: [number, RawCell][] = [];
    let nextCol = 1;
    for (const cm of inner.matchAll(CELL)) {
      const attrs = cm[1]!;
      const ref = R_ATTR.exec(attrs)?.[1];
      const col = ref ? columnNumber(ref) : nextCol;
      nextCol = col + 1;
      const body = cm[2];
      if (!body) continue;
      if (away?.has(`${rowNo},${col}`)) continue;
      const type = attrs.indexOf(' t="') >= 0 ? (T_ATTR.exec(attrs)?.[1] ?? 'n') : 'n';
      const f = body.indexOf('<f') >= 0 ? FORMULA.exec(body) : null;
      if (f) {
        // A formula counts by its text; a shared formula's followers carry none and read as the marker alone.
        cells.push([col, { formula: decode(f[1] ?? '') }]);
        continue;
      }
      if (type === 'inlineStr') {
        cells.push([col, runText(body)]);
        continue;
      }
      const open = body.indexOf('<v>');
      const v = open >= 0 ? body.slice(open + 3, body.indexOf('</v>', open)) : undefined;
      if (v === undefined) continue;
      if (type === 's') cells.push([col, shared[Number(v)] ?? '']);
      else if (type === 'str') cells.push([col, decode(v)]);
      else if (type === 'b') cells.push([col, v === '1']);
      else if (type === 'e') cells.push([col, { error: decode(v) }]);
      else if (type === 'd') cells.push([col, 25569 + Date.parse(v) / 86_400_000]);
      else cells.push([col, Number(v)]);
    }
    if (cells.length) rows.push({ rowNo, cells });
  }
  return { name, hidden, rows };
}

function unreadable(cause?: unknown): LedgerError {
  return new LedgerError('INVALID_INPUT', '无法读取这个 Excel 文件。', {
    hint: '请确认文件是本台账导出的 .xlsx 报表；如果在 WPS/Excel 中另存过，请另存为 .xlsx 后重试。',
    cause,
  });
}

/**
 * The zip's entries by name, inflated on demand with Node's own zlib (JSZip's inflate, in JavaScript, was half of
 * reading a file). Only what an .xlsx uses: stored or deflated entries, found through the central directory.
 */
function zipEntries(buf: Buffer): Map<string, () => Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + nameLen + extraLen + commentLen;
    out.set(name, () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw unreadable();
    });
  }
  return out;
}

/** Every sheet of the workbook, in workbook order. */
export async function readCells(input: Buffer | Uint8Array): Promise<RawSheet[]> {
  const buffer = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let entries: Map<string, () => Buffer>;
  try {
    entries = zipEntries(buffer);
  } catch (err) {
    throw err instanceof LedgerError ? err : unreadable(err);
  }
  const text = async (path: string) => {
    const entry = entries.get(path) ?? [...entries.entries()].find(([k]) => k.toLowerCase() === path.toLowerCase())?.[1];
    if (!entry) return null;
    try {
      return entry().toString('utf8');
    } catch (err) {
      throw unreadable(err);
    }
  };
  const workbook = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw unreadable();
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sharedXml = await text('xl/sharedStrings.xml');
  const shared = sharedXml ? [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runText(m[1] ?? '')) : [];
  const sheets: RawSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1]!;
    const name = decode(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? /\b[\w]+:id="([^"]*)"/.exec(attrs)?.[1];
    const state = /\bstate="([^"]*)"/.exec(attrs)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    const xml = path ? await text(path) : null;
    if (xml === null) continue;
    sheets.push(parseSheet(name, state === 'hidden' || state === 'veryHidden', xml, shared));
  }
  return sheets;
}
