/**
 * How a sheet goes onto paper. Pure, so the page plan can be tested without a workbook or a printer.
 *
 * A sheet that fits one page width at a readable scale is fitted to that width. A wider one (the 全程纪实台账)
 * is cut into pages across at the boundaries of its header groups, never inside one, with the identifying
 * columns (序号, 姓名 …) printed again on every page, and one scale chosen so the widest page fits.
 */
import type { Paper } from './types';

export const PAPER_SIZE: Record<Paper, number> = { A4: 9, A3: 8 };
/** Paper edges in points (1 pt = 1/72 inch), short side first. */
const PAPER_POINTS: Record<Paper, [number, number]> = { A4: [595.3, 841.9], A3: [841.9, 1190.6] };

/** Left and right margins in inches, as written into the page setup. */
export const SIDE_MARGIN_IN = 0.5;

/**
 * Excel draws a column of width w (in digits of the default 11pt font, 7 px each at 96 dpi) as 7w + 5 px,
 * i.e. 5.25w + 3.75 pt. LibreOffice's import follows the same rule closely enough.
 */
export function columnPoints(width: number): number {
  return 5.25 * width + 3.75;
}

/** Below this scale 10.5pt body text prints under 7.5pt and is hard to read: pages across are planned to stay above it. */
export const MIN_READABLE_SCALE = 0.72;
/**
 * A sheet that fits one page width at this scale or more stays one page wide: a 统计表 goes up as one sheet of
 * paper, a little small rather than cut in two. Only a 台账 far wider than the paper is spread across pages.
 */
export const ONE_PAGE_MIN_SCALE = 0.6;
/** Room kept for the difference between our estimate and what Excel, WPS and LibreOffice measure. */
const SAFETY = 0.96;

export interface PagePlanInput {
  widths: number[];
  /** Inclusive 0-based column ranges that must stay on one page (a merged header group, or a single column). */
  groups: { from: number; to: number }[];
  /** The first `repeat` columns identify a row and are printed on every page across. */
  repeat: number;
  paper: Paper;
  landscape: boolean;
}

export interface PagePlan {
  /** One page width: let the program fit the sheet to it. */
  fitToWidth: boolean;
  /** Percent, used when the sheet spreads over several pages across. */
  scale: number;
  /** 0-based first and last column of each page across (the repeated columns not counted). */
  pages: { from: number; to: number }[];
}

export function printableWidth(paper: Paper, landscape: boolean): number {
  const [short, long] = PAPER_POINTS[paper];
  return (landscape ? long : short) - 2 * SIDE_MARGIN_IN * 72;
}

export function planPages(input: PagePlanInput): PagePlan {
  const { widths, repeat } = input;
  const points = widths.map(columnPoints);
  const sum = (from: number, to: number) => points.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const page = printableWidth(input.paper, input.landscape) * SAFETY;
  const total = sum(0, widths.length - 1);
  const whole = { from: 0, to: widths.length - 1 };
  if (total * ONE_PAGE_MIN_SCALE <= page || widths.length <= repeat + 1) {
    return { fitToWidth: true, scale: Math.min(100, Math.floor((page / total) * 100)), pages: [whole] };
  }

  // The identifying columns open the first page; every later page prints them again in front of its own.
  const atoms = input.groups.filter((g) => g.to >= repeat).map((g) => ({ from: Math.max(g.from, repeat), to: g.to }));
  const repeatWidth = sum(0, repeat - 1);
  const atomWidth = atoms.map((a) => sum(a.from, a.to));

  /** Greedy pages for a page width limit: each page gets whole groups while they fit. */
  const split = (limit: number) => {
    const pages: { from: number; to: number; width: number }[] = [];
    atoms.forEach((a, i) => {
      const last = pages.at(-1);
      if (last && last.width + atomWidth[i]! <= limit) {
        last.to = a.to;
        last.width += atomWidth[i]!;
      } else {
        pages.push({ from: a.from, to: a.to, width: repeatWidth + atomWidth[i]! });
      }
    });
    return pages;
  };

  // The fewest pages across at a readable scale; with that many pages, the narrowest widest page (so the
  // scale is as large as it can be).
  const widest = repeatWidth + Math.max(...atomWidth);
  const limit = Math.max(page / MIN_READABLE_SCALE, widest);
  const count = split(limit).length;
  let lo = widest;
  let hi = limit;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (split(mid).length <= count) hi = mid;
    else lo = mid;
  }
  const pages = split(hi);
  const maxWidth = Math.max(...pages.map((p) => p.width));
  const scale = Math.max(10, Math.min(100, Math.floor((page / maxWidth) * 100)));
  return { fitToWidth: false, scale, pages: pages.map(({ from, to }) => ({ from, to })) };
}
