/** Names in pinyin order, as a clerk looks a name up on paper; SQLite alone would sort them by code point. */
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin');

export function comparePinyin(a: string, b: string): number {
  return collator.compare(a, b);
}
