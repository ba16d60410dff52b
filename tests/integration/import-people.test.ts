/** Importing a clerk's own 人员 sheet: header found under a title, synonyms, every row judged, commit, undo. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { JobStatus } from '../../core/jobs/schemas';
import type { ImportPreviewOut } from '../../core/import/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');
let host: LedgerHost;
let close: () => Promise<void>;

const WANG = makeIdNumber('1990-03-01', '男', 1);
const LI = makeIdNumber('1988-07-15', '女', 2);
const ZHAO = makeIdNumber('1975-01-10', '男', 3);

/** A roster as a clerk keeps it: a merged title, a 填报单位 line, their own column names, dates in their own formats. */
async function messyRoster(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['多巴镇人员花名册']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位：多巴镇党委', null, null, null, null, null, '2026年11月']);
  ws.addRow(['序号', '姓 名', '性别', '民族', '身份证号码', '出生年月', '文化程度', '所在村']);
  ws.addRow([1, '王小军', '男', '汉', WANG, '1990.3', '大专', '多巴一村委会']); // new; month-only birth
  ws.addRow([2, '李梅', '女', '汉族', LI, '1988-07-15', '大学本科', '多巴一村']); // identical to the ledger: 跳过
  ws.addRow([3, '赵强', '男', '回', ZHAO, '1975年1月10日', '高中', '多巴二村']); // exists with another 学历: 更新
  ws.addRow([4, '钱多', '男', '汉', '630122199001010013', '1990-01-01', '初中', '多巴一村']); // bad check digit
  ws.addRow([5, '孙立', '男', '汉', makeIdNumber('1993-05-05', '男', 4), '1993-05-05', '本科', '火星村']); // unknown village
  ws.addRow([6, '王小军', '男', '汉', WANG, '1990-03-01', '大专', '多巴一村']); // the same person again
  ws.addRow([]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function run<T>(method: 'import.preview' | 'import.commit', input: Record<string, unknown>): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw Object.assign(new Error(done.error?.message ?? done.state), { status: done });
  return done.result as T;
}

let file: string;
beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const units = (await host.invoke('org.listUnits', {})) as { id: number; name: string }[];
  await host.invoke('people.create', { name: '李梅', idNumber: LI, ethnicity: '01', education: '21', unitId: units[0]!.id });
  await host.invoke('people.create', { name: '赵强', idNumber: ZHAO, ethnicity: '03', education: '71', unitId: units[1]!.id });
  file = (await messyRoster()).toString('base64');
});
afterAll(() => close());

describe('import preview', () => {
  it('finds the header under the title, maps the clerk’s names, and judges every row', async () => {
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'people', fileName: '花名册.xlsx', base64: file });
    expect(p).toMatchObject({ sheet: '花名册', headerRow: 3 });
    expect(p.columns.map((c) => c.key)).toEqual([null, 'name', 'gender', 'ethnicity', 'idNumber', 'birthDate', 'education', 'unit']);
    expect(p.counts).toEqual({ 新增: 1, 更新: 1, 跳过: 1, 错误: 3 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [4, '新增'],
      [5, '跳过'],
      [6, '更新'],
      [7, '错误'],
      [8, '错误'],
      [9, '错误'],
    ]);
    const byRow = (n: number) => p.rows.find((r) => r.row === n)!;
    expect(byRow(4).notes).toEqual([{ row: 4, col: 'F', header: '出生年月', value: '1990.3', message: '仅到月，已按当月1日录入，请补全日期' }]);
    expect(byRow(7).problems).toEqual([
      { row: 7, col: 'E', header: '身份证号码', value: '630122199001010013', message: expect.stringContaining('校验位不正确') },
    ]);
    expect(byRow(8).problems[0]).toMatchObject({ col: 'H', value: '火星村', message: expect.stringContaining('不在本乡镇的村（社区）中') });
    expect(byRow(9).problems[0]!.message).toContain('与第 4 行是同一条记录');
  });

  it('refuses an .xls or a file that is not Excel, saying what to do, and writes nothing', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).toString('base64');
    await expect(run('import.preview', { kind: 'people', fileName: 'a.xls', base64: xls })).rejects.toThrow(/旧版 .xls/);
    await expect(run('import.preview', { kind: 'people', fileName: 'a.csv', base64: Buffer.from('姓名,身份证\n').toString('base64') })).rejects.toThrow(/不是 Excel/);
  });
});

describe('import commit and undo', () => {
  it('“全部无误才导入” writes nothing while any row has an error', async () => {
    await expect(run('import.commit', { kind: 'people', fileName: '花名册.xlsx', base64: file, mode: 'all' })).rejects.toThrow(/有 3 行有错误/);
    expect(((await host.invoke('people.list', {})) as { total: number }).total).toBe(2);
  });

  it('writes the valid rows in one go, then undo puts back exactly the state before', async () => {
    const r = await run<{ batchId: number; inserted: number; updated: number; skipped: number }>('import.commit', { kind: 'people', fileName: '花名册.xlsx', base64: file, mode: 'valid' });
    expect(r).toMatchObject({ inserted: 1, updated: 1, skipped: 1, errors: 3 });
    const list = (await host.invoke('people.list', { pageSize: 50 })) as { items: { name: string; education: string | null; birthDate: string }[] };
    expect(list.items.map((x) => x.name).sort()).toEqual(['李梅', '王小军', '赵强'].sort());
    expect(list.items.find((x) => x.name === '赵强')!.education).toBe('61');
    expect(list.items.find((x) => x.name === '王小军')!.birthDate).toBe('1990-03-01');

    await host.invoke('import.undo', { batchId: r.batchId });
    const after = (await host.invoke('people.list', { pageSize: 50 })) as { items: { name: string; education: string | null }[] };
    expect(after.items.map((x) => x.name).sort()).toEqual(['李梅', '赵强'].sort());
    expect(after.items.find((x) => x.name === '赵强')!.education).toBe('71');
    await expect(host.invoke('import.undo', { batchId: r.batchId })).rejects.toThrow(/已于 .* 撤销/);
  });

  it('refuses the undo, naming the change, once an imported person was edited afterwards', async () => {
    const r = await run<{ batchId: number }>('import.commit', { kind: 'people', fileName: '花名册.xlsx', base64: file, mode: 'valid' });
    const wang = ((await host.invoke('people.list', { q: '王小军' })) as { items: { id: number }[] }).items[0]!;
    const full = (await host.invoke('people.get', { id: wang.id })) as Record<string, unknown>;
    await host.invoke('people.update', { ...full, phone: '13900000000' });
    await expect(host.invoke('import.undo', { batchId: r.batchId })).rejects.toThrow(/又被修改过/);
  });
});
