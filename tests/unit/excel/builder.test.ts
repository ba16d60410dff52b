import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_NAME, buildReport, uniqueSheetName, type ReportMeta, type ReportSheet } from '../../../core/excel/builder';
import { readFileMeta } from '../../../core/excel/machine';
import { readWorkbook, sheetByName, type WorkbookData } from '../../../core/excel/read';
import { REPORT_META } from '../../helpers/report-meta';

const meta: ReportMeta = {
  ...REPORT_META,
  reportId: 'test-stats',
  period: '2026-01-01 至 2026-11-27',
  fonts: { ...REPORT_META.fonts, title: '方正小标宋简体' },
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

  it('writes data typed as declared, dates as real Excel dates with a date format', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[5]).toEqual(['农牧渔民', 12, 3, 4, 0, 1200.5, '2026-03-05']);
    expect(sheet.rows[6]).toEqual(['工人（工勤技能人员）', 5, 1, 2, 1, 300, '2026-04-10']);
    expect(sheet.rows[7]).toEqual(['学生', 7, 7, null, 2, null, null]);
    const ws = wb.getWorksheet('发展党员统计')!;
    expect(ws.getCell('F6').numFmt).toBe('#,##0.00');
    // A date cell, not the text '2026-03-05': Excel sorts, filters and computes with it.
    expect(ws.getCell('G6').type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell('G6').value as Date).toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(ws.getCell('G6').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('G7').type).toBe(ExcelJS.ValueType.Date);
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

  it('signs off after a blank row with the official block, in one row so no page break can split it', () => {
    const sheet = sheetByName(data, '发展党员统计');
    expect(sheet.rows[9]!.every((v) => v === null)).toBe(true);
    expect(sheet.rows).toHaveLength(11);
    const block = sheet.rows[10]!.filter(Boolean).join('\n');
    for (const part of ['单位负责人（签名）：', '审核人：李红梅', '填报人：张明', '联系电话：0971-2231234', '填报单位（盖章）', '报出日期：']) {
      expect(block).toContain(part);
    }
    const ws = wb.getWorksheet('发展党员统计')!;
    expect(ws.getRow(11).height).toBeGreaterThanOrEqual(3 * 14);
  });

  it('fills only header cells inside the table, each with its border', () => {
    const ws = wb.getWorksheet('发展党员统计')!;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      for (let c = 1; c <= 10; c++) {
        const cell = row.getCell(c);
        const fill = cell.fill as { type?: string; pattern?: string } | undefined;
        if (fill?.type !== 'pattern' || fill.pattern === 'none') continue;
        expect(c, `fill outside the table at ${cell.address}`).toBeLessThanOrEqual(7);
        expect([r >= 4 && r <= 5, r === 9], `fill outside header and totals at ${cell.address}`).toContain(true);
        expect(cell.border?.right?.style && cell.border?.left?.style && cell.border?.top?.style && cell.border?.bottom?.style).toBe('thin');
      }
    });
  });

  it('sets A4 print setup that repeats the title, 填报单位 and header rows on every page, and freezes below them', () => {
    const ws = wb.getWorksheet('发展党员统计')!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:5',
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
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2, topLeftCell: 'C4' });
    expect(ws.getColumn(1).width).toBe(12);
  });

  it('keeps a hidden machine-readable copy: one key row, then one typed record per row', () => {
    const dataSheet = sheetByName(data, '_data');
    expect(dataSheet.state).toBe('hidden');
    expect(dataSheet.rows[0]).toEqual(['occupation', 'total', 'age25', 'age30', 'grad', 'funds', 'since']);
    expect(dataSheet.rows.slice(1)).toEqual([
      ['农牧渔民', 12, 3, 4, 0, 1200.5, '2026-03-05'],
      ['工人（工勤技能人员）', 5, 1, 2, 1, 300, '2026-04-10'],
      ['学生', 7, 7, null, 2, null, null],
    ]);
    const ws = wb.getWorksheet('_data')!;
    expect(ws.getCell('G2').type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.Number);
    const metaSheet = sheetByName(data, '_meta');
    expect(metaSheet.state).toBe('hidden');
    expect(metaSheet.rows[0]).toEqual(['key', 'value']);
    const fileMeta = readFileMeta(metaSheet.rows);
    expect(fileMeta).toMatchObject({
      formatVersion: 3,
      app: APP_NAME,
      reportId: 'test-stats',
      title: '发展党员情况统计表',
      unitName: '中共湟中区多巴镇委员会',
      period: '2026-01-01 至 2026-11-27',
      filledDate: '2026-11-27',
      rowCount: 3,
    });
    expect(fileMeta?.sheets[0]).toMatchObject({ sheetName: '发展党员统计', rowCount: 3 });
    expect(fileMeta?.columns[2]).toEqual({ key: 'age25', label: '25岁及以下', header: ['年龄', '25岁及以下'], type: 'int' });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['发展党员统计', '_data', '_meta']);
  });

  it('marks 其中 rows and columns as subsets, and keeps codes in _data with their labels in _meta', async () => {
    const sheet: ReportSheet = {
      sheetName: '统计',
      title: '统计表',
      columns: [
        { key: 'label', header: '职业' },
        { key: 'league', header: ['共青团员', '人数'], type: 'int' },
        { key: 'recommended', header: ['共青团员', '其中：推优'], type: 'int' },
        { key: 'status', header: '状态', codes: { applicant: '入党申请人\n（第一阶段）' } },
        { key: 'stage', header: '阶段', type: 'int', dataOnly: true },
      ],
      rows: [
        { label: '农牧渔民', league: 3, recommended: 1, status: 'applicant', stage: 1 },
        { label: '　其中：外出务工经商人员', league: 1, recommended: 0, status: 'applicant', stage: 1 },
        { label: '学生', league: 2, recommended: 2, status: 'unknown', stage: 2 },
      ],
      totals: { label: '合计', labelKey: 'label' },
    };
    const out = await readWorkbook(await buildReport(meta, [sheet]));
    const printed = sheetByName(out, '统计');
    const headerTop = printed.rows.findIndex((r) => r[0] === '职业');
    expect(printed.rows[headerTop]).toEqual(['职业', '共青团员', null, '状态']);
    expect(printed.rows[headerTop + 2]![3]).toBe('入党申请人\n（第一阶段）');
    expect(printed.rows[headerTop + 4]![3]).toBe('unknown');
    const dataSheet = sheetByName(out, '_data');
    expect(dataSheet.rows[0]).toEqual(['label', 'league', 'recommended', 'status', 'stage', 'subsetOf']);
    expect(dataSheet.rows.slice(1).map((r) => [r[3], r[4], r[5]])).toEqual([
      ['applicant', 1, null],
      ['applicant', 1, '农牧渔民'],
      ['unknown', 2, null],
    ]);
    const fileMeta = readFileMeta(sheetByName(out, '_meta').rows)!;
    expect(fileMeta.rowCount).toBe(3);
    const column = (key: string) => fileMeta.columns.find((c) => c.key === key);
    expect(column('recommended')).toMatchObject({ subsetOf: 'league' });
    expect(column('league')?.subsetOf).toBeUndefined();
    expect(column('status')?.codes).toEqual({ applicant: '入党申请人\n（第一阶段）' });
    expect(column('stage')).toMatchObject({ dataOnly: true, label: '' });
    expect(column('subsetOf')).toMatchObject({ dataOnly: true });
  });

  it('stacks several sheets into one _data sheet with a sheet column', async () => {
    const out = await readWorkbook(await buildReport(meta, [stats, { ...wide, sheetName: '发展党员统计' }]));
    expect(out.sheets.map((s) => s.name)).toEqual(['发展党员统计', '发展党员统计(2)', '_data', '_meta']);
    const dataSheet = sheetByName(out, '_data');
    expect(dataSheet.rows[0]!.slice(0, 3)).toEqual(['sheet', 'occupation', 'total']);
    expect(dataSheet.rows.slice(1).map((r) => r[0])).toEqual(['发展党员统计', '发展党员统计', '发展党员统计', '发展党员统计(2)']);
    expect(dataSheet.rows[4]![dataSheet.rows[0]!.indexOf('c0')]).toBe('甲');
    expect(readFileMeta(sheetByName(out, '_meta').rows)?.rowCount).toBe(4);
  });

  it('still writes a well-formed sheet with no rows and blank signatures', async () => {
    const out = await readWorkbook(
      await buildReport({ ...meta, fillerName: '', period: undefined }, [{ ...stats, rows: [] }]),
    );
    const sheet = sheetByName(out, '发展党员统计');
    expect(sheet.rows[1]!.filter(Boolean)).toEqual(['填报单位：中共湟中区多巴镇委员会']);
    expect(sheet.rows[2]!.filter(Boolean)).toEqual(['填报日期：2026-11-27']);
    expect(sheet.rows[5]!.slice(0, 3)).toEqual(['合计', 0, 0]);
    expect(sheet.rows[7]!.filter(Boolean).join('\n')).toMatch(/填报人：　+\n联系电话：0971-2231234/);
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
