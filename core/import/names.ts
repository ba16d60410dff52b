/** Names and text as clerks type them, pure and free of any Excel type, so the renderer can use them too. */

/** Full-width digits, letters and punctuation to their ASCII forms; every kind of space removed at the ends. */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim();
}

/** 多巴一村 = 多巴一村委会 = 多巴一村民委员会; 金城社区 = 金城社区居委会. */
export function villageKey(name: string): string {
  return halfWidth(name)
    .replace(/\s+/g, '')
    .replace(/(村民委员会|村委会|居民委员会|居委会)$/, (m) => (m.startsWith('居') ? '' : '村'))
    .replace(/村村$/, '村');
}

