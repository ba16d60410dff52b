/**
 * Which field each column of a form is filled with. Nothing is guessed silently: a column is filled only when its
 * header (whole, or its last level, or its group) *is* a field's name or one of its wordings; a header that merely
 * contains one (联系电话（手机）, 其中党员) is offered as a suggestion the clerk confirms. Pure.
 */
import { headerKey, matchField } from '../import/header';
import type { FormColumn } from './layout';
import { SEQ_FIELD, type FillField } from './sources';

export type MatchKind = 'remembered' | 'exact' | 'suggested' | 'none' | 'chosen';

export interface ColumnProposal {
  col: string;
  header: string;
  /** The field the column is filled with; null: left empty. */
  key: string | null;
  /** A field the header looks like, for the clerk to confirm; never filled unless chosen. */
  suggestion: string | null;
  match: MatchKind;
}

const SEQ_NAMES = new Set(['序号', '编号', '顺序号', '序', 'no', 'no.']);

export function isSeqHeader(header: string): boolean {
  return SEQ_NAMES.has(headerKey(header)) || SEQ_NAMES.has(header.trim().toLowerCase());
}

function names(f: FillField): string[] {
  return [f.label, ...(f.synonyms ?? [])].map(headerKey).filter(Boolean);
}

/** The texts a column answers to, most specific first: the whole path, its last level, its last two, its first. */
function texts(c: FormColumn): string[] {
  const out = [c.parts.join(''), c.parts.at(-1)!, c.parts.slice(-2).join(''), c.parts[0]!];
  return [...new Set(out.map(headerKey).filter(Boolean))];
}

export function proposeMapping(columns: readonly FormColumn[], fields: readonly FillField[], skip: ReadonlySet<number> = new Set()): ColumnProposal[] {
  const taken = new Set<string>();
  const out: ColumnProposal[] = columns.map((c) => ({ col: c.letter, header: c.header, key: null, suggestion: null, match: 'none' }));
  // Exact names first over the whole form, so a later column that is exactly 联系电话 is not robbed by an earlier
  // column that only contains it.
  columns.forEach((c, i) => {
    if (skip.has(c.col)) return;
    if (isSeqHeader(c.parts.at(-1)!)) {
      out[i] = { ...out[i]!, key: SEQ_FIELD, match: 'exact' };
      return;
    }
    for (const t of texts(c)) {
      const f = fields.find((x) => !taken.has(x.key) && names(x).includes(t));
      if (f) {
        taken.add(f.key);
        out[i] = { ...out[i]!, key: f.key, match: 'exact' };
        return;
      }
    }
  });
  columns.forEach((c, i) => {
    if (skip.has(c.col) || out[i]!.key) return;
    const f = matchField(c.parts.join(''), fields, taken) ?? matchField(c.parts.at(-1)!, fields, taken);
    if (f) out[i] = { ...out[i]!, suggestion: f.key, match: 'suggested' };
  });
  return out;
}

/** How well a source fits a form: its exact matches, then its suggestions. */
export function fitScore(proposals: readonly ColumnProposal[]): number {
  return proposals.filter((p) => p.key && p.key !== SEQ_FIELD).length * 10 + proposals.filter((p) => p.suggestion).length;
}
