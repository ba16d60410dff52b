/**
 * Demo people: names, ages, 民族, schooling and work in 湟中's proportions, with valid, unique 公民身份号码.
 * The demo township and the district benchmark both make their people here.
 */
import dayjs from 'dayjs';
import { JOB_POSTS, OCCUPATIONS } from '../people/codes';
import { idCheckChar } from '../people/idcard';
import type { PersonInput } from '../people/schemas';

/** Exported so tests can check name handling against the names the demo really makes. */
export const SURNAMES = '马李王张赵刘陈杨祁韩冶鲁汪星朱何胡白铁苏罗谢徐孙周吴郭'.split('');
export const GIVEN_MALE = '文明国建军海永福德成志强生才忠平安顺发祥瑞晓东才让加军林'.split('');
export const GIVEN_FEMALE = '兰秀梅玉芳春花丽娟红霞雪莲英卓玛措萍燕桂琴'.split('');
/** Older villagers mostly left school early; the young mostly finished 高中 or more. */
const EDUCATION_BY_AGE: [maxAge: number, codes: string[]][] = [
  [30, ['21', '31', '31', '41', '61', '61', '71']],
  [50, ['31', '41', '61', '71', '71', '71', '81']],
  [200, ['61', '71', '71', '81', '81', '90']],
];
/** Roughly 湟中's mix: 汉, 回, 藏, 土, 撒拉, 蒙古. */
const ETHNIC_MIX: [string, number][] = [['01', 0.58], ['03', 0.16], ['04', 0.12], ['30', 0.1], ['35', 0.02], ['02', 0.02]];

export type DemoPerson = PersonInput & { gender: '男' | '女'; birthDate: string };

/**
 * One person of `unit`, as of `now`. `usedIds` holds the numbers already given out, so none repeats; `rand` is
 * drawn in a fixed order, so the same seed makes the same people.
 */
export function demoPerson(rand: () => number, now: string, unit: { id: number; hukou: string }, usedIds: Set<string>): DemoPerson {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const gender = rand() < 0.42 ? '女' : '男';
  const age = 18 + Math.floor(rand() * rand() * 50);
  const birth = dayjs(now).subtract(age, 'year').subtract(Math.floor(rand() * 365), 'day');
  const idNumber = uniqueIdNumber(birth.format('YYYYMMDD'), gender, rand, usedIds);
  const ethnicity = weighted(ETHNIC_MIX, rand);
  const occupation = age < 23 && rand() < 0.3 ? '学生' : rand() < 0.62 ? '农牧渔民' : pick(OCCUPATIONS.filter((o) => o !== '学生'));
  const education = pick(EDUCATION_BY_AGE.find(([max]) => age <= max)![1]);
  const given = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
  return {
    name: pick(SURNAMES) + pick(given) + (rand() < 0.6 ? pick(given) : ''),
    gender,
    ethnicity,
    birthDate: birth.format('YYYY-MM-DD'),
    idNumber,
    education,
    occupation,
    jobPost: rand() < 0.3 ? pick(JOB_POSTS) : null,
    unitId: unit.id,
    phone: `13${Math.floor(rand() * 1e9).toString().padStart(9, '0')}`,
    hukou: unit.hukou,
  };
}

function weighted(mix: [string, number][], rand: () => number): string {
  let r = rand();
  for (const [code, weight] of mix) {
    if ((r -= weight) < 0) return code;
  }
  return mix[0]![0];
}

/** 湟中 residents carry 630122 (before 2020) or 630106; the sequence's parity encodes gender. */
function uniqueIdNumber(birth: string, gender: string, rand: () => number, used: Set<string>): string {
  for (;;) {
    const area = rand() < 0.7 ? '630122' : '630106';
    let seq = Math.floor(rand() * 500) * 2 + (gender === '男' ? 1 : 0);
    seq = seq % 1000;
    const first17 = `${area}${birth}${seq.toString().padStart(3, '0')}`;
    const id = first17 + idCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}
