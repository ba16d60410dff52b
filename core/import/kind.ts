/** What an import kind is: its fields, how a row becomes its input, how it matches the ledger, and how it writes. */
import type { LedgerContext } from '../context';
import type { PlainValue } from '../excel/read';
import type { FieldDef } from './header';
import type { Read } from './values';

export type RowStatus = '新增' | '更新' | '跳过' | '错误';

/** A problem or a note at one field of one row; the preview turns the field into its sheet column. */
export interface FieldProblem {
  key: string | null;
  message: string;
}

export interface ReadRow<T> {
  value: T | null;
  problems: FieldProblem[];
  /** Accepted, but the clerk should look (仅到月, a guessed 职业 …). */
  notes: FieldProblem[];
  /** Shown in the preview to say whose row it is (姓名 and masked number, village …). */
  label: string;
  /** Two rows with the same key in one file are one record typed twice. */
  key: string | null;
}

export interface Matched {
  status: Exclude<RowStatus, '错误'>;
  existingId?: number;
  /** What only the ledger can judge (a rule against the stored file, a 党支部 by name): problems make the row 错误. */
  problems?: FieldProblem[];
  notes?: FieldProblem[];
}

/** Helpers a kind's reader shares for one file: today, villages by name. */
export interface ReadContext {
  today: string;
  unitByName(name: string): { id: number } | undefined;
  /** The sheet's header text of a field's column (a 总投资（万元） column is read in 万元). */
  headerOf?(key: string): string | undefined;
}

export interface WrittenItem {
  entity: string;
  entityId: number;
  action: 'insert' | 'update';
  before?: unknown;
}

export interface ImportKind<T> {
  id: string;
  label: string;
  /** The audit entity of what it writes, for the undo's "touched since" check. */
  entity: string;
  fields: readonly FieldDef[];
  /** Fields that follow the township's settings (one column per configured 资金来源); replaces `fields` when given. */
  fieldsFor?(ctx: LedgerContext): readonly FieldDef[];
  read(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<T>;
  match(ctx: LedgerContext, value: T): Matched;
  /** Writes the chosen rows inside the caller's transaction; returns what the undo needs. */
  write(ctx: LedgerContext, rows: { value: T; existingId?: number }[]): WrittenItem[];
  /** Puts one item back (inside the caller's transaction). */
  undo(ctx: LedgerContext, item: WrittenItem): void;
}

/** A reader's answer into the row: the value, or a problem at the field; its note kept either way. */
export function take<T>(problems: FieldProblem[], notes: FieldProblem[], key: string, r: Read<T>): T | null {
  if (!r.ok) {
    problems.push({ key, message: r.message });
    return null;
  }
  if (r.note) notes.push({ key, message: r.note });
  return r.value;
}
