import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport, writeReportFile, type ReportSheet } from '../../../core/excel/builder';
import { readWorkbook, sheetByName } from '../../../core/excel/read';
import { tempDir } from '../../helpers/ledger';
import { REPORT_META } from '../../helpers/report-meta';

const meta = REPORT_META;

function roster(count: number): ReportSheet {
  return {
    sheetName: '花名册',
    title: '人员花名册',
    columns: [
      { key: 'seq', header: '序号', type: 'int', align: 'center' },
      { key: 'name', header: ['基本信息', '姓名'] },
      { key: 'birthDate', header: ['基本信息', '出生日期'], type: 'date' },
      { key: 'note', header: '备注' },
    ],
    rows: Array.from({ length: count }, (_, i) => ({ seq: i + 1, name: `马文${i}`, birthDate: '1990-05-12', note: i % 2 ? '外出务工' : '' })),
    totals: { label: '合计', labelKey: 'seq', values: { name: `${count} 人` } },
    freezeColumns: 2,
  };
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

describe('streamed reports', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('keeps each look apart when looks are shared: fonts per report, bold totals, formats per column type', async () => {
    const first = await load(await buildReport(meta, [roster(3)]));
    const other = await load(await buildReport({ ...meta, fonts: { title: '方正小标宋简体', header: '黑体', body: '仿宋' } }, [roster(3)]));
    const a = first.getWorksheet('花名册')!;
    const b = other.getWorksheet('花名册')!;
    const body = (ws: ExcelJS.Worksheet) => ws.getCell('B6');
    expect(body(a).value).toBe('马文0');
    expect(body(a).font).toMatchObject({ name: '宋体' });
    expect(body(a).font.bold).toBeFalsy();
    expect(body(b).font).toMatchObject({ name: '仿宋' });
    expect(b.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', bold: true });
    expect(a.getCell('A1').font).toMatchObject({ name: '黑体', bold: true });
    expect(a.getCell('C6').numFmt).toBe('yyyy-mm-dd');
    expect(a.getCell('B6').numFmt).toBe('@');
    const totals = a.getCell('B9');
    expect(totals.value).toBe('3 人');
    expect(totals.font).toMatchObject({ name: '宋体', bold: true });
    expect(totals.fill).toMatchObject({ fgColor: { argb: 'FFF2F2F2' } });
  });

  it('writes every row of a sheet larger than one streamed batch, in order, with its _data copy', async () => {
    const data = await readWorkbook(await buildReport(meta, [roster(1234)]));
    const sheet = sheetByName(data, '花名册');
    const body = sheet.rows.filter((r) => typeof r[0] === 'number');
    expect(body).toHaveLength(1234);
    expect(body.at(-1)).toEqual([1234, '马文1233', '1990-05-12', '外出务工']);
    expect(sheet.rows.some((r) => r[0] === '合计' && r[1] === '1234 人')).toBe(true);
    expect(sheetByName(data, '_data').rows).toHaveLength(1235);
  });

  it('writes a file beside the target and renames it into place, leaving nothing else behind', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const target = join(tmp.dir, '人员花名册.xlsx');
    await writeReportFile(target, meta, [roster(10)]);
    expect(readdirSync(tmp.dir)).toEqual(['人员花名册.xlsx']);
    const data = await readWorkbook(readFileSync(target));
    expect(sheetByName(data, '花名册').rows[0]![0]).toBe('人员花名册');
  });

  it('leaves no file at all when the export fails halfway', async () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const target = join(tmp.dir, 'broken.xlsx');
    const broken: ReportSheet = { sheetName: '空', title: '空', columns: [], rows: [] };
    await expect(writeReportFile(target, meta, [roster(10), broken])).rejects.toThrow(/no columns/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('loads exceljs with the first report, not with the report catalogue', () => {
    const root = resolve(import.meta.dirname, '..', '..', '..');
    const probe = `
      const { createRequire } = await import('node:module');
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((p) => p.includes('/node_modules/exceljs/'));
      const { listReports } = await import(${JSON.stringify(join(root, 'core/reports/service.ts'))});
      listReports();
      const before = loaded();
      const { buildReport } = await import(${JSON.stringify(join(root, 'core/excel/builder.ts'))});
      await buildReport(${JSON.stringify(meta)}, [{ sheetName: 's', title: 't', columns: [{ key: 'a', header: 'A' }], rows: [{ a: 1 }] }]);
      console.log(before, loaded());
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { cwd: root, encoding: 'utf8' });
    expect(out.trim()).toBe('false true');
  });
});
