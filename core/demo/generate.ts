/**
 * Demo data for 多巴镇 with its real villages: realistic enough to explore every page, deterministic so that a
 * screenshot today matches one tomorrow. It only ever runs in the separate demo data folder.
 */
import { recordAudit } from '../audit/service';
import { inTransaction, today, type LedgerContext } from '../context';
import { pinyinSortKey } from '../people/pinyin';
import { defaultUnitName, seedCountyName, seedUnits } from '../org/seed';
import { writeSettings } from '../org/settings';
import { generateDemoMembers } from './members';
import { generateDemoReserves } from './reserves';
import { generateDemoCentres } from './centres';
import { demoPerson } from './people';

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

export interface DemoOptions {
  peoplePerUnit?: number;
  seed?: number;
}

/** The demo township's settings, villages and one 党支部 each, as first-run setup would leave them. */
export function seedDemoTownship(ctx: LedgerContext, opts: { isDemo?: boolean } = {}): { county: string; units: { id: number; name: string; branchId: number; hukou: string }[] } {
  const county = seedCountyName();
  writeSettings(ctx, {
    countyName: county,
    townName: DEMO_TOWN,
    unitName: defaultUnitName(county, DEMO_TOWN),
    fillerName: '张明',
    reviewerName: '李红梅',
    phone: '0971-2231234',
    isDemo: opts.isDemo ?? true,
    setUp: true,
  });
  const insertUnit = ctx.sqlite.prepare('INSERT INTO org_units (name, kind, sort_order) VALUES (?, ?, ?)');
  const insertBranch = ctx.sqlite.prepare('INSERT INTO branches (unit_id, name, kind) VALUES (?, ?, ?)');
  const units = seedUnits(DEMO_TOWN).map((unit, index) => {
    const id = Number(insertUnit.run(unit.name, unit.kind, index + 1).lastInsertRowid);
    const branchId = Number(insertBranch.run(id, `中共${DEMO_TOWN}${unit.name}支部委员会`, '党支部').lastInsertRowid);
    return { id, name: unit.name, branchId, hukou: `青海省西宁市${county}${DEMO_TOWN}${unit.name}` };
  });
  return { county, units };
}

export function generateDemo(ctx: LedgerContext, opts: DemoOptions = {}): { units: number; people: number } {
  const rand = seededRandom(opts.seed ?? 20261127);
  const perUnit = opts.peoplePerUnit ?? 14;
  const now = today(ctx);

  return inTransaction(ctx, () => {
    const { units } = seedDemoTownship(ctx);
    const insertPerson = ctx.sqlite.prepare(
      `INSERT INTO people (name, gender, ethnicity, birth_date, id_number, education, occupation, job_post, unit_id, phone, hukou, sort_key)
       VALUES (@name, @gender, @ethnicity, @birthDate, @idNumber, @education, @occupation, @jobPost, @unitId, @phone, @hukou, @sortKey)`,
    );
    const usedIds = new Set<string>();
    let peopleCount = 0;
    for (const unit of units) {
      for (let i = 0; i < perUnit; i++) {
        const person = demoPerson(rand, now, unit, usedIds);
        insertPerson.run({ ...person, sortKey: pinyinSortKey(person.name) });
        peopleCount++;
      }
    }
    generateDemoMembers(ctx, rand);
    const reserves = generateDemoReserves(ctx, rand);
    const centres = generateDemoCentres(ctx, rand);
    recordAudit(ctx, { entity: 'settings', action: '生成演示数据', summary: `生成演示数据：${DEMO_TOWN}，村（社区）${units.length} 个，人员 ${peopleCount} 人，后备人才 ${reserves} 人，服务中心 ${centres} 个` });
    return { units: units.length, people: peopleCount };
  });
}
