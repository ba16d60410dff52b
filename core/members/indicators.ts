/**
 * Structure indicators of newly admitted members (domain.md §3, §6): the 35岁及以下 share against its
 * target, and the shares 发展党员情况 reports ask for. The 党内统计 counts 发展党员 "依据上级党组织审批情况":
 * "admitted in a period" means P (节点17, 上级党委审批) in the period, whatever the date of the 支部大会 (Z),
 * and ages are taken at P.
 */
import { educationGroup, HAN_CODE, type Occupation } from '../people/codes';
import { ageAt } from './dates';
import { keyDate, type MemberRecord } from './record';
import { valid } from './rules-context';

export const AGE_BANDS = ['25岁及以下', '26至30岁', '31至35岁', '36至40岁', '41至59岁', '60岁及以上'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The 党内统计 age columns. */
export function ageBand(age: number): AgeBand {
  if (age <= 25) return '25岁及以下';
  if (age <= 30) return '26至30岁';
  if (age <= 35) return '31至35岁';
  if (age <= 40) return '36至40岁';
  if (age <= 59) return '41至59岁';
  return '60岁及以上';
}

/**
 * Occupations counted as 生产工作一线 by default. The 党内统计 notion also covers 专业技术人员 only where they
 * work in the 一线, which an occupation alone cannot tell: this list is our choice, a setting can replace
 * it, and a person's explicit `frontLine` flag wins either way.
 */
export const DEFAULT_FRONT_LINE_OCCUPATIONS: readonly Occupation[] = [
  '工人（工勤技能人员）',
  '农牧渔民',
  '企事业单位、社会组织专业技术人员',
];

const COLLEGE_GROUPS = new Set(['研究生', '大学本科', '大学专科']);

/** 大专及以上: the 学历 groups 研究生, 大学本科 and 大学专科. */
export function isCollegeOrAbove(education: string | undefined | null): boolean {
  return COLLEGE_GROUPS.has(educationGroup(education) ?? '');
}

export interface IndicatorOptions {
  frontLineOccupations?: readonly string[];
  /** 35: "35岁及以下" counts age at P ≤ this. */
  youthMaxAge?: number;
  /** 0.8: the ≥ 80% target. */
  youthTarget?: number;
}

export interface Share {
  count: number;
  /** count / total; null when nobody was admitted in the period. */
  share: number | null;
}

export interface AdmissionIndicators {
  period: { from: string; to: string };
  total: number;
  youth: Share & { maxAge: number; target: number; met: boolean | null };
  female: Share;
  minority: Share;
  collegeOrAbove: Share;
  farmers: Share;
  frontLine: Share;
  leagueMembers: Share;
  leagueRecommended: Share;
  ageBands: Record<AgeBand, number>;
  /** Admitted people without a birth date: counted in the total, in no band and not as 35岁及以下. */
  unknownAge: number;
}

/** The date that makes a person 发展 in a period: 上级党委审批 (节点17). */
export const COUNT_DATE_KEY = 'P' as const;

/** What a page or report says about its counting, so a reader never has to guess which date counts. */
export const COUNT_BASIS = '按上级党委审批日期（节点17）统计';

/** Whose approval (P) falls in [from, to], both days included; a vote (Z) not yet approved does not count. */
export function admittedIn(records: readonly MemberRecord[], from: string, to: string): MemberRecord[] {
  return records.filter((r) => {
    const p = keyDate(r, COUNT_DATE_KEY);
    return p !== undefined && p >= from && p <= to;
  });
}

/** Age on the approval date (P), as the 党内统计 age columns read; undefined without a birth date or P. */
export function ageAtApproval(r: MemberRecord): number | undefined {
  const birth = valid(r.person.birthDate);
  const p = keyDate(r, COUNT_DATE_KEY);
  return birth && p ? ageAt(birth, p) : undefined;
}

export function admissionIndicators(
  records: readonly MemberRecord[],
  period: { from: string; to: string },
  options: IndicatorOptions = {},
): AdmissionIndicators {
  const maxAge = options.youthMaxAge ?? 35;
  const target = options.youthTarget ?? 0.8;
  const frontLineList = new Set<string>(options.frontLineOccupations ?? DEFAULT_FRONT_LINE_OCCUPATIONS);
  const admitted = admittedIn(records, period.from, period.to);
  const total = admitted.length;
  const share = (pred: (r: MemberRecord) => boolean): Share => {
    const count = admitted.filter(pred).length;
    return { count, share: total === 0 ? null : count / total };
  };
  const ageOf = (r: MemberRecord) => ageAtApproval(r);

  const bands = Object.fromEntries(AGE_BANDS.map((b) => [b, 0])) as Record<AgeBand, number>;
  let unknownAge = 0;
  for (const r of admitted) {
    const age = ageOf(r);
    if (age === undefined) unknownAge += 1;
    else bands[ageBand(age)] += 1;
  }

  const youth = share((r) => {
    const age = ageOf(r);
    return age !== undefined && age <= maxAge;
  });
  return {
    period,
    total,
    youth: { ...youth, maxAge, target, met: youth.share === null ? null : youth.share >= target },
    female: share((r) => r.person.gender === '女'),
    minority: share((r) => !!r.person.ethnicity && r.person.ethnicity !== HAN_CODE),
    collegeOrAbove: share((r) => isCollegeOrAbove(r.person.education)),
    farmers: share((r) => r.person.occupation === '农牧渔民'),
    frontLine: share((r) => r.person.frontLine ?? frontLineList.has(r.person.occupation ?? '')),
    leagueMembers: share((r) => r.person.isLeagueMember === true),
    leagueRecommended: share((r) => r.person.hasLeagueRecommendation === true),
    ageBands: bands,
    unknownAge,
  };
}
