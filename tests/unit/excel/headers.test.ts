import { describe, expect, it } from 'vitest';
import { layoutHeaders } from '../../../core/excel/headers';

describe('layoutHeaders', () => {
  it('keeps a flat header on one row', () => {
    const l = layoutHeaders(['序号', '姓名']);
    expect(l.depth).toBe(1);
    expect(l.blocks).toEqual([
      { row: 0, col: 0, lastRow: 0, lastCol: 0, label: '序号' },
      { row: 0, col: 1, lastRow: 0, lastCol: 1, label: '姓名' },
    ]);
  });

  it('merges shared parents across and short paths down', () => {
    const l = layoutHeaders(['序号', ['年龄', '25岁及以下'], ['年龄', '26至30岁'], ['学历', '研究生'], '备注']);
    expect(l.depth).toBe(2);
    expect(l.leaves).toEqual(['序号', '25岁及以下', '26至30岁', '研究生', '备注']);
    expect(l.blocks).toEqual([
      { row: 0, col: 0, lastRow: 1, lastCol: 0, label: '序号' },
      { row: 0, col: 1, lastRow: 0, lastCol: 2, label: '年龄' },
      { row: 0, col: 3, lastRow: 0, lastCol: 3, label: '学历' },
      { row: 0, col: 4, lastRow: 1, lastCol: 4, label: '备注' },
      { row: 1, col: 1, lastRow: 1, lastCol: 1, label: '25岁及以下' },
      { row: 1, col: 2, lastRow: 1, lastCol: 2, label: '26至30岁' },
      { row: 1, col: 3, lastRow: 1, lastCol: 3, label: '研究生' },
    ]);
  });

  it('handles three levels and does not join equal parents that are not adjacent', () => {
    const l = layoutHeaders([
      ['投资', '财政', '中央'],
      ['投资', '财政', '省级'],
      ['投资', '自筹'],
      '进度',
      ['投资', '其他'],
    ]);
    expect(l.depth).toBe(3);
    const at = (row: number, col: number) => l.blocks.find((b) => b.row === row && b.col === col);
    expect(at(0, 0)).toMatchObject({ lastCol: 2, label: '投资' });
    expect(at(1, 0)).toMatchObject({ lastRow: 1, lastCol: 1, label: '财政' });
    expect(at(1, 2)).toMatchObject({ lastRow: 2, lastCol: 2, label: '自筹' });
    expect(at(0, 3)).toMatchObject({ lastRow: 2, lastCol: 3, label: '进度' });
    expect(at(0, 4)).toMatchObject({ lastRow: 0, lastCol: 4, label: '投资' });
    expect(at(1, 4)).toMatchObject({ lastRow: 2, lastCol: 4, label: '其他' });
    // Every cell of the header grid is covered exactly once.
    const covered = new Map<string, number>();
    for (const b of l.blocks)
      for (let r = b.row; r <= b.lastRow; r++)
        for (let c = b.col; c <= b.lastCol; c++) covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1);
    expect(covered.size).toBe(3 * 5);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
  });
});
