/**
 * The signature block of the official form: 单位负责人（签名）, 审核人, 填报人, 联系电话, 填报单位（盖章） and
 * 报出日期. It is one sheet row with multi-line cells: a printer never splits a row, so the block is always
 * whole on the last page.
 */
import { placeRow, type InfoSpan } from './info';
import type { ReportMeta } from './types';

/** Room for a hand signature or a stamp. */
const BLANK = '　　　　　　';

export interface SignatureLayout {
  spans: InfoSpan[];
  /** Text lines in the tallest cell, for the row height. */
  lines: number;
}

export function signatureParts(meta: Pick<ReportMeta, 'fillerName' | 'reviewerName' | 'phone'>): string[] {
  const or = (text: string) => text.trim() || BLANK;
  return [
    `单位负责人（签名）：${BLANK}`,
    `审核人：${or(meta.reviewerName)}`,
    `填报人：${or(meta.fillerName)}`,
    `联系电话：${or(meta.phone)}`,
    `填报单位（盖章）${BLANK}`,
    // Left for the hand: the day the file actually goes out is rarely the day it was generated.
    '报出日期：　　　　年　　月　　日',
  ];
}

/** Three cells of two lines where the sheet is wide enough, else two of three, else one cell of six lines. */
export function layoutSignature(parts: string[], widths: number[]): SignatureLayout {
  for (const per of [2, 3]) {
    const cells: string[] = [];
    for (let i = 0; i < parts.length; i += per) cells.push(parts.slice(i, i + per).join('\n'));
    const spans = placeRow(cells, widths, 0);
    if (spans) return { spans, lines: per };
  }
  return { spans: [{ row: 0, from: 1, to: widths.length, text: parts.join('\n'), align: 'left' }], lines: parts.length };
}
