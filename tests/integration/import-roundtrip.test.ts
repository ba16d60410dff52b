/**
 * Round trips: the ledger's own 人员花名册 exported unmasked re-imports with every row 跳过, a masked one is refused
 * saying why; and the error report (import.errorReport) is the clerk's file with a 错误说明 column and the bad cells
 * filled light red, which imports again once fixed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { ImportPreviewOut } from '../../core/import/schemas';
import type { JobStatus } from '../../core/jobs/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

const DIR = resolve(__dirname, '..', 'fixtures', 'import');
let host: LedgerHost;
let close: () => Promise<void>;

async function preview(fileName: string, base64: string): Promise<ImportPreviewOut> {
  const { jobId } = (await host.invoke('import.preview', { kind: 'people', fileName, base64 })) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw new Error(`${done.error?.message} ${done.error?.hint ?? ''}`);
  return done.result as ImportPreviewOut;
}

const exportRoster = async (maskIdNumbers: boolean) => ((await host.invoke('reports.export', { reportId: 'people-roster', maskIdNumbers })) as { base64: string }).base64;

beforeAll(async () => {
  ({ host, close } = await startHost({ now: () => new Date('2026-11-20T09:00:00+08:00') }));
  const units = (await host.invoke('org.listUnits', {})) as { id: number; name: string }[];
  const people = [
    { name: '李梅', idNumber: makeIdNumber('1988-07-15', '女', 2), ethnicity: '01', education: '21', unitId: units[0]!.id, occupation: '农牧渔民', jobPost: '村会计', phone: '13800000000', hukou: '青海省西宁市湟中区', note: '返乡创业' },
    { name: '赵强', idNumber: makeIdNumber('1975-01-10', '男', 3), ethnicity: '03' },
    { name: '马文明', idNumber: makeIdNumber('1990-03-01', '男', 4), ethnicity: '03', education: '31', unitId: units[1]!.id, occupation: '学生', birthDate: '1990-03-01' },
    { name: '祁秀兰', idNumber: makeIdNumber('1968-12-31', '女', 5), ethnicity: '30', education: '90', unitId: units[2]!.id, occupation: '离退休人员' },
  ];
  for (const p of people) await host.invoke('people.create', p);
});
afterAll(() => close());

describe('re-importing the ledger’s own roster', { timeout: 60_000 }, () => {
  it('an unmasked export re-imports with every row 跳过 (identical)', async () => {
    const p = await preview('人员花名册.xlsx', await exportRoster(false));
    expect(p).toMatchObject({ sheet: '人员花名册', headerRow: 4 });
    expect(p.counts).toEqual({ 新增: 0, 更新: 0, 跳过: 4, 错误: 0 });
    expect(p.rows.every((r) => r.status === '跳过')).toBe(true);
  });

  it('a masked export (6301**********123X) is refused, saying it is 脱敏 and how to export it again', async () => {
    await expect(preview('人员花名册.xlsx', await exportRoster(true))).rejects.toThrow(/脱敏导出的文件.*6301\*{10}\d{3}[\dX].*不能导入.*不脱敏.*--no-mask/s);
  });
});

describe('import.errorReport', { timeout: 60_000 }, () => {
  const file = (name: string) => readFileSync(join(DIR, name));
  const report = async (name: string, bytes = file(name)) => {
    const r = (await host.invoke('import.errorReport', { kind: 'people', fileName: name, base64: bytes.toString('base64') })) as { fileName: string; base64: string };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.base64, 'base64') as unknown as ExcelJS.Buffer);
    return { ...r, wb };
  };
  const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

  it('adds a 错误说明 column to the data sheet, fills the bad cells light red, and keeps the rest of the file', async () => {
    const { fileName, wb } = await report('02-roster-title.xlsx');
    expect(fileName).toBe('02-roster-title（错误说明）.xlsx');
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getCell('J3').value).toBe('错误说明');
    expect(String(ws.getCell('J7').value)).toMatch(/^公民身份号码：公民身份号码有误：.*校验位不正确/);
    expect(fillOf(ws.getCell('F7'))).toBe('FFFFC7CE');
    for (const ok of ['F6', 'E7', 'F8']) expect(fillOf(ws.getCell(ok))).not.toBe('FFFFC7CE');
    expect(ws.getCell('J6').value).toBeNull();
    // The clerk's title, merge, 填报单位 line and 合计 row are as they were.
    expect(ws.getCell('A1').value).toBe('多巴镇人员花名册');
    expect(ws.model.merges).toContain('A1:I1');
    expect(ws.getCell('A2').value).toBe('填报单位：中共湟中区多巴镇委员会（盖章）');
    expect(ws.getCell('A9').value).toBe('合计');
  });

  it('marks every bad cell of a row, merges the column’s header over a two-row header, and leaves other sheets alone', async () => {
    const formulas = await report('12-formula-errors.xlsx');
    const ws = formulas.wb.getWorksheet('人员')!;
    expect(ws.getCell('F1').value).toBe('错误说明');
    expect(String(ws.getCell('F3').value)).toContain('民族：单元格是公式错误值 #REF!');
    expect(['B3', 'C4', 'D5', 'E6'].map((a) => fillOf(ws.getCell(a)))).toEqual(Array(4).fill('FFFFC7CE'));

    const two = await report('03-two-row-header.xlsx');
    const sheet = two.wb.getWorksheet('Sheet1')!;
    expect(sheet.getCell('J2').value).toBe('错误说明');
    expect(sheet.model.merges).toContain('J2:J3');
    expect(String(sheet.getCell('J8').value)).toContain('缺少公民身份号码');

    const hidden = await report('13-hidden-and-visible.xlsx');
    expect(hidden.wb.worksheets.map((w) => [w.name, w.state])).toEqual([['旧数据', 'hidden'], ['人员', 'visible']]);
  });

  it('imports again as it is (the 错误说明 column is ignored), and with the cell fixed, without errors', async () => {
    const { base64 } = await report('02-roster-title.xlsx');
    const again = await preview('02.xlsx', base64);
    expect(again.counts).toEqual({ 新增: 4, 更新: 0, 跳过: 0, 错误: 1 });
    expect(again.columns.find((c) => c.header === '错误说明')).toMatchObject({ col: 'J', key: null });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
    wb.getWorksheet('花名册')!.getCell('F7').value = makeIdNumber('1985-03-04', '男', 77);
    const fixed = await preview('02.xlsx', Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'));
    expect(fixed.counts).toEqual({ 新增: 5, 更新: 0, 跳过: 0, 错误: 0 });
  });

  it('refuses a file the preview refuses, with the same message', async () => {
    await expect(host.invoke('import.errorReport', { kind: 'people', fileName: 'a.xlsx', base64: file('20-masked-export.xlsx').toString('base64') })).rejects.toThrow(/脱敏/);
  });
});
