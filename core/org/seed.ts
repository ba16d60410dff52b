/** The seed list the clerk picks their township from on first run. Data, never wired into logic. */
import seed from './seed/huangzhong-units.json';
import type { UnitKind } from '../people/codes';

interface SeedFile {
  county: { name: string; code: string };
  towns: { name: string; code: string; kind: string; units: { name: string; kind: string }[] }[];
}

const data = seed as SeedFile;

export function seedCountyName(): string {
  return data.county.name;
}

/** The 6-digit 行政区划代码 of the county, when it is the seed list's; null otherwise. */
export function seedCountyCode(countyName: string): string | null {
  return countyName && countyName === data.county.name ? data.county.code : null;
}

/** The 9-digit code of a township of the seed list; null for a name it does not know. */
export function seedTownCode(townName: string): string | null {
  return data.towns.find((t) => t.name === townName)?.code ?? null;
}

export function seedTowns() {
  return data.towns.map((t) => ({ name: t.name, kind: t.kind, code: t.code, unitCount: t.units.length }));
}

/** Statistical names (…村委会, …社区居民委员会) become the names clerks write (…村, …社区). */
export function displayUnitName(statName: string): string {
  return statName
    .replace(/村民委员会$|村委会$/, '村')
    .replace(/社区居民委员会$/, '社区')
    .replace(/居民委员会$|居委会$/, '社区');
}

export function seedUnits(townName: string): { name: string; kind: UnitKind }[] {
  const town = data.towns.find((t) => t.name === townName);
  if (!town) return [];
  return town.units.map((u) => ({ name: displayUnitName(u.name), kind: u.kind === '社区' ? '社区' : '村' }));
}

/** The 填报单位 a township's reports carry by default: 党委 for 乡镇, 党工委 for 街道 and parks. */
export function defaultUnitName(countyName: string, townName: string): string {
  const kind = data.towns.find((t) => t.name === townName)?.kind;
  const body = kind === '街道' || kind === '其他' ? '工作委员会' : '委员会';
  return `中共${countyName}${townName}${body}`;
}
