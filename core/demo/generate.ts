/**
 * Demo data for 多巴镇 with its real villages: realistic enough to explore every page, deterministic so that a
 * screenshot today matches one tomorrow. It only ever runs in the separate demo data folder.
 */
import { recordAudit } from '../audit/service';
import { inTransaction, today, type LedgerContext } from '../context';
import { pinyinSortKey } from '../people/pinyin';
import { LedgerError } from '../errors';
import { defaultUnitName, seedCountyName, seedTowns, seedUnits } from '../org/seed';
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
  /** Any township of the seed list (default 多巴镇), so a district's merge can be tried on several. */
  town?: string;
}

/** A seed of its own per township, so two demo townships have different people and figures. */
export function townSeed(town: string): number {
  if (town === DEMO_TOWN) return 20261127;
  let h = 2166136261;
  for (const ch of town) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h;
}

/** The township's name as the seed list has it, or a LedgerError naming the ones it has. */
export function demoTown(town: string | undefined): string {
  const name = (town ?? DEMO_TOWN).trim();
  if (!seedUnits(name).length) {
    throw new LedgerError('INVALID_INPUT', `区划名单中没有“${name}”，不能为它生成演示数据。`, {
      hint: `可选：${seedTowns().map((t) => t.name).join('、')}`,
    });
  }
  return name;
}

/** The demo township's settings, villages and one 党支部 each, as first-run setup would leave them. */
export function seedDemoTownship(ctx: LedgerContext, opts: { isDemo?: boolean; town?: string } = {}): { county: string; units: { id: number; name: string; branchId: number; hukou: string }[] } {
  const county = seedCountyName();
  const town = opts.town ?? DEMO_TOWN;
  writeSettings(ctx, {
    countyName: county,
    townName: town,
    unitName: defaultUnitName(county, town),
    fillerName: '张明',
    reviewerName: '李红梅',
    phone: '0971-2231234',
    isDemo: opts.isDemo ?? true,
    setUp: true,
  });
  const insertUnit = ctx.sqlite.prepare('INSERT INTO org_units (name, kind, sort_order) VALUES (?, ?, ?)');
  const insertBranch = ctx.sqlite.prepare('INSERT INTO branches (unit_id, name, kind) VALUES (?, ?, ?)');
  const units = seedUnits(town).map((unit, index) => {
    const id = Number(insertUnit.run(unit.name, unit.kind, index + 1).lastInsertRowid);
    const branchId = Number(insertBranch.run(id, `中共${town}${unit.name}支部委员会`, '党支部').lastInsertRowid);
    return { id, name: unit.name, branchId, hukou: `青海省西宁市${county}${town}${unit.name}` };
  });
  return { county, units };
}

export function generateDemo(ctx: LedgerContext, opts: DemoOptions = {}): { units: number; people: number } {
  const town = demoTown(opts.town);
  const rand = seededRandom(opts.seed ?? townSeed(town));
  const perUnit = opts.peoplePerUnit ?? 14;
  const now = today(ctx);

  return inTransaction(ctx, () => {
    const { units } = seedDemoTownship(ctx, { town });
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
    recordAudit(ctx, { entity: 'settings', action: '生成演示数据', summary: `生成演示数据：${town}，村（社区）${units.length} 个，人员 ${peopleCount} 人，后备人才 ${reserves} 人，服务中心 ${centres} 个` });
    return { units: units.length, people: peopleCount };
  });
}
