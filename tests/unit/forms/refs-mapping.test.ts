/** The form fill's pure parts: references rewritten when rows go in, and a mapping that never guesses silently. */
import { describe, expect, it } from 'vitest';
import { shiftFormula, shiftRanges, slideFormula } from '../../../core/forms/refs';
import { proposeMapping } from '../../../core/forms/mapping';
import type { FormColumn } from '../../../core/forms/layout';
import type { FillField } from '../../../core/forms/sources';

const insert = { after: 6, by: 10 };

describe('shiftFormula', () => {
  it('stretches a range that ends on the last data row and moves what lies below', () => {
    expect(shiftFormula('SUM(D5:D6)', '表', insert)).toBe('SUM(D5:D16)');
    expect(shiftFormula('SUM(D5:D5)', '表', { after: 5, by: 3 })).toBe('SUM(D5:D8)');
    expect(shiftFormula('D7*2+$E$9', '表', insert)).toBe('D17*2+$E$19');
    expect(shiftFormula('COUNTA(B5:B6)&"人"', '表', insert)).toBe('COUNTA(B5:B16)&"人"');
  });
  it('leaves cells above the data, other sheets, string literals and function names alone', () => {
    expect(shiftFormula('A1&"D7"', '表', insert)).toBe('A1&"D7"');
    expect(shiftFormula("'其他表'!D7+D5", '表', insert)).toBe("'其他表'!D7+D5");
    expect(shiftFormula("'表'!D7", '表', insert)).toBe("'表'!D17");
    expect(shiftFormula('LOG10(D8)', '表', insert)).toBe('LOG10(D18)');
  });
  it('rewrites range lists and slides a data row’s own formula to its copy', () => {
    expect(shiftRanges('I5:I6 A1:J8', '表', insert)).toBe('I5:I16 A1:J18');
    expect(slideFormula('E5*F5+$G$2', '表', 4)).toBe('E9*F9+$G$2');
  });
});

const field = (key: string, label: string, synonyms: string[] = []): FillField => ({ key, label, synonyms, path: [label], column: null });
const col = (n: number, ...parts: string[]): FormColumn => ({ col: n, letter: String.fromCharCode(64 + n), header: parts.join('/'), parts });

describe('proposeMapping', () => {
  const fields = [field('name', '姓名'), field('phone', '联系电话', ['手机号码']), field('party', '党员')];
  it('fills a column only on an exact name; a header that merely contains one is a suggestion', () => {
    const got = proposeMapping([col(1, '序号'), col(2, '姓名'), col(3, '联系电话（手机）'), col(4, '其中女党员'), col(5, '家庭住址')], fields);
    expect(got.map((c) => [c.col, c.key, c.suggestion, c.match])).toEqual([
      ['A', '__seq', null, 'exact'],
      ['B', 'name', null, 'exact'],
      ['C', null, 'phone', 'suggested'],
      ['D', null, 'party', 'suggested'],
      ['E', null, null, 'none'],
    ]);
  });
  it('reads a two-row header by its child when the group name is the department’s own', () => {
    expect(proposeMapping([col(1, '联系方式', '手机号码')], fields)[0]).toMatchObject({ key: 'phone', match: 'exact' });
  });
});
