/**
 * "多年不发展党员": 党支部 that have had nobody approved as 预备党员 (P, 节点17, the date the 党内统计 counts by)
 * for a number of years, as clerks of similar systems asked to see on the first screen. Pure, so 首页 and the
 * report judge alike.
 *
 * The ledger keeps no founding date for a branch, so a branch's history is known from the earlier of the day it
 * was entered here and the earliest date on any of its files. A branch known for less than the threshold, with
 * no approval, is not flagged: nothing says it has been idle that long. `dormantBranches` is pure; the one read
 * of branches sits beside it.
 */
import { asc, eq } from 'drizzle-orm';
import { branches, orgUnits } from '../../db/schema';
import type { LedgerContext } from '../context';
import { addYears, ageAt } from './dates';

export interface BranchFact {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  /** YYYY-MM-DD the branch was entered in the ledger. */
  enteredOn: string;
  retired: boolean;
}

export interface BranchFile {
  branchId: number | null;
  /** 上级党委审批 (节点17), if recorded. */
  approvedOn?: string;
  /** The earliest date recorded on the file (its application). */
  firstDate?: string;
  /** Still in progress (not 正式党员, not ended). */
  active: boolean;
}

export interface DormantBranch {
  branchId: number;
  branchName: string;
  unitId: number;
  unitName: string;
  /** The last approval on record, null when the ledger shows none. */
  lastApproval: string | null;
  /** What the idle years are counted from: the last approval, or the start of what the ledger knows. */
  since: string;
  /** Whole years from `since` to today. */
  years: number;
  /** Files of the branch still in progress: whether anyone is on the way. */
  activeFiles: number;
}

/** What a branch's files say, summed up: the last approval up to today, the earliest date, the files in progress. */
export interface BranchHistory {
  branchId: number | null;
  lastApproval: string | null;
  firstDate: string | null;
  activeFiles: number;
}

export function branchHistories(files: readonly BranchFile[], today: string): BranchHistory[] {
  const byBranch = new Map<number | null, BranchHistory>();
  for (const f of files) {
    const h = byBranch.get(f.branchId) ?? { branchId: f.branchId, lastApproval: null, firstDate: null, activeFiles: 0 };
    if (f.approvedOn && f.approvedOn <= today && (h.lastApproval === null || f.approvedOn > h.lastApproval)) h.lastApproval = f.approvedOn;
    if (f.firstDate && (h.firstDate === null || f.firstDate < h.firstDate)) h.firstDate = f.firstDate;
    if (f.active) h.activeFiles++;
    byBranch.set(f.branchId, h);
  }
  return [...byBranch.values()];
}

/** Live branches with no approval in the `years` years up to `today`, longest idle first. */
export function dormantBranches(branches: readonly BranchFact[], files: readonly BranchFile[], today: string, years: number): DormantBranch[] {
  return dormantFromHistories(branches, branchHistories(files, today), today, years);
}

/** The same, from histories summed up elsewhere (in SQL, for a district's files). */
export function dormantFromHistories(branches: readonly BranchFact[], histories: readonly BranchHistory[], today: string, years: number): DormantBranch[] {
  const cutoff = addYears(today, -years);
  const byBranch = new Map(histories.map((h) => [h.branchId, h]));
  const out: DormantBranch[] = [];
  for (const b of branches) {
    if (b.retired) continue;
    const h = byBranch.get(b.id);
    const lastApproval = h?.lastApproval ?? null;
    const known = h?.firstDate && h.firstDate < b.enteredOn ? h.firstDate : b.enteredOn;
    const since = lastApproval ?? known;
    // Flagged once a full `years` have passed since `since` with nobody approved.
    if (since > cutoff) continue;
    out.push({
      branchId: b.id,
      branchName: b.name,
      unitId: b.unitId,
      unitName: b.unitName,
      lastApproval,
      since,
      years: ageAt(since, today),
      activeFiles: h?.activeFiles ?? 0,
    });
  }
  return out.sort((a, b) => a.since.localeCompare(b.since) || a.branchId - b.branchId);
}

/** Every branch with its unit and the day it was entered, retired ones marked. */
export function branchFacts(ctx: LedgerContext): BranchFact[] {
  return ctx.db
    .select({ id: branches.id, name: branches.name, unitId: branches.unitId, unitName: orgUnits.name, createdAt: branches.createdAt, retiredAt: branches.retiredAt, unitRetiredAt: orgUnits.retiredAt, sortOrder: orgUnits.sortOrder })
    .from(branches)
    .innerJoin(orgUnits, eq(orgUnits.id, branches.unitId))
    .orderBy(asc(orgUnits.sortOrder), asc(branches.id))
    .all()
    .map((b) => ({ id: b.id, name: b.name, unitId: b.unitId, unitName: b.unitName, enteredOn: b.createdAt.slice(0, 10), retired: b.retiredAt !== null || b.unitRetiredAt !== null }));
}
