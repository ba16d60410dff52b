import { describe, expect, it } from 'vitest';
import { columnWidth, displayWidth, isWideChar, linesNeeded, textWidth } from '../../../core/excel/widths';

describe('CJK-aware widths', () => {
  it('counts CJK and full-width characters double', () => {
    expect(textWidth('abcd')).toBe(4);
    expect(textWidth('党建台账')).toBe(8);
    expect(textWidth('所在村（社区）')).toBe(14);
    expect(textWidth('ＡＢ１')).toBe(6);
    expect(textWidth('2026-11-27')).toBe(10);
    expect(isWideChar('𠀀'.codePointAt(0)!)).toBe(true);
    expect(isWideChar('é'.codePointAt(0)!)).toBe(false);
  });

  it('measures the widest line and formats numbers as they are shown', () => {
    expect(displayWidth('短\n很长的一行')).toBe(10);
    expect(displayWidth(1234567)).toBe('1,234,567'.length);
    expect(displayWidth(null)).toBe(0);
  });

  it('makes a CJK column wider than an ASCII one of the same length', () => {
    const cjk = columnWidth('名称', ['青海省西宁市湟中区']);
    const ascii = columnWidth('名称', ['abcdefghi']);
    expect(cjk).toBeGreaterThan(ascii);
    expect(cjk).toBe(18 + 2);
    expect(ascii).toBe(9 + 2);
  });

  it('clamps to the bounds and lets long headers wrap over narrow data', () => {
    expect(columnWidth('号', ['1'])).toBe(6);
    expect(columnWidth('备注', ['很'.repeat(60)])).toBe(40);
    expect(columnWidth('企事业单位管理人员数', [1, 2])).toBe(Math.ceil(20 / 2) + 2);
    expect(columnWidth('x', [], { min: 3, max: 5, padding: 0 })).toBe(3);
  });

  it('estimates wrapped lines', () => {
    expect(linesNeeded('', 10)).toBe(1);
    expect(linesNeeded('一二三四五六七八九十', 11)).toBe(2);
    expect(linesNeeded('a\nb', 10)).toBe(2);
  });
});
