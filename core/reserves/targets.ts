/**
 * Target against actual, per village and for the township. Pure arithmetic over counts the SQL has already made,
 * so the plan page, 首页 and the 统计表 say the same thing.
 */
import { EDUCATION_GROUPS, type EducationGroup } from '../people/codes';
import type { ReserveConfig } from './config-schema';

export interface VillageCounts {
  unitId: number;
  unitName: string;
  /** 在库 only. */
  pool: number;
  secretaries: number;
  women: number;
  young: number;
  /** At or above the plan's 学历 group. */
  educated: number;
}

export interface VillageGap {
  unitId: number;
  unitName: string;
  target: number;
  actual: number;
  gap: number;
  secretaryTarget: number;
  secretaries: number;
  secretaryGap: number;
  /** Chinese lines for each shortfall, empty when the village meets the plan. */
  shortfalls: string[];
}

/** Is this 学历 group at or above the minimum? Groups run from highest (研究生) to lowest. */
export function meetsEducation(group: EducationGroup | null, min: EducationGroup): boolean {
  if (!group) return false;
  return EDUCATION_GROUPS.indexOf(group) <= EDUCATION_GROUPS.indexOf(min);
}

/** The groups at or above a minimum, for SQL IN lists. */
export function groupsAtLeast(min: EducationGroup): EducationGroup[] {
  return EDUCATION_GROUPS.slice(0, EDUCATION_GROUPS.indexOf(min) + 1);
}

/** Whole-percent share, rounded down so 49.9% never reads as meeting 50%. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((part * 100) / whole);
}

export function villageGap(c: VillageCounts, plan: ReserveConfig['plan']): VillageGap {
  const gap = Math.max(0, plan.minPerVillage - c.pool);
  const secretaryGap = Math.max(0, plan.minSecretaryPerVillage - c.secretaries);
  const shortfalls: string[] = [];
  if (gap > 0) shortfalls.push(`在库 ${c.pool} 人，少于 ${plan.minPerVillage} 人（差 ${gap} 人）`);
  if (secretaryGap > 0) shortfalls.push(c.secretaries === 0 ? '无书记后备人选' : `书记后备 ${c.secretaries} 人，少于 ${plan.minSecretaryPerVillage} 人`);
  if (plan.womanPerVillage && c.pool > 0 && c.women === 0) shortfalls.push('无女性后备人才');
  if (c.pool > 0 && percentOf(c.young, c.pool) < plan.youngSharePercent) {
    shortfalls.push(`35岁及以下占 ${percentOf(c.young, c.pool)}%，低于 ${plan.youngSharePercent}%`);
  }
  if (c.educated < c.pool) shortfalls.push(`${c.pool - c.educated} 人学历低于${plan.minEducationGroup}`);
  return {
    unitId: c.unitId,
    unitName: c.unitName,
    target: plan.minPerVillage,
    actual: c.pool,
    gap,
    secretaryTarget: plan.minSecretaryPerVillage,
    secretaries: c.secretaries,
    secretaryGap,
    shortfalls,
  };
}

/** The township line: targets and actuals add up over villages; the gap is the sum of each village's gap. */
export function townshipGap(gaps: readonly VillageGap[]): Pick<VillageGap, 'target' | 'actual' | 'gap' | 'secretaryTarget' | 'secretaries' | 'secretaryGap'> {
  const sum = (f: (g: VillageGap) => number) => gaps.reduce((s, g) => s + f(g), 0);
  return {
    target: sum((g) => g.target),
    actual: sum((g) => g.actual),
    gap: sum((g) => g.gap),
    secretaryTarget: sum((g) => g.secretaryTarget),
    secretaries: sum((g) => g.secretaries),
    secretaryGap: sum((g) => g.secretaryGap),
  };
}
