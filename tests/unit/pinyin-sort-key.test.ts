import { describe, expect, it } from 'vitest';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../../core/demo/people';
import { seedTowns, seedUnits } from '../../core/org/seed';
import { comparePinyin, pinyinSortKey } from '../../core/people/pinyin';

const keys = new Map<string, string>();
const keyOf = (name: string) => keys.get(name) ?? (keys.set(name, pinyinSortKey(name)), keys.get(name)!);
const byKey = (a: string, b: string) => {
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const sortedByKey = (names: string[]) => [...names].sort(byKey);

/** The demo generator's names, and the district's real village and town names (core/org/seed, from shared data). */
function realisticNames(): string[] {
  const names = new Set<string>();
  for (const s of SURNAMES) {
    for (const g of [...GIVEN_MALE, ...GIVEN_FEMALE]) {
      names.add(s + g);
      for (const h of GIVEN_FEMALE.slice(0, 5)) names.add(s + g + h);
    }
  }
  for (const town of seedTowns()) {
    names.add(town.name);
    for (const unit of seedUnits(town.name)) names.add(unit.name);
  }
  for (const n of ['阿依古丽·买买提', '才让卓玛', '马_兰', '尕藏才让', '韩 梅', '星海', '冶福明']) names.add(n);
  return [...names];
}

/** The first character where two names differ, with its key segment less the character itself (syllable + tone). */
function firstDifference(a: string, b: string): [string, string] {
  const x = [...a];
  const y = [...b];
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const reading = (c: string | undefined) => (c ? pinyinSortKey(c).slice(0, -c.length) : '');
  return [reading(x[i]), reading(y[i])];
}

describe('pinyinSortKey', () => {
  it('orders realistic names as the ICU pinyin collator does, except homophones, which it orders by character', () => {
    const names = realisticNames();
    expect(names.length).toBeGreaterThan(5000);
    const icu = [...names].sort(comparePinyin);
    const disagreements: string[] = [];
    // Every pair among near neighbours in ICU order: that is where an ordering mistake would show.
    for (let i = 0; i < icu.length; i++) {
      for (let j = i + 1; j < Math.min(icu.length, i + 30); j++) {
        const [a, b] = [icu[i]!, icu[j]!];
        if (comparePinyin(a, b) === 0 || byKey(a, b) < 0) continue;
        const [ra, rb] = firstDifference(a, b);
        // 马 and 玛 are both mǎ: ICU has its own order for them, the key takes the code point.
        if (ra !== rb) disagreements.push(`${a} / ${b}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps each character’s names together among homophones', () => {
    expect(sortedByKey(['马兰', '玛丽', '马丽', '玛兰'])).toEqual(['玛兰', '玛丽', '马兰', '马丽']);
  });

  it('agrees with ICU on punctuation, digits, Latin letters, ü and characters without a reading', () => {
    const names = ['马', '马 丽', '马_兰', '马·丽', '马1', '马兰', '马丽', '马秀兰', '马a', '卢', '路', '驴', '吕', '律', '略', '罗', '努', '女', '虐', '𠀀', 'a', 'b'];
    expect(sortedByKey(names)).toEqual([...names].sort(comparePinyin));
  });

  it('reads a leading surname as a surname, which ICU cannot', () => {
    const place = (name: string, list: string[]) => sortedByKey([...list, name]).indexOf(name);
    // 单 shàn (not dān), 曾 zēng (not céng), 解 xiè (not jiě), 仇 qiú (not chóu), 查 zhā (not chá).
    expect(place('单雄信', ['丹青', '沙漠', '尚明'])).toBe(2);
    expect(place('曾国藩', ['陈明', '泽民', '张伟'])).toBe(2);
    expect(place('解缙', ['金山', '夏明', '徐明'])).toBe(2);
    expect(place('仇英', ['陈明', '钱明', '任明'])).toBe(2);
    expect(place('查良镛', ['陈明', '泽民', '张伟'])).toBe(2);
  });
});
