import { describe, expect, it } from 'vitest';
import { layoutInfo } from '../../../core/excel/info';

const parts = ['填报单位：中共西宁市湟中区多巴镇委员会', '统计时段：2026-01-01 至 2026-11-27', '填报日期：2026-11-27'];

describe('layoutInfo', () => {
  it('puts the three parts on one row of a wide sheet, spread left, centre and right', () => {
    const l = layoutInfo(parts, new Array(13).fill(12));
    expect(l.rows).toBe(1);
    expect(l.spans.map((s) => [s.row, s.from, s.to, s.align])).toEqual([
      [0, 1, 6, 'left'],
      [0, 7, 10, 'center'],
      [0, 11, 13, 'right'],
    ]);
  });

  it('gives the long unit name the room it needs before splitting', () => {
    const l = layoutInfo(parts, [6, 30, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(l.rows).toBe(1);
    expect(l.spans[0]).toMatchObject({ from: 1, to: 4 });
  });

  it('moves to more rows on a narrow sheet instead of shrinking text', () => {
    const two = layoutInfo(parts, [16, 10, 10, 10, 10, 12]);
    expect(two.rows).toBe(2);
    expect(two.spans.map((s) => [s.row, s.from, s.to])).toEqual([
      [0, 1, 6],
      [1, 1, 3],
      [1, 4, 6],
    ]);
    const three = layoutInfo(parts, [16, 10, 10, 10]);
    expect(three.rows).toBe(3);
    expect(three.spans.every((s) => s.from === 1 && s.to === 4)).toBe(true);
  });

  it('skips an empty period and copes with a one-column sheet', () => {
    expect(layoutInfo(['单位', '', '日期'], [10, 10]).spans.map((s) => s.text)).toEqual(['单位', '日期']);
    const one = layoutInfo(parts, [8]);
    expect(one.rows).toBe(3);
    expect(one.spans.every((s) => s.from === 1 && s.to === 1)).toBe(true);
  });
});
