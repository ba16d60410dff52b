import { describe, expect, it } from 'vitest';
import { formatYuan, parseYuan, splitFen } from '../../../core/reserves/money';

describe('money in 分', () => {
  it('splits a class cost to the 分, the remainder to the first in list order', () => {
    expect(splitFen(100001, 3)).toEqual([33334, 33334, 33333]);
    expect(splitFen(100, 3)).toEqual([34, 33, 33]);
    expect(splitFen(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(splitFen(0, 2)).toEqual([0, 0]);
  });

  it('always adds back to the total, for any class size', () => {
    for (const [total, n] of [[4860000, 97], [2915050, 61], [1, 7], [99999999, 13]] as const) {
      const shares = splitFen(total, n);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  it('has no float drift where floats would have it: 0.1 + 0.2 元 is 0.30', () => {
    const fen = [parseYuan('0.1')!, parseYuan('0.2')!].reduce((a, b) => a + b, 0);
    expect(formatYuan(fen)).toBe('0.30');
    const many = Array.from({ length: 1000 }, () => parseYuan('0.01')!).reduce((a, b) => a + b, 0);
    expect(formatYuan(many)).toBe('10.00');
  });

  it('reads 元 as clerks type them and refuses what is not money', () => {
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('１２３．４５元')).toBe(12345);
    expect(parseYuan(' 48600 ')).toBe(4860000);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('五百')).toBeNull();
  });
});
