/**
 * Names in pinyin order, as a clerk looks a name up on paper; SQLite alone would sort them by code point. Two
 * tools: `comparePinyin` for lists sorted in memory, and `pinyinSortKey`, stored in `people.sort_key`, for lists
 * sorted (and paged) in SQL, where binary order of the key is pinyin order of the name.
 */
import { createRequire } from 'node:module';

let collator: Intl.Collator | null = null;

export function comparePinyin(a: string, b: string): number {
  // Built on first use: loading the ICU pinyin tables costs a start that answers no sorted list ~10 ms.
  collator ??= new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  return collator.compare(a, b);
}

type PinyinFn = (text: string, options: { toneType: 'num'; type: 'array'; surname: 'head'; v: boolean }) => string[];
let pinyinFn: PinyinFn | null = null;

/** pinyin-pro's dictionary takes ~100 ms to load: only a write that names someone pays for it, never a cold open. */
function toPinyin(name: string): string[] {
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  // `surname: 'head'` reads a leading surname as a surname (单 shàn, 曾 zēng, 解 xiè, 尉迟 yùchí), which the ICU
  // collator cannot know; `v` spells ü as v so the letters stay ASCII.
  return pinyinFn(name, { toneType: 'num', type: 'array', surname: 'head', v: true });
}

const HAN = /\p{Script=Han}/u;
const SYLLABLE = /^([a-z]+)([0-5])$/;

/**
 * One segment per character, each prefix-free, so comparing keys byte by byte compares names character by
 * character, as the ICU pinyin collation does:
 * - a Han character with a reading: its syllable with ü read as u, then 0 (u) or 1 (ü), then its tone (1–4, 5 for
 *   the neutral tone), then the character itself, which keeps homophones (马 / 玛) apart and each one's names
 *   together. ICU orders lu < lù < lǘ < luan < lüe < luo; this key does too.
 * - a Han character without a reading: `{` and the character, after every syllable (ICU puts them there too).
 * - space, punctuation and digits: `!`, a class (0 punctuation, 1 digit) and the character: before every Han
 *   character, as ICU has 马 < 马·丽 < 马1 < 马兰.
 * - a Latin letter: `~` and the letter, lower-case and without accents: after every Han character, as ICU.
 * A shorter name that is a prefix of a longer one sorts first, as in ICU. Names with the same key are ordered by id.
 */
export function pinyinSortKey(name: string): string {
  const chars = Array.from(name.normalize('NFC'));
  const readings = chars.some((c) => HAN.test(c)) ? toPinyin(name) : [];
  // pinyin-pro returns one entry per character (non-Han ones as themselves); if that ever changes, fall back to
  // reading each character alone rather than misalign readings and characters.
  const aligned = readings.length === chars.length;
  let key = '';
  chars.forEach((char, i) => {
    if (HAN.test(char)) {
      const reading = aligned ? readings[i]! : toPinyin(char)[0] ?? '';
      const m = SYLLABLE.exec(reading);
      if (!m) {
        key += `{${char}`;
        return;
      }
      const letters = m[1]!;
      const tone = m[2] === '0' ? '5' : m[2]!;
      key += `${letters.replace(/v/g, 'u')}${letters.includes('v') ? '1' : '0'}${tone}${char}`;
    } else if (/[\p{L}]/u.test(char)) {
      key += `~${char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}`;
    } else {
      key += `!${/\p{N}/u.test(char) ? '1' : '0'}${char}`;
    }
  });
  return key;
}
