import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_NAME, buildReport, uniqueSheetName, type ReportMeta, type ReportSheet } from '../../../core/excel/builder';
import { parseFileMeta } from '../../../core/excel/machine';
import { readWorkbook, sheetByName, type WorkbookData } from '../../../core/excel/read';

const meta: ReportMeta = {
  reportId: 'test-stats',
  unitName: '中共湟中区多巴镇委员会',
  period: '2026-01-01 至 2026-11-27',
  filledDate: '2026-11-27',
  fillerName: '张明',
  reviewerName: '李红梅',
  phone: '0971-2231234',
  fonts: { title: '方正小标宋简体', header: '黑体', body: '宋体' },
};

/** A 党内统计-style sheet: one flat column, two grouped blocks, a money column and a date column. */
const stats: ReportSheet = {
  sheetName: '发展党员统计',
  title: '发展党员情况统计表',
  columns: [
    { key: 'occupation', header: '职业' },
    { key: 'total', header: '总数', type: 'int', total: 'sum' },
    { key: 'age25', header: ['年龄', '25岁及以下'], type: 'int', total: 'sum' },
    { key: 'age30', header: ['年龄', '26至30岁'], type: 'int', total: 'sum' },
    { key: 'grad', header: ['学历', '研究生'], type: 'int', total: 'sum' },
    { key: 'funds', header: '经费', type: 'money', total: 'sum' },
    { key: 'since', header: '首次日期', type: 'date' },
  ],
  rows: [
    { occupation: '农牧渔民', total: 12, age25: 3, age30: 4, grad: 0, funds: 1200.5, since: '2026-03-05' },
    { occupation: '工人（工勤技能人员）', total: 5, age25: 1, age30: '2', grad: 1, funds: 300, since: '2026-04-10 08:00:00' },
    { occupation: '学生', total: 7, age25: 7, age30: null, grad: 2, funds: undefined, since: null },
  ],
  totals: { label: '合计', labelKey: 'occupation' },
};

