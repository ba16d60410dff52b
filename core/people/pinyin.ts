/** Names in pinyin order, as a clerk looks a name up on paper; SQLite alone would sort them by code point. */
let collator: Intl.Collator | null = null;

export function comparePinyin(a: string, b: string): number {
  // Built on first use: loading the ICU pinyin tables costs a start that answers no sorted list ~10 ms.
  collator ??= new Intl.Collator('zh-Hans-CN-u-co-pinyin');
  return collator.compare(a, b);
}
