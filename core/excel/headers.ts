/**
 * Multi-row merged headers from per-column label paths, e.g. ['年龄', '25岁及以下']. Pure, so the layout can be
 * tested without a workbook.
 *
 * - Adjacent columns with the same parent path share one horizontally merged parent cell.
 * - A column with fewer levels than the deepest one stretches its leaf down to the last header row, which
 *   is how hand-made 党内统计 forms draw 序号 or 总数 next to a grouped block.
 */

export interface HeaderBlock {
  /** 0-based header row and column of the top-left cell. */
  row: number;
  col: number;
  /** Inclusive 0-based bottom-right cell; equal to row/col when nothing is merged. */
  lastRow: number;
  lastCol: number;
  label: string;
}

export interface HeaderLayout {
  depth: number;
  blocks: HeaderBlock[];
  /** The bottom label of each column, for widths and the machine-readable copy. */
  leaves: string[];
}

export function headerPath(header: string | readonly string[]): string[] {
  const path = typeof header === 'string' ? [header] : [...header];
  return path.length ? path : [''];
}

export function layoutHeaders(headers: readonly (string | readonly string[])[]): HeaderLayout {
  const paths = headers.map(headerPath);
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const blocks: HeaderBlock[] = [];

  // Parent levels: merge runs of adjacent columns whose path agrees up to and including this level.
  for (let level = 0; level < depth - 1; level++) {
    let col = 0;
    while (col < paths.length) {
      const path = paths[col]!;
      if (level >= path.length - 1) {
        col++;
        continue;
      }
      const prefix = path.slice(0, level + 1);
      let end = col;
      while (end + 1 < paths.length && sharesParent(paths[end + 1]!, prefix)) end++;
      blocks.push({ row: level, col, lastRow: level, lastCol: end, label: prefix[level]! });
      col = end + 1;
    }
  }

  // Leaves: each occupies its own column from its level down to the bottom header row.
  paths.forEach((path, col) => {
    blocks.push({ row: path.length - 1, col, lastRow: depth - 1, lastCol: col, label: path[path.length - 1]! });
  });

  blocks.sort((a, b) => a.row - b.row || a.col - b.col);
  return { depth, blocks, leaves: paths.map((p) => p[p.length - 1]!) };
}

/** True when `path` continues below `prefix` (it has a deeper level, so it is not itself a leaf there). */
function sharesParent(path: readonly string[], prefix: readonly string[]): boolean {
  if (path.length <= prefix.length) return false;
  return prefix.every((label, i) => path[i] === label);
}
