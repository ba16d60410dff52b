/**
 * The signature block of the official form: 单位负责人（签名）, 审核人, 填报人, 联系电话, 填报单位（盖章） and
 * 报出日期. It is one sheet row with multi-line cells: a printer never splits a row, so the block is always
 * whole on the last page.
 */
import type { InfoSpan } from './info';
import { displayWidth } from './widths';
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

/** Room between neighbouring cells. */
const GAP = 2;

/**
 * Three cells of two lines where the sheet is wide enough, else two of three, else one cell of six lines.
 * Of the ways to cut the columns so that every cell holds its text, the one with the most room left in its
 * tightest cell wins.
 */
export function layoutSignature(parts: string[], widths: number[]): SignatureLayout {
  for (const per of [2, 3]) {
    const cells: string[] = [];
    for (let i = 0; i < parts.length; i += per) cells.push(parts.slice(i, i + per).join('\n'));
    const spans = bestCut(cells, widths);
    if (spans) return { spans, lines: per };
  }
  return { spans: [{ row: 0, from: 1, to: widths.length, text: parts.join('\n'), align: 'left' }], lines: parts.length };
}

function bestCut(cells: string[], widths: number[]): InfoSpan[] | null {
  const needs = cells.map((c) => displayWidth(c) + GAP);
  const room = (from: number, to: number) => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  let best: { slack: number; spans: InfoSpan[] } | null = null;
  // Every cell gets a run of whole columns; sheets have a few dozen columns, so trying every cut is cheap.
  const walk = (i: number, from: number, slack: number, spans: InfoSpan[]) => {
    if (i === cells.length - 1) {
      const s = Math.min(slack, room(from, widths.length) - needs[i]!);
      if (s >= 0 && (!best || s > best.slack)) best = { slack: s, spans: [...spans, span(cells[i]!, from, widths.length)] };
      return;
    }
    for (let to = from; to <= widths.length - (cells.length - 1 - i); to++) {
      const s = Math.min(slack, room(from, to) - needs[i]!);
      if (s >= 0) walk(i + 1, to + 1, s, [...spans, span(cells[i]!, from, to)]);
    }
  };
  walk(0, 1, Infinity, []);
  return (best as { spans: InfoSpan[] } | null)?.spans ?? null;
}

function span(text: string, from: number, to: number): InfoSpan {
  return { row: 0, from, to, text, align: 'left' };
}
