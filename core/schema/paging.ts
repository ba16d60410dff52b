/**
 * A page read across consecutive segments whose sizes are known (villages in their order, people with and without a
 * village): only the one or two segments the page falls in are read, each from its own index, so no page sorts a
 * whole table.
 */
export function pageAcross<S extends { count: number }>(
  segments: readonly S[],
  offset: number,
  limit: number,
  read: (segment: S, limit: number, skip: number) => number[],
): number[] {
  const ids: number[] = [];
  let skip = offset;
  for (const segment of segments) {
    if (ids.length >= limit) break;
    if (skip >= segment.count) {
      skip -= segment.count;
      continue;
    }
    ids.push(...read(segment, limit - ids.length, skip));
    skip = 0;
  }
  return ids;
}
