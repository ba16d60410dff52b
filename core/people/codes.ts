/** Code lists from domain.md §2. Pure data, shared by the renderer (pick lists) and core (validation, reports). */
export { ETHNICITIES, HAN_CODE, ethnicityName, type EthnicityCode } from './ethnicity-codes';

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

/** GB/T 4658-2006 education codes offered in the form; the detailed 毕业/结业/肄业 codes map the same way. */
export const EDUCATIONS = [
  { code: '11', name: '博士研究生' },
  { code: '14', name: '硕士研究生' },
  { code: '17', name: '研究生班' },
  { code: '21', name: '大学本科' },
  { code: '31', name: '大学专科' },
  { code: '41', name: '中等专科' },
  { code: '44', name: '职业高中' },
  { code: '47', name: '技工学校' },
  { code: '61', name: '普通高中' },
  { code: '71', name: '初中' },
  { code: '81', name: '小学' },
  { code: '90', name: '其他' },
] as const;

/** The six 党内统计 education groups, in report column order. */
export const EDUCATION_GROUPS = ['研究生', '大学本科', '大学专科', '中专', '高中中技', '初中及以下'] as const;
export type EducationGroup = (typeof EDUCATION_GROUPS)[number];

export function educationName(code: string | null | undefined): string {
  return EDUCATIONS.find((e) => e.code === code)?.name ?? '';
}

/** Maps any GB/T 4658 code (two digits) to its 党内统计 group (domain.md 附录 B). */
export function educationGroup(code: string | null | undefined): EducationGroup | null {
  if (!code || !/^\d{2}$/.test(code)) return null;
  const n = Number(code);
  if (n >= 10 && n <= 19) return '研究生';
  if (n >= 20 && n <= 29) return '大学本科';
  if (n >= 30 && n <= 39) return '大学专科';
  if (n >= 41 && n <= 43) return '中专';
  if ((n >= 44 && n <= 49) || (n >= 60 && n <= 69)) return '高中中技';
  if (n >= 70) return '初中及以下';
  return null;
}

/** 党内统计 occupation categories, in report row order. */
export const OCCUPATIONS = [
  '工人（工勤技能人员）',
  '农牧渔民',
  '企事业单位、社会组织专业技术人员',
  '企事业单位、社会组织管理人员',
  '党政机关工作人员',
  '学生',
  '其他职业人员',
  '离退休人员',
] as const;
export type Occupation = (typeof OCCUPATIONS)[number];

/** Finer 工作岗位 suggestions; the field stays free text because townships use their own. */
export const JOB_POSTS = [
  '外出务工经商人员',
  '乡村医生',
  '乡村教师',
  '个体工商户',
  '自由职业',
  '退役军人',
  '村干部',
  '合作社负责人',
  '致富带头人',
  '返乡大学生',
] as const;

export const UNIT_KINDS = ['村', '社区', '机关', '两新组织'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const BRANCH_KINDS = ['党支部', '党总支', '党委'] as const;
export type BranchKind = (typeof BRANCH_KINDS)[number];
