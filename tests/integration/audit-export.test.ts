/** 操作日志 exports as an Excel file, filtered by period, with every ID number in it masked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, sheetByName } from '../../core/excel/read';
import type { ExportResult } from '../../core/reports/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

type Started = Awaited<ReturnType<typeof startHost>>;

describe('操作日志 export', () => {
  let ledger: Started;
  let clock = new Date(2026, 0, 5, 9, 0);
  const id = makeIdNumber('1988-02-03', '男', 7);

  beforeAll(async () => {
    ledger = await startHost({ now: () => clock });
    clock = new Date(2026, 2, 10, 10, 0);
    const p = (await ledger.host.invoke('people.create', { name: '韩永福', idNumber: id, ethnicity: '01' })) as { id: number };
    clock = new Date(2026, 4, 20, 15, 30);
    await ledger.host.invoke('people.update', { id: p.id, name: '韩永福', idNumber: id, ethnicity: '01', phone: '13900000000' });
  });
  afterAll(() => ledger?.close());

  async function exportLog(input: { from?: string; to?: string }) {
    const file = (await ledger.host.invoke('reports.export', { reportId: 'audit-log', ...input })) as ExportResult;
    const book = await readWorkbook(Buffer.from(file.base64, 'base64'));
    const sheet = sheetByName(book, '操作日志');
    const header = sheet.rows.findIndex((r) => r[0] === '序号');
    const body = sheet.rows.slice(header + 1).filter((r) => typeof r[0] === 'number');
    return { file, sheet, body, text: JSON.stringify(book.sheets.map((s) => s.rows)) };
  }

  it('lists every entry in order, in words, with the ID number masked', async () => {
    const { file, body, text } = await exportLog({});
    expect(file.fileName).toMatch(/^操作日志_多巴镇_\d{8}\.xlsx$/);
    expect(body.map((r) => [r[2], r[3]])).toEqual([
      ['单位设置', '首次设置'],
      ['人员', '新增'],
      ['人员', '修改'],
    ]);
    expect(body[1]![1]).toBe('2026-03-10 10:00:00');
    expect(String(body[2]![5])).toContain('联系电话：— → 13900000000');
    expect(String(body[1]![5])).toContain(`公民身份号码：${id.slice(0, 4)}`);
    expect(text).not.toContain(id);
  });

  it('keeps only the chosen period', async () => {
    const { body, sheet } = await exportLog({ from: '2026-03-01', to: '2026-03-31' });
    expect(body).toHaveLength(1);
    expect(body[0]![3]).toBe('新增');
    expect(JSON.stringify(sheet.rows.slice(0, 4))).toContain('2026-03-01 至 2026-03-31');
  });
});
