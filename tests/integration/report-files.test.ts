/**
 * What every exported report file promises, checked on demo data for the whole catalogue: real dates, a
 * machine-readable `_data` with one key row and `_meta.rowCount` records, and choices a report does not
 * honour refused in Chinese rather than dropped.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import { readFileMeta } from '../../core/excel/machine';
import { plainValue } from '../../core/excel/read';
import type { ExportResult, ReportInfo } from '../../core/reports/schemas';
import { startHost } from '../helpers/ledger';

let started: Awaited<ReturnType<typeof startHost>>;
let reports: ReportInfo[];
const books = new Map<string, ExcelJS.Workbook>();

const ISO_TEXT = /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?$/;

beforeAll(async () => {
  started = await startHost({ setUp: false });
  generateDemo(started.host.context);
  reports = (await started.host.invoke('reports.list', {})) as ReportInfo[];
  for (const r of reports) {
    const result = (await started.host.invoke('reports.export', { reportId: r.id })) as ExportResult;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.base64, 'base64') as unknown as ExcelJS.Buffer);
    books.set(r.id, wb);
  }
}, 120_000);

afterAll(() => started?.close());

function sheetRows(ws: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  ws.eachRow((row) => {
    // Every position up to the last cell, empty ones included, so a column's index is the same in every row.
    const cells: ExcelJS.Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c));
    rows.push(cells);
  });
  return rows;
}

describe('every report file', () => {
  it('repeats the title, 填报单位 and header rows on every printed page', () => {
    for (const [id, wb] of books) {
      const ws = wb.worksheets[0]!;
      const rows = /^(\d+):(\d+)$/.exec(String(ws.pageSetup.printTitlesRow).replaceAll('$', ''));
      expect(rows?.[1], id).toBe('1');
      const repeated = Array.from({ length: Number(rows![2]) }, (_, i) => ws.getRow(i + 1).values as unknown[]).flat().map(String);
      expect(repeated.some((t) => t.startsWith('填报单位：')), id).toBe(true);
      // The last repeated row is the header leaf row: the first data row comes right after it.
      expect(ws.views[0]).toMatchObject({ ySplit: Number(rows![2]) });
    }
  });

  it('stores no date as text, on the printed sheets or in _data', () => {
    for (const [id, wb] of books) {
      for (const ws of wb.worksheets.filter((w) => w.name !== '_meta')) {
        const textDates = sheetRows(ws)
          .flat()
          .filter((c) => typeof c.value === 'string' && ISO_TEXT.test(c.value.trim()));
        expect(textDates.map((c) => c.address), `${id} / ${ws.name}`).toEqual([]);
      }
    }
  });

  it('has a _data sheet with one row of keys, then exactly _meta.rowCount typed records', () => {
    for (const [id, wb] of books) {
      const data = wb.getWorksheet('_data')!;
      const meta = readFileMeta(sheetRows(wb.getWorksheet('_meta')!).map((r) => r.map((c) => plainValue(c.value))));
      expect(meta, id).not.toBeNull();
      const rows = sheetRows(data);
      const keys = rows[0]!.map((c) => c.value);
      expect(keys, id).toEqual(meta!.columns.map((c) => c.key));
      expect(keys.every((k) => typeof k === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(k)), `${id} keys`).toBe(true);
      expect(data.rowCount - 1, id).toBe(meta!.rowCount);
      expect(meta!.sheets.reduce((a, s) => a + s.rowCount, 0), id).toBe(meta!.rowCount);
      meta!.columns.forEach((col, i) => {
        for (let r = 2; r <= data.rowCount; r++) {
          const cell = data.getRow(r).getCell(i + 1);
          if (cell.value === null || cell.value === undefined) continue;
          const want = col.type === 'date' ? ExcelJS.ValueType.Date : col.type === 'text' ? ExcelJS.ValueType.String : ExcelJS.ValueType.Number;
          expect(cell.type, `${id} ${cell.address} (${col.key})`).toBe(want);
        }
      });
    }
  });

  it('keeps 公民身份号码 as text', () => {
    for (const id of ['people-roster', 'members-roster']) {
      const data = books.get(id)!.getWorksheet('_data')!;
      const col = sheetRows(data)[0]!.findIndex((c) => c.value === 'idNumber') + 1;
      expect(data.getRow(2).getCell(col).type).toBe(ExcelJS.ValueType.String);
    }
  });

  it('carries codes in the 台账 _data, with the printed wording in _meta', () => {
    const wb = books.get('members-roster')!;
    const meta = readFileMeta(sheetRows(wb.getWorksheet('_meta')!).map((r) => r.map((c) => plainValue(c.value))))!;
    const data = sheetRows(wb.getWorksheet('_data')!);
    const at = (key: string) => data[0]!.findIndex((c) => c.value === key);
    const statuses = new Set(data.slice(1).map((r) => String(r[at('status')]?.value)));
    for (const s of statuses) expect(s).toMatch(/^[a-zA-Z]+(\.\d)?$/);
    const status = meta.columns.find((c) => c.key === 'status')!;
    expect(status.codes?.['applicant.1']).toBe('入党申请人\n（第一阶段）');
    expect(meta.columns.find((c) => c.key === 'stage')).toMatchObject({ type: 'int', dataOnly: true });
  });

  it('prints no program words on the sheets of the rosters', () => {
    for (const id of ['people-roster', 'members-roster']) {
      const ws = books.get(id)!.worksheets[0]!;
      const words = sheetRows(ws)
        .flat()
        .map((c) => String(plainValue(c.value) ?? ''))
        .filter((t) => /\b(true|false|null|undefined|NaN)\b|[a-z][A-Z]|^[a-z]+$/.test(t));
      expect(words, id).toEqual([]);
    }
  });
});

describe('reports.export refuses what a report does not honour', () => {
  it('refuses a period for a report that is not counted by period, naming the report', async () => {
    const roster = reports.find((r) => r.id === 'members-roster')!;
    expect(roster.params).not.toContain('period');
    await expect(started.host.invoke('reports.export', { reportId: 'members-roster', from: '2025-01-01', to: '2025-12-31' })).rejects.toMatchObject({
      message: expect.stringMatching(/^该报表不按时段统计.*发展党员花名册/),
    });
  });

  it('refuses a paper choice for a report that prints on A4 only', async () => {
    const withoutPaper = reports.find((r) => !r.params.includes('paper'))!;
    await expect(started.host.invoke('reports.export', { reportId: withoutPaper.id, paper: 'A3' })).rejects.toMatchObject({
      message: expect.stringContaining('不能另选纸张'),
    });
  });

  it('refuses picked records for a report that does not export a selection', async () => {
    await expect(started.host.invoke('reports.export', { reportId: 'reserves-stats', ids: [1, 2] })).rejects.toMatchObject({
      message: expect.stringContaining('不能指定记录编号'),
      fields: { ids: '该报表不能选择记录' },
    });
  });

  it('prints the 台账 on A3 by default and on A4 when asked', async () => {
    const paperSize = async (paper?: 'A4' | 'A3') => {
      const result = (await started.host.invoke('reports.export', { reportId: 'members-roster', ...(paper ? { paper } : {}) })) as ExportResult;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(result.base64, 'base64') as unknown as ExcelJS.Buffer);
      return wb.worksheets[0]!.pageSetup.paperSize;
    };
    expect(reports.find((r) => r.id === 'members-roster')).toMatchObject({ defaultPaper: 'A3' });
    expect(await paperSize()).toBe(8);
    expect(await paperSize('A4')).toBe(9);
    expect(await paperSize('A3')).toBe(8);
  });
});
