import { describe, expect, it } from 'vitest';
import type { SheetData } from '../../../core/excel/read';
import { findHeader, matchField, type FieldDef } from '../../../core/import/header';

const FIELDS: FieldDef[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证'], required: true },
  { key: 'gender', label: '性别' },
  { key: 'unit', label: '所在村（社区）', synonyms: ['村', '村（社区）', '所在村'] },
  { key: 'activistOn', label: '确定为入党积极分子日期', synonyms: ['确定积极分子时间'] },
  { key: 'applicationOn', label: '递交入党申请书日期', synonyms: ['申请入党时间', '入党申请时间'] },
];

const sheet = (rows: (string | number | null)[][], merges: string[] = []): SheetData => ({ name: 'Sheet1', state: 'visible', rows, merges });

describe('finding the header', () => {
  it('skips a merged title row and a 填报单位 line, and matches by synonym', () => {
    const found = findHeader(
      sheet(
        [
          ['多巴镇发展党员台账', null, null, null],
          ['填报单位：多巴镇党委', null, null, '2026年'],
          ['序号', '姓 名', '身份证号码', '申请入党时间'],
          [1, '马文明', '630122199001010014', '2023.5.12'],
        ],
        ['A1:D1'],
      ),
      FIELDS,
    );
    expect(found).toMatchObject({ row: 2, rows: 1, dataStart: 3, missing: [] });
    expect(found!.columns.map((c) => c.key)).toEqual([null, 'name', 'idNumber', 'applicationOn']);
  });

  it('reads a two-row merged header, the child under its parent', () => {
    const found = findHeader(
      sheet(
        [
          ['基本情况', null, null, '确定为入党积极分子', '备注'],
          ['姓名', '性别', '身份证', '日期', null],
          ['李梅', '女', '630122199001010014', '2024-03-01', null],
        ],
        ['A1:C1', 'D1:D1', 'E1:E2'],
      ),
      FIELDS,
    );
    expect(found).toMatchObject({ row: 0, rows: 2, dataStart: 2 });
    expect(found!.columns.map((c) => c.key)).toEqual(['name', 'gender', 'idNumber', 'activistOn', null]);
  });

  it('names the required fields no column matched', () => {
    const found = findHeader(sheet([['名字', '性别'], ['王芳', '女']]), FIELDS);
    expect(found!.missing.map((f) => f.label)).toEqual(['姓名', '公民身份号码']);
  });

  it('prefers the exact name, then the longest contained name, and gives each field one column', () => {
    expect(matchField('所在村（社区）', FIELDS)?.key).toBe('unit');
    expect(matchField('身份证号（18位）', FIELDS)?.key).toBe('idNumber');
    expect(matchField('联系电话', FIELDS)).toBeNull();
    expect(matchField('姓名', FIELDS, new Set(['name']))).toBeNull();
  });
});
