import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { plainValue, readWorkbook, sheetByName } from '../../../core/excel/read';
import { LedgerError } from '../../../core/errors';

describe('readWorkbook', () => {
  it('reads values only, from the cells present rather than the recorded dimension', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.getCell('A1').value = '姓名';
    ws.getCell('C1').value = { richText: [{ text: '出生' }, { text: '日期', font: { bold: true } }] };
    ws.getCell('A2').value = '马文明';
    ws.getCell('B2').value = 3;
    ws.getCell('C2').value = new Date(Date.UTC(2023, 4, 12));
    ws.getCell('B3').value = { formula: 'B2*2', result: 6 };
    ws.mergeCells('A4:C4');
    ws.getCell('A4').value = '合并';
    wb.addWorksheet('空', { state: 'hidden' });
    const out = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const sheet = sheetByName(out, '名单');
    expect(sheet.rows).toEqual([
      ['姓名', null, '出生日期'],
      ['马文明', 3, '2023-05-12'],
      [null, 6, null],
      ['合并', null, null],
    ]);
    expect(sheet.merges).toEqual(['A4:C4']);
    expect(sheetByName(out, '空')).toMatchObject({ state: 'hidden', rows: [] });
    expect(() => sheetByName(out, '无')).toThrow(/no sheet/);
  });

  it('says in Chinese what to do with a file it cannot parse', async () => {
    const err = await readWorkbook(Buffer.from('这不是一个 xlsx 文件')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerError);
    expect((err as LedgerError).code).toBe('INVALID_INPUT');
    expect((err as LedgerError).hint).toContain('另存为 .xlsx');
  });

  it('flattens exceljs value shapes', () => {
    expect(plainValue('')).toBeNull();
    expect(plainValue(true)).toBe(true);
    expect(plainValue(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02 03:04:05');
    expect(plainValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(plainValue({ formula: 'A1' } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(plainValue({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(plainValue({ error: '#N/A' } as ExcelJS.CellErrorValue)).toBe('#N/A');
  });
});
