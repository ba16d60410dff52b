/**
 * Demo data for 多巴镇 with its real villages: realistic enough to explore every page, deterministic so that a
 * screenshot today matches one tomorrow. It only ever runs in the separate demo data folder.
 */
import dayjs from 'dayjs';
import { recordAudit } from '../audit/service';
import { inTransaction, today, type LedgerContext } from '../context';
import { JOB_POSTS, OCCUPATIONS } from '../people/codes';
import { idCheckChar } from '../people/idcard';
import { pinyinSortKey } from '../people/pinyin';
import { defaultUnitName, seedCountyName, seedUnits } from '../org/seed';
import { writeSettings } from '../org/settings';
import { generateDemoMembers } from './members';

export const DEMO_TOWN = '多巴镇';

/** mulberry32: a tiny seeded generator, so demo data is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exported for the pinyin sort key's tests, which check it against the names the demo really makes. */
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

export interface DemoOptions {
  peoplePerUnit?: number;
  seed?: number;
}

export function generateDemo(ctx: LedgerContext, opts: DemoOptions = {}): { units: number; people: number } {
  const rand = seededRandom(opts.seed ?? 20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const perUnit = opts.peoplePerUnit ?? 14;
  const county = seedCountyName();
  const units = seedUnits(DEMO_TOWN);
  const now = today(ctx);

  return inTransaction(ctx, () => {
    writeSettings(ctx, {
      countyName: county,
      townName: DEMO_TOWN,
      unitName: defaultUnitName(county, DEMO_TOWN),
      fillerName: '张明',
      reviewerName: '李红梅',
      phone: '0971-2231234',
      isDemo: true,
      setUp: true,
    });
    const insertUnit = ctx.sqlite.prepare('INSERT INTO org_units (name, kind, sort_order) VALUES (?, ?, ?)');
    const insertBranch = ctx.sqlite.prepare('INSERT INTO branches (unit_id, name, kind) VALUES (?, ?, ?)');
    const insertPerson = ctx.sqlite.prepare(
      `INSERT INTO people (name, gender, ethnicity, birth_date, id_number, education, occupation, job_post, unit_id, phone, hukou, sort_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const usedIds = new Set<string>();
    let peopleCount = 0;
    units.forEach((unit, index) => {
      const unitId = Number(insertUnit.run(unit.name, unit.kind, index + 1).lastInsertRowid);
      insertBranch.run(unitId, `中共${DEMO_TOWN}${unit.name}支部委员会`, '党支部');
      for (let i = 0; i < perUnit; i++) {
        const gender = rand() < 0.42 ? '女' : '男';
        const age = 18 + Math.floor(rand() * rand() * 50);
        const birth = dayjs(now).subtract(age, 'year').subtract(Math.floor(rand() * 365), 'day');
        const idNumber = uniqueIdNumber(birth.format('YYYYMMDD'), gender, rand, usedIds);
        const ethnicity = weighted(ETHNIC_MIX, rand);
        const occupation = age < 23 && rand() < 0.3 ? '学生' : rand() < 0.62 ? '农牧渔民' : pick(OCCUPATIONS.filter((o) => o !== '学生'));
        const education = pick(EDUCATION_BY_AGE.find(([max]) => age <= max)![1]);
        const given = gender === '男' ? GIVEN_MALE : GIVEN_FEMALE;
        const name = pick(SURNAMES) + pick(given) + (rand() < 0.6 ? pick(given) : '');
        insertPerson.run(
          name,
          gender,
          ethnicity,
          birth.format('YYYY-MM-DD'),
          idNumber,
          education,
          occupation,
          rand() < 0.3 ? pick(JOB_POSTS) : null,
          unitId,
          `13${Math.floor(rand() * 1e9).toString().padStart(9, '0')}`,
          `青海省西宁市${county}${DEMO_TOWN}${unit.name}`,
          pinyinSortKey(name),
        );
        peopleCount++;
      }
    });
    generateDemoMembers(ctx, rand);
    recordAudit(ctx, { entity: 'settings', action: '生成演示数据', summary: `生成演示数据：${DEMO_TOWN}，村（社区）${units.length} 个，人员 ${peopleCount} 人` });
    return { units: units.length, people: peopleCount };
  });
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
