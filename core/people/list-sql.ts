/**
 * The SQL of the 人员库 list: which rows a query selects and in what order, written so that each page reads one
 * index (db/schema/people.ts) and never the whole table. Plans are pinned with INDEXED BY where the planner, which
 * has no statistics, would otherwise pick the narrow people_unit_idx and read every row it points to; SQLite raises
 * an error (caught by the tests) rather than silently slowing down if a pinned index goes away.
 */
import type { z } from 'zod';
import { likePattern } from '../search';
import { normalizeIdNumber } from './idcard';
import type { peopleQuery } from './schemas';

export type PeopleQuery = z.output<typeof peopleQuery>;

/** A piece of SQL with its positional parameters. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

export type Direction = 'ASC' | 'DESC';

const SORT_INDEX = {
  name: 'people_live_sort_key_idx',
  birthDate: 'people_live_birth_date_idx',
  createdAt: 'people_live_created_at_idx',
  updatedAt: 'people_live_updated_at_idx',
} as const;

const SORT_COLUMN = {
  name: 'p.sort_key',
  birthDate: 'p.birth_date',
  createdAt: 'p.created_at',
  updatedAt: 'p.updated_at',
} as const;

export const UNIT_INDEX = 'people_live_unit_idx';
const SEARCH_INDEX = 'people_live_search_idx';

export type SortField = keyof typeof SORT_COLUMN | 'unitName';

/** Names read A→Z unless asked otherwise; every other column newest (or latest) first, as before. */
export function sortOf(query: PeopleQuery): { field: SortField; dir: Direction } {
  const field = query.sortField ?? 'updatedAt';
  const ascending = field === 'name' ? query.sortOrder !== 'descend' : query.sortOrder === 'ascend';
  return { field, dir: ascending ? 'ASC' : 'DESC' };
}

export function sortIndex(field: Exclude<SortField, 'unitName'>): string {
  return SORT_INDEX[field];
}

/** ORDER BY for one field; ties go by id in the same direction, so the sort index's own order answers it. */
export function orderBy(field: SortField, dir: Direction): string {
  if (field === 'unitName') return `u.sort_order ${dir}, u.id ${dir}, p.id ${dir}`;
  return `${SORT_COLUMN[field]} ${dir}, p.id ${dir}`;
}

/** Equality filters: every one is a column of each live index, so a filtered page is read from the index alone. */
export function columnFilters(query: PeopleQuery): Fragment {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    parts.push(`${column} = ?`);
    params.push(value);
  };
  add('p.unit_id', query.unitId);
  add('p.gender', query.gender);
  add('p.ethnicity', query.ethnicity);
  add('p.education', query.education);
  add('p.occupation', query.occupation);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * The filters in use as (people_counts field, stored value) pairs: with none or one, the total is a lookup in
 * people_counts (kept by triggers, migration 0002) instead of a count over the index.
 */
export function countedFilters(query: PeopleQuery): [field: string, value: string][] {
  const used: [string, unknown][] = [
    ['unit_id', query.unitId],
    ['gender', query.gender],
    ['ethnicity', query.ethnicity],
    ['education', query.education],
    ['occupation', query.occupation],
  ];
  return used.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([f, v]) => [f, String(v)]);
}

export interface SearchPlan {
  /** The exact test, as the list always applied it: LIKE with `%`, `_` and `\` taken literally. */
  where: Fragment;
  /** Candidate ids from the trigram index, when the text is long enough for it (three characters or more). */
  candidates: Fragment | null;
}

/**
 * FTS5 phrase syntax: the text in double quotes, inner quotes doubled, so nothing in it is an operator. FTS5 reads
 * the query as a C string, so a NUL would end it inside the quotes ("unterminated string"); it is dropped here and
 * the LIKE test, which keeps it, still decides the match.
 */
const phrase = (text: string) => `"${text.replace(/\u0000/g, '').replace(/"/g, '""')}"`;

/**
 * Search over name, 公民身份号码 and phone. The number and the phone are matched with the text normalised as an ID
 * (full-width digits, x → X, no spaces), as before; they can only hold digits, X, + and -, so a text with any other
 * character is matched against the name alone, which saves two tests per row and cannot change the result.
 */
export function searchPlan(q: string): SearchPlan {
  const nq = normalizeIdNumber(q);
  const numeric = /^[\dX+-]+$/.test(nq);
  const tests = ["p.name LIKE ? ESCAPE '\\'"];
  const params: unknown[] = [likePattern(q)];
  if (numeric) {
    tests.push("p.id_number LIKE ? ESCAPE '\\'", "p.phone LIKE ? ESCAPE '\\'");
    params.push(likePattern(nq), likePattern(nq));
  }
  const where = { sql: ` AND (${tests.join(' OR ')})`, params };
  // A trigram index finds substrings of three characters or more only; shorter texts scan the narrow search index.
  const long = [...q].length >= 3 && (!numeric || [...nq].length >= 3);
  if (!long) return { where, candidates: null };
  const match = numeric ? `name : ${phrase(q)} OR {id_number phone} : ${phrase(nq)}` : `name : ${phrase(q)}`;
  return { where, candidates: { sql: ' AND p.id IN (SELECT rowid FROM people_search WHERE people_search MATCH ?)', params: [match] } };
}

export { SEARCH_INDEX };
