import { describe, expect, it } from 'vitest';
import { layoutSignature, signatureParts } from '../../../core/excel/signature';
import { displayWidth } from '../../../core/excel/widths';

const parts = signatureParts({ fillerName: '张明', reviewerName: '李红梅', phone: '0971-2231234' });

describe('layoutSignature', () => {
  it('names every line of the official block', () => {
    expect(parts.join('\n')).toMatch(/单位负责人（签名）[\s\S]*审核人：李红梅[\s\S]*填报人：张明[\s\S]*联系电话：0971-2231234[\s\S]*填报单位（盖章）[\s\S]*报出日期：/);
  });

  it('uses three cells of two lines on a wide sheet, each wide enough for its text, covering every column once', () => {
    const widths = [5, 12, 14, 8, 22, 10, 11, 10, 12, 30];
    const { spans, lines } = layoutSignature(parts, widths);
    expect(lines).toBe(2);
    expect(spans).toHaveLength(3);
    expect(spans[0]!.from).toBe(1);
    expect(spans.at(-1)!.to).toBe(widths.length);
    spans.forEach((s, i) => {
      if (i) expect(s.from).toBe(spans[i - 1]!.to + 1);
      const room = widths.slice(s.from - 1, s.to).reduce((a, b) => a + b, 0);
      expect(room).toBeGreaterThanOrEqual(displayWidth(s.text));
    });
  });

  it('falls back to fewer, taller cells on a narrow sheet', () => {
    expect(layoutSignature(parts, [40, 40, 40]).lines).toBe(2);
    expect(layoutSignature(parts, [36, 36]).lines).toBe(3);
    expect(layoutSignature(parts, [30])).toMatchObject({ lines: 6, spans: [{ from: 1, to: 1 }] });
  });
});
