/**
 * Rows written by core/excel/rows.ts must be exactly what exceljs writes for the same cells: the same sheet XML
 * and the same style table, so every reader (Excel, WPS, LibreOffice, the district's merge) sees the same file.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bodyStyle, dataStyle, headerStyle, PLAIN } from '../../../core/excel/cell-styles';
import '../../../core/excel/exceljs-extensions';
import { PlainRowWriter, type PlainValue } from '../../../core/excel/rows';
import { zipEntry } from '../../helpers/zip';

const FONT = '宋体';
const COLUMNS = [
  bodyStyle({ type: 'int', align: 'center' }, FONT),
  bodyStyle({}, FONT),
  bodyStyle({ type: 'date' }, FONT),
  bodyStyle({ type: 'money' }, FONT),
  dataStyle(undefined),
  dataStyle('yyyy-mm-dd'),
];

const ROWS: { values: PlainValue[]; height?: number }[] = [
  { values: [1, '多巴镇 <双寨村> & "新村"', new Date(Date.UTC(2023, 4, 12)), 12.5, '01', new Date(Date.UTC(1990, 0, 1))], height: 18 },
  { values: [2, null, null, 0, null, null], height: 33 },
  // Control characters, apostrophes and a leading space: exceljs escapes them in its own way, and so must we.
  { values: [3, " 祁'家\u0007村", new Date(Date.UTC(1900, 2, 1)), -3, '', null] },
  { values: [4, '第一行\n第二行', new Date(Date.UTC(2026, 11, 31)), 1e-7, '0002', new Date(Date.UTC(2000, 1, 29))], height: 48.5 },
];

/** A sheet as the reports write one: a merged title row and a header row through exceljs, the rows, then a totals row. */
async function sheetWith(writeRows: (ws: ExcelJS.Worksheet) => void): Promise<{ sheet: string; styles: string }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('表');
  ws.columns = COLUMNS.map(() => ({ width: 12 }));
  ws.getCell(1, 1).value = '人员花名册';
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  COLUMNS.forEach((_, c) => {
    const cell = ws.getCell(2, c + 1);
    cell.value = `栏${c + 1}`;
    cell.style = headerStyle('黑体') as ExcelJS.Style;
  });
  writeRows(ws);
  const totals = ws.getRow(3 + ROWS.length);
  totals.getCell(1).value = '合计';
  totals.getCell(4).value = { formula: 'SUM(D3:D6)', result: 9.5000001 };
  ws.commit();
  await wb.commit();
  const zip = Buffer.concat(chunks);
  return { sheet: zipEntry(zip, 'xl/worksheets/sheet1.xml'), styles: zipEntry(zip, 'xl/styles.xml') };
}

describe('plain rows', () => {
  it('write the same sheet XML and style table as exceljs does for the same cells', async () => {
    const byExceljs = await sheetWith((ws) => {
      ROWS.forEach(({ values, height }, i) => {
        const row = ws.getRow(3 + i);
        (row as unknown as { style: object }).style = PLAIN;
        values.forEach((value, c) => {
          const cell = row.getCell(c + 1);
          if (value !== null) cell.value = value;
          cell.style = COLUMNS[c] as ExcelJS.Style;
        });
        if (height) row.height = height;
        row.commit();
      });
    });
    const byWriter = await sheetWith((ws) => {
      const writer = new PlainRowWriter(ws, COLUMNS);
      ROWS.forEach(({ values, height }, i) => writer.write(3 + i, values, height));
      writer.flush();
    });
    expect(byWriter.sheet).toContain('<row r="3"');
    expect(byWriter.sheet).toContain('&lt;双寨村&gt; &amp; &quot;新村&quot;');
    expect(byWriter.sheet).toBe(byExceljs.sheet);
    expect(byWriter.styles).toBe(byExceljs.styles);
  });

  it('refuse a row that would come before one already written', async () => {
    await sheetWith((ws) => {
      const writer = new PlainRowWriter(ws, COLUMNS);
      writer.write(5, ROWS[0]!.values);
      expect(() => writer.write(4, ROWS[1]!.values)).toThrow(/row 4/);
      writer.write(6, ROWS[1]!.values);
      writer.flush();
    });
  });
});
