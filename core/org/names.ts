/** Naming patterns a township uses for its organisations. Pure: the setup wizard and 组织设置 propose the same names. */

/** "中共多巴镇多巴一村支部委员会": the town's name first, then the village or community, as 组织部 lists write them. */
export function defaultBranchName(townName: string, unitName: string): string {
  return `中共${townName.trim()}${unitName.trim()}支部委员会`;
}
