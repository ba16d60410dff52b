/**
 * Cell references in a form's formulas and ranges, rewritten when data rows are added under the header. Excel
 * itself would not stretch =SUM(D5:D6) when rows go in after row 6, yet that is exactly what a 合计 row under
 * the data needs, so the rule here is the form filler's own: a range that ends on the last data row grows with
 * the data; everything below the data moves down. Pure.
 */

/** Rows are added after `after` (the form's last data row), `by` of them. */
export interface RowInsert {
  after: number;
  by: number;
}

const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d{1,7})`;
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!`;
/** A cell or range, a whole-row range (3:4), optionally sheet-qualified; not part of a name or function call. */
const REF = new RegExp(String.raw`(?<![\w.$\u4e00-\u9fff])(${SHEET})?(?:${CELL}(?::${CELL})?|(\$?)(\d{1,7}):(\$?)(\d{1,7}))(?![\w(\u4e00-\u9fff])`, 'g');

function sheetOf(prefix: string | undefined): string | null {
  if (!prefix) return null;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Maps a reference's row span; `range` tells D5:D5 (a range one row tall) from the single cell D5. */
type RowMap = (top: number, bottom: number, range: boolean) => [number, number];

/** Applies `map` to every row span of a formula's references to `sheet` (or unqualified), leaving string literals alone. */
function mapRefs(formula: string, sheet: string, map: RowMap): string {
  // Split off "…" literals: a 合计 label such as "人" must never be read as a reference.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : mapPart(part, sheet, map)))
    .join('');
}

function mapPart(text: string, sheet: string, map: RowMap): string {
  return text.replace(REF, (whole: string, prefix: string | undefined, ...g: (string | undefined)[]) => {
    const target = sheetOf(prefix);
    if (target !== null && target !== sheet) return whole;
    const p = prefix ?? '';
    if (g[1] !== undefined) {
      const [c1a, c1, r1a, r1, c2a, c2, r2a, r2] = g.slice(0, 8);
      const top = Number(r1);
      const bottom = r2 === undefined ? top : Number(r2);
      const [t, b] = map(Math.min(top, bottom), Math.max(top, bottom), r2 !== undefined);
      const first = `${c1a}${c1}${r1a}${t}`;
      return r2 === undefined ? `${p}${first}` : `${p}${first}:${c2a}${c2}${r2a}${b}`;
    }
    const [ra, r1, rb, r2] = g.slice(8, 12);
    const [t, b] = map(Number(r1), Number(r2), true);
    return `${p}${ra}${t}:${rb}${b}`;
  });
}

/**
 * The insert rule: a row below the data moves down; a range that ends on the last data row stretches over the
 * new rows (=SUM(D5:D5) over a one-row blank form too); a single cell on or above it stays.
 */
export function insertRule({ after, by }: RowInsert): RowMap {
  return (top, bottom, range) => {
    const t = top > after ? top + by : top;
    const b = bottom > after ? bottom + by : range && bottom === after ? bottom + by : bottom;
    return [t, b];
  };
}

/** A formula after rows are added: =SUM(D5:D6) over two data rows becomes =SUM(D5:D16) for twelve. */
export function shiftFormula(formula: string, sheet: string, insert: RowInsert): string {
  return insert.by === 0 ? formula : mapRefs(formula, sheet, insertRule(insert));
}

/** A range list (a conditional format's sqref "I5:I6 K5", a print area "A1:J8", a defined name's "'表'!$I$7"). */
export function shiftRanges(ranges: string, sheet: string, insert: RowInsert): string {
  if (insert.by === 0) return ranges;
  return ranges
    .split(/(\s+|&&|,)/)
    .map((part) => (/^(\s+|&&|,)$/.test(part) ? part : mapRefs(part, sheet, insertRule(insert))))
    .join('');
}

/** A data row's own formula copied to a new row `offset` rows below: relative row numbers move with it (=E5*F5 → =E9*F9). */
export function slideFormula(formula: string, sheet: string, offset: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REF, (whole: string, prefix: string | undefined, ...g: (string | undefined)[]) => {
            const target = sheetOf(prefix);
            if (target !== null && target !== sheet) return whole;
            if (g[1] === undefined) return whole;
            const [c1a, c1, r1a, r1, c2a, c2, r2a, r2] = g.slice(0, 8);
            const slide = (abs: string | undefined, row: string) => (abs ? Number(row) : Number(row) + offset);
            const first = `${c1a}${c1}${r1a}${slide(r1a, r1!)}`;
            return `${prefix ?? ''}${first}${r2 === undefined ? '' : `:${c2a}${c2}${r2a}${slide(r2a, r2)}`}`;
          }),
    )
    .join('');
}
