import { describe, expect, it } from 'vitest';
import { checkIdNumber, compareWithId, idCheckChar, maskIdNumber, normalizeIdNumber } from '../../core/people/idcard';

describe('公民身份号码 (GB 11643)', () => {
  it('accepts the standard examples and derives birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X')).toMatchObject({ ok: true, birthDate: '1949-12-31', gender: '女' });
    expect(checkIdNumber('440524188001010014')).toMatchObject({ ok: true, birthDate: '1880-01-01', gender: '男' });
  });

  it('normalises full-width digits, lowercase x and spaces', () => {
    expect(normalizeIdNumber(' １１０１０５ 19491231002x ')).toBe('11010519491231002X');
    expect(checkIdNumber('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('rejects a wrong check character with a Chinese reason', () => {
    const result = checkIdNumber('110105194912310021');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('校验位');
  });

  it('rejects wrong length, letters inside and impossible dates', () => {
    expect(checkIdNumber('11010519491231002')).toMatchObject({ ok: false, message: expect.stringContaining('18位') });
    expect(checkIdNumber('1101051949A231002X')).toMatchObject({ ok: false });
    expect(checkIdNumber('110105194902300028')).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') });
  });

  it('never rejects on the address code (湟中 630122 and 630106 both pass, so does an unknown one)', () => {
    for (const area of ['630122', '630106', '999999']) {
      const first17 = `${area}19900101001`;
      expect(checkIdNumber(first17 + idCheckChar(first17)).ok).toBe(true);
    }
  });

  it('rejects a birth date in the future', () => {
    expect(checkIdNumber('11010520990101001X', '2026-11-27').ok).toBe(false);
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('63012219900101123X')).toBe('6301**********123X');
    expect(maskIdNumber('')).toBe('');
  });

  it('flags entered values that disagree with the number', () => {
    const check = checkIdNumber('11010519491231002X');
    expect(compareWithId(check, '1949-12-31', '女')).toEqual({ birthDateMismatch: false, genderMismatch: false });
    expect(compareWithId(check, '1950-01-01', '男')).toEqual({ birthDateMismatch: true, genderMismatch: true });
  });
});
