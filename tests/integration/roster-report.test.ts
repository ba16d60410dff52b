import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, sheetByName, type SheetData } from '../../core/excel/read';
import { readFileMeta } from '../../core/excel/machine';
import { LedgerHost } from '../../core/host';
import { idCheckChar } from '../../core/people/idcard';
import type { Unit } from '../../core/org/schemas';
import type { Person } from '../../core/people/schemas';
import type { ExportResult } from '../../core/reports/schemas';

/** A valid 公民身份号码 for a 湟中 resident born on the given date; odd sequence = 男, even = 女. */
function idFor(birth: string, seq: number): string {
  const first17 = `630122${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const PEOPLE = [
  { name: '马文明', idNumber: '11010519491231002X', ethnicity: '03', education: '71', occupation: '农牧渔民', village: '甲村', phone: '13800000001' },
  { name: '李秀梅', idNumber: '440524188001010014', ethnicity: '01', education: '21', occupation: '学生', village: '甲村', note: '返乡大学生' },
  { name: '卓玛', idNumber: idFor('1990-05-12', 102), ethnicity: '04', education: '31', occupation: '企事业单位、社会组织专业技术人员', village: '乙社区' },
  { name: '韩永福', idNumber: idFor('1985-08-20', 311), ethnicity: '35', village: '乙社区', hukou: '青海省西宁市湟中区多巴镇' },
  { name: '已删除', idNumber: idFor('1970-01-01', 201), ethnicity: '01', village: '甲村' },
];

describe('people-roster report', () => {
  let dataDir: string;
  let host: LedgerHost;
  let units: Unit[];
  const created: Person[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-roster-'));
    host = new LedgerHost({ dataDir, now: () => new Date(2026, 10, 27, 9, 30) });
    await host.start();
    await host.invoke('org.setup', {
      countyName: '湟中区',
      townName: '多巴镇',
      unitName: '中共西宁市湟中区多巴镇委员会',
      units: [
        { name: '甲村', kind: '村' },
        { name: '乙社区', kind: '社区' },
        { name: '丙村', kind: '村' },
      ],
      fillerName: '张明',
      reviewerName: '李红梅',
      phone: '0971-2231234',
    });
    units = (await host.invoke('org.listUnits', {})) as Unit[];
    const unitId = (name: string) => units.find((u) => u.name === name)!.id;
    for (const { village, ...p } of PEOPLE) {
      created.push((await host.invoke('people.create', { ...p, unitId: unitId(village) })) as Person);
    }
    await host.invoke('people.remove', { id: created.at(-1)!.id });
  });

  afterAll(async () => {
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function exportRoster(params: Record<string, unknown> = {}): Promise<{ result: ExportResult; sheet: SheetData; data: SheetData; meta: SheetData['rows'] }> {
    const result = (await host.invoke('reports.export', { reportId: 'people-roster', ...params })) as ExportResult;
    const book = await readWorkbook(Buffer.from(result.base64, 'base64'));
    return { result, sheet: sheetByName(book, '人员花名册'), data: sheetByName(book, '_data'), meta: sheetByName(book, '_meta').rows };
  }

  /** Data rows sit below the title, the info row and two header rows, and above the totals row. */
  const bodyRows = (sheet: SheetData) => sheet.rows.slice(4, sheet.rows.findIndex((r) => r[0] === '合计'));

  it('lists every person who is not deleted, village by village, with a totals row', async () => {
    const { result, sheet } = await exportRoster();
    expect(result.rowCount).toBe(4);
    expect(result.fileName).toBe('人员花名册_多巴镇_20261127.xlsx');
    expect(sheet.rows[0]![0]).toBe('人员花名册');
    expect(sheet.rows[1]!.filter(Boolean)).toEqual(['填报单位：中共西宁市湟中区多巴镇委员会', '统计时段：截至 2026-11-27', '填报日期：2026-11-27']);
    expect(sheet.rows[2]!.slice(0, 4)).toEqual(['序号', '所在村（社区）', '基本信息', null]);
    expect(sheet.rows[3]!.slice(2, 8)).toEqual(['姓名', '性别', '民族', '出生日期', '公民身份号码', '学历']);
    expect(sheet.merges).toEqual(expect.arrayContaining(['A1:M1', 'A3:A4', 'B3:B4', 'C3:H3', 'I3:J3', 'K3:L3', 'M3:M4']));

    const rows = bodyRows(sheet);
    // Unit order first (甲村 before 乙社区), then pinyin order of names within a unit.
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, '甲村', '李秀梅'],
      [2, '甲村', '马文明'],
      [3, '乙社区', '韩永福'],
      [4, '乙社区', '卓玛'],
    ]);
    const all = sheet.rows.flat();
    for (const p of PEOPLE.slice(0, 4)) expect(all).toContain(p.name);
    expect(all).not.toContain('已删除');

    const ma = rows.find((r) => r[2] === '马文明')!;
    expect(ma.slice(3, 13)).toEqual(['女', '回族', '1949-12-31', '1101**********002X', '初中', '农牧渔民', null, '13800000001', null, null]);
    const zhuoma = rows.find((r) => r[2] === '卓玛')!;
    expect(zhuoma.slice(3, 9)).toEqual(['女', '藏族', '1990-05-12', '6301**********102' + PEOPLE[2]!.idNumber.slice(-1), '大学专科', '企事业单位、社会组织专业技术人员']);
    expect(rows.find((r) => r[2] === '李秀梅')![12]).toBe('返乡大学生');

    const totals = sheet.rows.find((r) => r[0] === '合计')!;
    expect(totals[2]).toBe('4 人');
    expect(sheet.rows.at(-1)!.filter(Boolean).join('\n')).toContain('填报人：张明\n联系电话：0971-2231234');
  });

  it('masks 公民身份号码 by default and everywhere in the file', async () => {
    const { sheet, data } = await exportRoster();
    const text = [...sheet.rows.flat(), ...data.rows.flat()].join('|');
    for (const p of PEOPLE) expect(text).not.toContain(p.idNumber);
    expect(text).toContain('4405**********0014');
  });

  it('writes full numbers when masking is switched off', async () => {
    const { sheet, data } = await exportRoster({ maskIdNumbers: false });
    const ids = bodyRows(sheet).map((r) => r[6]);
    expect(ids).toEqual(expect.arrayContaining(PEOPLE.slice(0, 4).map((p) => p.idNumber)));
    expect(data.rows[0]).toContain('idNumber');
    expect(data.rows.slice(1).map((r) => r[data.rows[0]!.indexOf('idNumber')])).toContain('11010519491231002X');
  });

  it('filters by village', async () => {
    const yi = units.find((u) => u.name === '乙社区')!.id;
    const { result, sheet, data } = await exportRoster({ unitIds: [yi] });
    expect(result.rowCount).toBe(2);
    expect(bodyRows(sheet).map((r) => r[2])).toEqual(['韩永福', '卓玛']);
    expect(data.rows.length - 1).toBe(2);
    const bing = units.find((u) => u.name === '丙村')!.id;
    const empty = await exportRoster({ unitIds: [bing] });
    expect(empty.result.rowCount).toBe(0);
    expect(empty.sheet.rows.find((r) => r[0] === '合计')![2]).toBe('0 人');
  });

  it('carries a machine-readable copy for the district', async () => {
    const { data, meta } = await exportRoster();
    expect(data.state).toBe('hidden');
    expect(data.rows[0]!.slice(0, 4)).toEqual(['seq', 'unitName', 'name', 'gender']);
    // Codes, not names: 民族 and 学历 travel as GB/T 3304 and GB/T 4658 codes, their names in _meta.
    const key = (k: string) => data.rows[0]!.indexOf(k);
    expect(data.rows.slice(1).map((r) => [r[2], r[key('ethnicity')], r[key('education')], r[key('birthDate')]])).toEqual([
      ['李秀梅', '01', '21', '1880-01-01'],
      ['马文明', '03', '71', '1949-12-31'],
      ['韩永福', '35', null, '1985-08-20'],
      ['卓玛', '04', '31', '1990-05-12'],
    ]);
    const fileMeta = readFileMeta(meta)!;
    expect(fileMeta.rowCount).toBe(4);
    expect(fileMeta.columns.find((c) => c.key === 'ethnicity')?.codes).toMatchObject({ '03': '回族', '35': '撒拉族' });
    expect(fileMeta).toMatchObject({
      periodTo: '2026-11-27',
      app: '基层党建工作台账',
      reportId: 'people-roster',
      unitName: '中共西宁市湟中区多巴镇委员会',
      period: '截至 2026-11-27',
      filledDate: '2026-11-27',
    });
  });

  it('is listed in the report catalogue', async () => {
    const list = (await host.invoke('reports.list', undefined)) as { id: string; title: string; params: string[] }[];
    expect(list.find((r) => r.id === 'people-roster')).toMatchObject({ title: '人员花名册', params: ['units', 'mask'] });
  });
});