/** Wide enough that A4 portrait would shrink it unreadably. */
const wide: ReportSheet = {
  sheetName: '花名册',
  title: '宽表',
  columns: Array.from({ length: 14 }, (_, i) => ({ key: `c${i}`, header: `第${i + 1}列`, width: 12 })),
  rows: [{ c0: '甲' }],
  freezeColumns: 2,
};

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe('buildReport', () => {
  let buffer: Buffer;
  let data: WorkbookData;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    buffer = await buildReport(meta, [stats]);
    data = await readWorkbook(buffer);
    wb = await load(buffer);
  });

  it('writes the title merged across every column, large and bold', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[0]![0]).toBe('发展党员情况统计表');
    expect(sheet.merges).toContain('A1:G1');
    const cell = wb.getWorksheet('发展党员统计')!.getCell('A1');
    expect(cell.font).toMatchObject({ name: '方正小标宋简体', bold: true, size: 18 });
    expect(cell.alignment).toMatchObject({ horizontal: 'center' });
  });

  it('writes 填报单位, 统计时段 and 填报日期 under the title, on two rows when the sheet is narrow', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[1]!.filter(Boolean)).toEqual(['填报单位：中共湟中区多巴镇委员会']);
    expect(sheet.rows[2]!.filter(Boolean)).toEqual(['统计时段：2026-01-01 至 2026-11-27', '填报日期：2026-11-27']);
    expect(sheet.merges).toContain('A2:G2');
  });

  it('builds two header rows with horizontal and vertical merges', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[3]).toEqual(['职业', '总数', '年龄', null, '学历', '经费', '首次日期']);
    expect(sheet.rows[4]).toEqual([null, null, '25岁及以下', '26至30岁', '研究生', null, null]);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A4:A5', 'B4:B5', 'C4:D4', 'F4:F5', 'G4:G5']));
    // A parent over a single column is a plain cell, not a one-cell merge.
    expect(sheet.merges.some((m) => m.startsWith('E4'))).toBe(false);
    const header = wb.getWorksheet('发展党员统计')!.getCell('C5');
    expect(header.font).toMatchObject({ name: '黑体', bold: true });
    expect(header.border?.top?.style).toBe('thin');
  });

  it('writes data typed as declared, dates as YYYY-MM-DD text', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[5]).toEqual(['农牧渔民', 12, 3, 4, 0, 1200.5, '2026-03-05']);
    expect(sheet.rows[6]).toEqual(['工人（工勤技能人员）', 5, 1, 2, 1, 300, '2026-04-10']);
    expect(sheet.rows[7]).toEqual(['学生', 7, 7, null, 2, null, null]);
    const ws = wb.getWorksheet('发展党员统计')!;
    expect(ws.getCell('F6').numFmt).toBe('#,##0.00');
    expect(ws.getCell('A6').font).toMatchObject({ name: '宋体' });
  });

  it('adds a totals row whose sums equal the rows', () => {
    const sheet = sheetByName(data, '发展党员统计');
    const totals = sheet.rows[8]!;
    expect(totals[0]).toBe('合计');
    const sumOf = (col: number) => sheet.rows.slice(5, 8).reduce((acc, r) => acc + (Number(r[col]) || 0), 0);
    for (const col of [1, 2, 3, 4, 5]) expect(totals[col]).toBe(sumOf(col));
    expect(totals[1]).toBe(24);
    expect(totals[6]).toBeNull();
    expect(wb.getWorksheet('发展党员统计')!.getCell('B9').formula).toBe('SUM(B6:B8)');
  });

  it('signs off with 填报人, 审核人 and 联系电话 after a blank row', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[9]!.every((v) => v === null)).toBe(true);
    expect(sheet.rows[10]![0]).toBe('填报人：张明　　审核人：李红梅　　联系电话：0971-2231234');
    expect(sheet.merges).toContain('A11:G11');
  });

  it('sets A4 print setup with repeated header rows and freezes below them', () => {
    const ws = wb.getWorksheet('发展党员统计')!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '4:5',
      printArea: 'A1:G11',
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 0 });
  });

  it('makes CJK columns wider than ASCII columns of the same length', async () => {
    const sheet: ReportSheet = {
      sheetName: 's',
      title: 't',
      columns: [
        { key: 'a', header: 'A' },
        { key: 'b', header: 'B' },
      ],
      rows: [{ a: '湟中区多巴镇', b: 'abcdef' }],
    };
    const ws = (await load(await buildReport(meta, [sheet]))).getWorksheet('s')!;
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getColumn(2).width).toBe(8);
  });

  it('turns landscape for wide sheets and freezes the requested columns', async () => {
    const ws = (await load(await buildReport(meta, [wide]))).getWorksheet('花名册')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2, topLeftCell: 'C4' });
    expect(ws.getColumn(1).width).toBe(12);
  });

  it('keeps a hidden machine-readable copy in _data and _meta', () => {
    const dataSheet = sheetByName(data, '_data');
    expect(dataSheet.state).toBe('hidden');
    expect(dataSheet.rows[0]).toEqual(['occupation', 'total', 'age25', 'age30', 'grad', 'funds', 'since']);
    expect(dataSheet.rows[1]).toEqual(['职业', '总数', '25岁及以下', '26至30岁', '研究生', '经费', '首次日期']);
    expect(dataSheet.rows.slice(2)).toEqual([
      ['农牧渔民', 12, 3, 4, 0, 1200.5, '2026-03-05'],
      ['工人（工勤技能人员）', 5, 1, '2', 1, 300, '2026-04-10 08:00:00'],
      ['学生', 7, 7, null, 2, null, null],
    ]);
    const metaSheet = sheetByName(data, '_meta');
    expect(metaSheet.state).toBe('hidden');
    const fileMeta = parseFileMeta(metaSheet.rows[0]![0]);
    expect(fileMeta).toMatchObject({
      app: APP_NAME,
      reportId: 'test-stats',
      unitName: '中共湟中区多巴镇委员会',
      period: '2026-01-01 至 2026-11-27',
      filledDate: '2026-11-27',
    });
    expect(fileMeta?.sheets[0]).toMatchObject({ sheetName: '发展党员统计', rowCount: 3 });
    expect(fileMeta?.sheets[0]?.columns[2]).toEqual({ key: 'age25', header: ['年龄', '25岁及以下'], type: 'int' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['发展党员统计', '_data', '_meta']);
  });

  it('stacks several sheets into one _data sheet with a sheet column', async () => {
    const out = await readWorkbook(await buildReport(meta, [stats, { ...wide, sheetName: '发展党员统计' }]));
    expect(out.sheets.map((s) => s.name)).toEqual(['发展党员统计', '发展党员统计(2)', '_data', '_meta']);
    const dataSheet = sheetByName(out, '_data');
    expect(dataSheet.rows[0]!.slice(0, 3)).toEqual(['sheet', 'occupation', 'total']);
    expect(dataSheet.rows[1]![0]).toBe('工作表');
    expect(dataSheet.rows.slice(2).map((r) => r[0])).toEqual(['发展党员统计', '发展党员统计', '发展党员统计', '发展党员统计(2)']);
    expect(dataSheet.rows[5]![dataSheet.rows[0]!.indexOf('c0')]).toBe('甲');
  });

  it('still writes a well-formed sheet with no rows and blank signatures', async () => {
    const out = await readWorkbook(
      await buildReport({ ...meta, fillerName: '', period: undefined }, [{ ...stats, rows: [] }]),
    );
    const sheet = sheetByName(out, '发展党员统计');
    expect(sheet.rows[1]!.filter(Boolean)).toEqual(['填报单位：中共湟中区多巴镇委员会']);
    expect(sheet.rows[2]!.filter(Boolean)).toEqual(['填报日期：2026-11-27']);
    expect(sheet.rows[5]!.slice(0, 3)).toEqual(['合计', 0, 0]);
    expect(sheet.rows[7]![0]).toMatch(/^填报人：　+审核人：李红梅/);
  });
});

describe('uniqueSheetName', () => {
  it('strips characters Excel forbids, caps the length and avoids reserved and repeated names', () => {
    const used = new Set<string>();
    expect(uniqueSheetName('2026/11 [汇总]', used)).toBe('2026_11 _汇总_');
    expect(uniqueSheetName('_data', used)).toBe('_data(2)');
    expect(uniqueSheetName('x'.repeat(40), used)).toHaveLength(31);
    expect(uniqueSheetName('X'.repeat(40), used)).toBe(`${'X'.repeat(28)}(2)`);
    expect(uniqueSheetName('', used)).toBe('报表');
  });
});
