/**
 * Turning what clerks typed into Excel into the ledger's values. Each reader returns the value or a Chinese reason
 * that names what was found, so the preview can show it at its sheet, row and column. Pure.
 */
import dayjs from 'dayjs';
import { EDUCATIONS, ETHNICITIES, OCCUPATIONS } from '../people/codes';
import { checkIdNumber } from '../people/idcard';
import type { PlainValue } from '../excel/read';
import { halfWidth } from './names';
export { halfWidth, villageKey } from './names';

export type Read<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

const ok = <T>(value: T, note?: string): Read<T> => (note ? { ok: true, value, note } : { ok: true, value });
const bad = (message: string): Read<never> => ({ ok: false, message });

export function cellText(v: PlainValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return halfWidth(v);
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
function fromSerial(serial: number): string {
  return dayjs('1899-12-30').add(Math.floor(serial), 'day').format('YYYY-MM-DD');
}

/**
 * Dates as Excel serials, 2023-05-12, 2023.05.12, 2023/5/12, 2023年5月12日, 20230512, or month only (2023.5,
 * 2023年5月): the 1st, flagged "仅到月" for the clerk to complete.
 */
export function readDate(v: PlainValue): Read<string | null> & { monthOnly?: boolean } {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return ok(null);
  if (typeof v === 'number') {
    if (v > 20000 && v < 80000 && Number.isInteger(Math.floor(v))) return ok(fromSerial(v));
    if (/^(19|20)\d{6}$/.test(String(v))) return readDate(String(v));
    // 2023.5 typed as a number: month only.
    const m = /^((?:19|20)\d{2})\.(\d{1,2})$/.exec(String(v));
    if (m) return readDate(`${m[1]}.${m[2]}`);
    return bad(`“${v}”不是日期`);
  }
  const text = halfWidth(String(v)).replace(/\s+/g, '');
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return dayjs(iso, 'YYYY-MM-DD', true).isValid() ? ok(iso) : bad(`“${v}”不是有效日期`);
  }
  m = /^(\d{4})[-./年](\d{1,2})月?$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    return { ok: true, value: `${m[1]}-${m[2]!.padStart(2, '0')}-01`, note: '仅到月，已按当月1日录入，请补全日期', monthOnly: true };
  }
  return bad(`“${v}”不是可识别的日期（可写作 2023-05-12、2023.5.12、2023/5/12 或 2023年5月12日）`);
}

/**
 * 公民身份号码 as text, or as a number: Excel keeps 15 significant digits, so an 18-digit number has lost its last
 * ones; it is accepted only when the check character still passes. Scientific notation has lost them for sure.
 */
export function readIdNumber(v: PlainValue, today: string): Read<string> {
  if (v === null || v === '') return bad('缺少公民身份号码');
  let text: string;
  if (typeof v === 'number') {
    // Excel keeps 15 significant digits, shown as the zeros String() gives back; the check character decides.
    text = Number.isInteger(v) ? String(v) : '';
    const lost = text.length === 18 && !checkIdNumber(text, today).ok;
    if (!text || lost) return bad(`公民身份号码被 Excel 存成了数字（${text || v}），末尾几位已丢失，请把该列设为文本后重新填写`);
  } else if (typeof v === 'string') {
    text = halfWidth(v).replace(/\s+/g, '');
    if (/^\d(\.\d+)?e\+?\d+$/i.test(text)) return bad(`公民身份号码显示为科学计数法（${text}），末尾几位已丢失，请把该列设为文本后重新填写`);
  } else {
    return bad('公民身份号码应为文本');
  }
  const check = checkIdNumber(text, today);
  if (!check.ok) return bad(`公民身份号码有误：${check.message}`);
  return ok(check.normalized);
}

const ETHNICITY_BY_NAME = new Map<string, string>(ETHNICITIES.flatMap((e) => [[e.name, e.code], [e.name.replace(/族$/, ''), e.code], [e.code, e.code], [String(Number(e.code)), e.code]]));

/** 民族 by name or code, with or without 族 (汉, 汉族, 01, 1). */
export function readEthnicity(v: PlainValue): Read<string | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return ok(null);
  const code = ETHNICITY_BY_NAME.get(text) ?? ETHNICITY_BY_NAME.get(text.replace(/族$/, ''));
  return code ? ok(code) : bad(`民族“${text}”不在 56 个民族中`);
}

/** Common wordings of 学历 mapped to GB/T 4658 codes. */
const EDUCATION_WORDS: [RegExp, string][] = [
  [/博士/, '11'],
  [/硕士|研究生/, '14'],
  [/本科|大学$|学士/, '21'],
  [/大专|专科|高职/, '31'],
  [/中专|中等专科|中师/, '41'],
  [/职高|职业高中/, '44'],
  [/技校|技工/, '47'],
  [/高中|高级中学/, '61'],
  [/初中|初级中学/, '71'],
  [/小学/, '81'],
  [/文盲|半文盲|无|其他/, '90'],
];

export function readEducation(v: PlainValue): Read<string | null> {
  const text = cellText(v).replace(/\s+/g, '').replace(/毕业|肄业|结业|学历|文化/g, '');
  if (!text) return ok(null);
  if (EDUCATIONS.some((e) => e.code === text)) return ok(text);
  const byName = EDUCATIONS.find((e) => e.name === text);
  if (byName) return ok(byName.code);
  const hit = EDUCATION_WORDS.find(([re]) => re.test(text));
  return hit ? ok(hit[1]) : bad(`学历“${cellText(v)}”无法识别（可写大学本科、大专、中专、高中、初中等）`);
}

const OCCUPATION_WORDS: [RegExp, (typeof OCCUPATIONS)[number]][] = [
  [/农|牧|渔|村民|务农|外出务工|打工/, '农牧渔民'],
  [/工人|工勤/, '工人（工勤技能人员）'],
  [/教师|医生|护士|技术|工程师|会计/, '企事业单位、社会组织专业技术人员'],
  [/经理|管理|厂长|主管/, '企事业单位、社会组织管理人员'],
  [/公务员|机关|干部|党政/, '党政机关工作人员'],
  [/学生/, '学生'],
  [/退休|离休/, '离退休人员'],
];

export function readOccupation(v: PlainValue): Read<string | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return ok(null);
  const exact = OCCUPATIONS.find((o) => o === text);
  if (exact) return ok(exact);
  const hit = OCCUPATION_WORDS.find(([re]) => re.test(text));
  return ok(hit ? hit[1] : '其他职业人员', hit ? undefined : `职业“${text}”按其他职业人员录入`);
}

export function readGender(v: PlainValue): Read<'男' | '女' | null> {
  const text = cellText(v);
  if (!text) return ok(null);
  if (/^(男|男性|M|1)$/i.test(text)) return ok('男');
  if (/^(女|女性|F|2)$/i.test(text)) return ok('女');
  return bad(`性别“${text}”应为男或女`);
}

export function readNumber(v: PlainValue, label: string): Read<number | null> {
  if (v === null || v === '') return ok(null);
  if (typeof v === 'number') return ok(v);
  const text = cellText(v).replace(/[,，\s]/g, '').replace(/(元|㎡|平方米|平米|m2|%)$/i, '');
  if (text === '') return ok(null);
  const n = Number(text);
  return Number.isFinite(n) ? ok(n) : bad(`${label}“${cellText(v)}”不是数字`);
}
