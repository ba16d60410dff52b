/**
 * 公民身份号码 (GB 11643-1999) rules. Pure, so the form gives instant feedback and the service has the final say.
 * The address code is never checked: residents keep old codes (湟中 630122 before 2020, 630106 after).
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { Gender } from './codes';

dayjs.extend(customParseFormat);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** Full-width digits and X, a lowercase x and any whitespace are what clerks paste from Word and WPS. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF38\uFF58x]/g, 'X')
    .replace(/[\s\u3000]/g, '');
}

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11]!;
}

export type IdCheck =
  | { ok: true; normalized: string; birthDate: string; gender: Gender }
  | { ok: false; normalized: string; message: string };

export function checkIdNumber(raw: string, today: string = dayjs().format('YYYY-MM-DD')): IdCheck {
  const normalized = normalizeIdNumber(raw);
  if (normalized.length !== 18) {
    return { ok: false, normalized, message: `身份证号应为18位，当前为${normalized.length}位` };
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { ok: false, normalized, message: '身份证号前17位须为数字，最后一位为数字或X' };
  }
  const birth = normalized.slice(6, 14);
  const parsed = dayjs(birth, 'YYYYMMDD', true);
  if (!parsed.isValid()) {
    return { ok: false, normalized, message: `身份证号中的出生日期 ${birth} 不是有效日期` };
  }
  const birthDate = parsed.format('YYYY-MM-DD');
  if (birthDate > today || birthDate < '1850-01-01') {
    return { ok: false, normalized, message: `身份证号中的出生日期 ${birthDate} 不合理` };
  }
  if (normalized[17] !== idCheckChar(normalized)) {
    return { ok: false, normalized, message: '身份证号校验位不正确，请核对是否录错' };
  }
  const gender: Gender = Number(normalized[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, normalized, birthDate, gender };
}

/** Lists show 6301**********123X: enough to tell people apart, not enough to misuse. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export interface IdConsistency {
  birthDateMismatch: boolean;
  genderMismatch: boolean;
}

/** A mismatch is flagged, not refused: the number is the authority, but the clerk may be mid-edit. */
export function compareWithId(check: IdCheck, birthDate?: string | null, gender?: string | null): IdConsistency {
  if (!check.ok) return { birthDateMismatch: false, genderMismatch: false };
  return {
    birthDateMismatch: !!birthDate && birthDate !== check.birthDate,
    genderMismatch: !!gender && gender !== check.gender,
  };
}
