import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportSheet } from '../../../core/excel/builder';
import { columnPoints, planPages, printableWidth } from '../../../core/excel/print';
import { zipEntry } from '../../helpers/zip';
import { REPORT_META } from '../../helpers/report-meta';

const meta = REPORT_META;

/** A 台账 shape: four identifying columns, then five groups of date columns, far wider than any paper. */
function ledger(): ReportSheet {
  const ids = ['序号', '村', '支部', '姓名'].map((h, i) => ({ key: `id${i}`, header: h, width: 10 }));
  const groups = [3, 6, 5, 7, 7].flatMap((n, g) =>
    Array.from({ length: n }, (_, i) => ({ key: `g${g}s${i}`, header: [`第${g + 1}组`, `节点${i + 1}`], type: 'date' as const, width: 11 })),
  );
  return { sheetName: '台账', title: '全程纪实台账', columns: [...ids, ...groups], rows: [{ id0: 1, id3: '马晓东', g0s0: '2026-01-02' }], freezeColumns: 4 };
}

describe('planPages', () => {
  const widths = [10, 10, 10, 10, ...Array(28).fill(11)];
  const groups = [
    ...[0, 1, 2, 3].map((c) => ({ from: c, to: c })),
    { from: 4, to: 6 },
    { from: 7, to: 12 },
    { from: 13, to: 17 },
    { from: 18, to: 24 },
    { from: 25, to: 31 },
  ];

  it('fits a sheet that is readable on one page width to that width', () => {
    const plan = planPages({ widths: [10, 20, 30], groups: [{ from: 0, to: 2 }], repeat: 1, paper: 'A4', landscape: false });
    expect(plan).toMatchObject({ fitToWidth: true, pages: [{ from: 0, to: 2 }] });
  });

  for (const paper of ['A3', 'A4'] as const) {
    it(`cuts a wide 台账 on ${paper} only at group boundaries, each page fitting at a readable scale`, () => {
      const plan = planPages({ widths, groups, repeat: 4, paper, landscape: true });
      expect(plan.fitToWidth).toBe(false);
      expect(plan.pages.length).toBeGreaterThan(1);
      expect(plan.pages[0]!.from).toBe(4);
      expect(plan.pages.at(-1)!.to).toBe(31);
      const starts = new Set(groups.map((g) => g.from));
      for (const [i, p] of plan.pages.entries()) {
        expect(starts.has(p.from), `page ${i + 1} starts inside a group`).toBe(true);
        if (i) expect(p.from).toBe(plan.pages[i - 1]!.to + 1);
        const printed = [0, 1, 2, 3, ...Array.from({ length: p.to - p.from + 1 }, (_, k) => p.from + k)];
        const width = printed.reduce((a, c) => a + columnPoints(widths[c]!), 0);
        expect(width * (plan.scale / 100)).toBeLessThanOrEqual(printableWidth(paper, true));
      }
      expect(plan.scale).toBeGreaterThanOrEqual(72);
    });
  }

  it('needs fewer pages across on A3 than on A4', () => {
    const a3 = planPages({ widths, groups, repeat: 4, paper: 'A3', landscape: true });
    const a4 = planPages({ widths, groups, repeat: 4, paper: 'A4', landscape: true });
    expect(a3.pages.length).toBeLessThan(a4.pages.length);
  });
});

describe('printing a wide sheet', () => {
  it('writes column breaks at the planned group boundaries, repeats the identifying columns and orders pages across first', async () => {
    const buffer = await buildReport({ ...meta, paper: 'A3' }, [ledger()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('台账')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: 'landscape', fitToPage: false, pageOrder: 'overThenDown', printTitlesRow: '1:4' });
    expect(ws.pageSetup.printTitlesColumn).toBe('A:D');
    const sheetXml = zipEntry(buffer, 'xl/worksheets/sheet1.xml');
    const breaks = [...sheetXml.matchAll(/<colBreaks[^>]*>(.*?)<\/colBreaks>/g)].map((m) => [...m[1]!.matchAll(/id="(\d+)"/g)].map((x) => Number(x[1])));
    expect(breaks).toHaveLength(1);
    const groupEnds = [7, 13, 18, 25, 32];
    expect(breaks[0]!.length).toBeGreaterThan(0);
    for (const id of breaks[0]!) expect(groupEnds).toContain(id);
    // The workbook's default font is one Excel, WPS and LibreOffice measure column widths with alike.
    expect(zipEntry(buffer, 'xl/styles.xml')).toMatch(/<fonts[^>]*><font>(<[^>]+>)*<name val="Arial"\/>/);
  });
});
