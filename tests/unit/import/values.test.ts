import { describe, expect, it } from 'vitest';
import { readDate, readEducation, readEthnicity, readGender, readIdNumber, readOccupation, villageKey } from '../../../core/import/values';

describe('dates as clerks type them', () => {
  it.each([
    [45058, '2023-05-12'],
    ['2023-05-12', '2023-05-12'],
    ['2023.05.12', '2023-05-12'],
    ['2023/5/12', '2023-05-12'],
    ['2023年5月12日', '2023-05-12'],
    ['20230512', '2023-05-12'],
    [20230512, '2023-05-12'],
    ['２０２３．５．１２', '2023-05-12'],
  ])('%s → %s', (input, expected) => {
    expect(readDate(input)).toMatchObject({ ok: true, value: expected });
  });

  it('takes month-only dates as the 1st, flagged for the clerk', () => {
    expect(readDate('2023.5')).toMatchObject({ ok: true, value: '2023-05-01', monthOnly: true, note: expect.stringContaining('仅到月') });
    expect(readDate(2023.5)).toMatchObject({ ok: true, value: '2023-05-01', monthOnly: true });
    expect(readDate('2023年11月')).toMatchObject({ ok: true, value: '2023-11-01', monthOnly: true });
  });

  it('refuses what is not a date, saying what it found', () => {
    expect(readDate('2023-02-30')).toEqual({ ok: false, message: '“2023-02-30”不是有效日期' });
    expect(readDate('去年五月')).toMatchObject({ ok: false, message: expect.stringContaining('“去年五月”不是可识别的日期') });
    expect(readDate(null)).toEqual({ ok: true, value: null });
  });
});

describe('公民身份号码', () => {
  const today = '2026-12-04';
  it('takes text with a lowercase x or full-width digits', () => {
    expect(readIdNumber('11010519491231002x', today)).toEqual({ ok: true, value: '11010519491231002X' });
    expect(readIdNumber('４４０５２４１８８００１０１００１４', today)).toEqual({ ok: true, value: '440524188001010014' });
  });

  it('takes a number only while its check character still passes, and refuses scientific notation', () => {
    // 15 significant digits survive: a number ending in 000 is right only if its check digit is 0.
    expect(readIdNumber(440524188001010014, today)).toMatchObject({ ok: false, message: expect.stringContaining('末尾几位已丢失') });
    expect(readIdNumber('6.30122E+17', today)).toMatchObject({ ok: false, message: expect.stringContaining('科学计数法') });
    expect(readIdNumber('630122199001010013', today)).toMatchObject({ ok: false, message: expect.stringContaining('校验位不正确') });
  });
});

describe('coded fields by common wording', () => {
  it('reads 民族 by name or code, with or without 族', () => {
    for (const v of ['汉', '汉族', '01', 1]) expect(readEthnicity(v)).toEqual({ ok: true, value: '01' });
    expect(readEthnicity('撒拉')).toEqual({ ok: true, value: '35' });
    expect(readEthnicity('火星族')).toMatchObject({ ok: false });
  });

  it('reads 学历 and 职业 as clerks write them', () => {
    expect(readEducation('大学本科')).toEqual({ ok: true, value: '21' });
    expect(readEducation('大专')).toEqual({ ok: true, value: '31' });
    expect(readEducation('高中毕业')).toEqual({ ok: true, value: '61' });
    expect(readEducation('初中文化')).toEqual({ ok: true, value: '71' });
    expect(readOccupation('务农')).toEqual({ ok: true, value: '农牧渔民' });
    expect(readOccupation('乡村教师')).toEqual({ ok: true, value: '企事业单位、社会组织专业技术人员' });
    expect(readOccupation('自由职业')).toMatchObject({ ok: true, value: '其他职业人员', note: expect.any(String) });
    expect(readGender('女')).toEqual({ ok: true, value: '女' });
    expect(readGender('未知')).toMatchObject({ ok: false });
  });

  it('matches villages with and without 村委会 / 村民委员会', () => {
    expect(villageKey('多巴一村委会')).toBe(villageKey('多巴一村'));
    expect(villageKey('多巴一村民委员会')).toBe('多巴一村');
    expect(villageKey('多巴金城社区居委会')).toBe('多巴金城社区');
  });
});
