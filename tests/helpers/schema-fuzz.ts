/**
 * Malformed inputs derived from a zod 4 schema by walking its definition (`schema._zod.def`): for every field, values
 * of the wrong type, a 1 MB string, path-traversal and NUL file names, SQL metacharacters, impossible dates,
 * NaN/Infinity/negative numbers, null, a missing required key; at the root, null, wrong types and unknown keys.
 * Whether a case must be refused is not guessed here: the test asks the schema itself (safeParse), so a case that is
 * valid by schema (an unknown key stripped, SQL text as a name) is run and judged as a valid call.
 */
import type { z } from 'zod';

type Schema = z.core.$ZodType;
type Def = { type: string; [k: string]: unknown };

export interface FuzzCase {
  label: string;
  input: unknown;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional', 'success']);

function def(s: Schema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Through optional/nullable/default wrappers and into a transform's input side, down to the schema that does the work. */
export function unwrap(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = def(cur);
    if (WRAPPERS.has(d.type)) cur = d.innerType as Schema;
    else if (d.type === 'pipe') cur = d.in as Schema;
    else if (d.type === 'lazy') cur = (d.getter as () => Schema)();
    else return cur;
  }
  return cur;
}

function accepts(s: Schema, v: unknown): boolean {
  return (s as unknown as z.ZodType).safeParse(v).success;
}

/** A date field is one that takes a real date and refuses 30 February: found by asking it, not by its name. */
export function isDateField(s: Schema): boolean {
  return def(unwrap(s)).type === 'string' && accepts(s, '2026-01-31') && !accepts(s, '2026-02-30');
}

function required(s: Schema): boolean {
  return !accepts(s, undefined);
}

const STRING_SAMPLES = ['测试', 'x', '01', 'A', '2026Q1', '63012219960402001X'];
const NUMBER_SAMPLES = [1, 2026, 0, 100, 2];

/** A value the field accepts, so that each case changes one thing; falls back to a plausible one. */
export function sample(s: Schema, depth = 0): unknown {
  if (depth > 8) return undefined;
  const inner = unwrap(s);
  const d = def(inner);
  switch (d.type) {
    case 'string':
      if (isDateField(s)) return '2026-01-31';
      return STRING_SAMPLES.find((v) => accepts(s, v)) ?? 'x';
    case 'number':
    case 'int':
      return NUMBER_SAMPLES.find((v) => accepts(s, v)) ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(d.entries as Record<string, unknown>)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'array': {
      if (accepts(s, [])) return [];
      return [sample(d.element as Schema, depth + 1)];
    }
    case 'record':
      return {};
    case 'union':
      return sample((d.options as Schema[])[0]!, depth + 1);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, Schema>)) {
        if (required(v)) out[k] = sample(v, depth + 1);
      }
      return out;
    }
    default:
      return null;
  }
}

const MB = 'a'.repeat(1024 * 1024);
const NAMES = ['../../x', '..\\..\\Windows\\x', 'C:\\Windows\\x', '/etc/passwd', 'a\u0000b.pdf', '扫描件\u202Efdp.exe', 'CON', '\u0000'];
const SQL = ["'; DROP TABLE people;--", '" OR 1=1 --', '%_\\'];
const BAD_DATES = ['2026-02-30', '2026-13-01', '2026-00-10', '2026-1-1', '20260131', '2026/01/31', '0000-00-00', '9999-99-99'];
const BAD_NUMBERS: [string, unknown][] = [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['负数', -1],
  ['零', 0],
  ['小数', 1.5],
  ['超大整数', 2 ** 53 + 2],
  ['数字文字', '1'],
];

/** The wrong values to try at one field, by what the field is. */
function badValues(s: Schema): [string, unknown][] {
  const d = def(unwrap(s));
  const common: [string, unknown][] = [
    ['null', null],
    ['对象', { a: 1 }],
    ['列表', [1]],
  ];
  switch (d.type) {
    case 'string': {
      const strings: [string, unknown][] = [
        ['数字', 12345],
        ['布尔', true],
        ['1MB 文字', MB],
        ['空文字', ''],
        ...NAMES.map((n): [string, unknown] => [`文件名 ${JSON.stringify(n)}`, n]),
        ...SQL.map((q): [string, unknown] => [`SQL ${q}`, q]),
      ];
      if (isDateField(s)) strings.push(...BAD_DATES.map((v): [string, unknown] => [`日期 ${v}`, v]));
      return [...common, ...strings];
    }
    case 'number':
    case 'int':
      return [...common, ...BAD_NUMBERS, ['文字', 'abc'], ['SQL', "1; DROP TABLE people"]];
    case 'boolean':
      return [...common, ['文字', 'true'], ['数字', 1]];
    case 'enum':
    case 'literal':
      return [...common, ['未知选项', 'zz-unknown'], ['SQL', "'; DROP TABLE people;--"], ['数字', 1], ['1MB 文字', MB]];
    case 'array':
      return [['null', null], ['文字', 'x'], ['对象', { a: 1 }], ['元素 null', [null]], ['元素为错类型', [{ a: 1 }, 'x', -1]]];
    case 'object':
    case 'record':
      return [['null', null], ['文字', 'x'], ['列表', []], ['数字', 7]];
    default:
      return [['1MB 文字', MB], ['函数般的对象', { __proto__: null, toString: 'x' }]];
  }
}

/** Every field of an object schema, nested objects and one element of object arrays included, as paths. */
function fields(s: Schema, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; schema: Schema }[] {
  if (depth > 4) return [];
  const inner = unwrap(s);
  const d = def(inner);
  if (d.type === 'object') {
    return Object.entries(d.shape as Record<string, Schema>).flatMap(([k, v]) => [{ path: [...path, k], schema: v }, ...fields(v, [...path, k], depth + 1)]);
  }
  if (d.type === 'array' && def(unwrap(d.element as Schema)).type === 'object') return fields(d.element as Schema, [...path, 0], depth + 1);
  return [];
}

function setAt(base: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const root = structuredClone(base ?? {}) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = cur[key];
    if (next === null || typeof next !== 'object') cur[key] = typeof path[i + 1] === 'number' ? [] : {};
    cur = cur[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete cur[last];
  else cur[last] = value;
  return root;
}

/** `base` replaces the derived sample where a method needs a realistic one (a valid 身份证号, a real PDF). */
export function fuzzCases(schema: Schema, base: unknown = sample(schema)): FuzzCase[] {
  const cases: FuzzCase[] = [
    { label: '样例输入', input: base },
    { label: '根为 null', input: null },
    { label: '根为文字', input: "'; DROP TABLE people;--" },
    { label: '根为数字', input: 42 },
    { label: '根为列表', input: [base] },
    { label: '根为 1MB 文字', input: MB },
    { label: '未知键', input: { ...(base as object), zzUnknownKey: 1 } },
    { label: '未知键 1MB', input: { ...(base as object), [`k${'x'.repeat(1000)}`]: MB } },
  ];
  for (const field of fields(schema)) {
    const where = field.path.join('.');
    if (required(field.schema)) cases.push({ label: `${where} 缺少`, input: setAt(base, field.path, undefined, true) });
    for (const [what, value] of badValues(field.schema)) cases.push({ label: `${where} = ${what}`, input: setAt(base, field.path, value) });
  }
  return cases;
}
