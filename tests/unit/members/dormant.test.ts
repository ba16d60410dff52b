import { describe, expect, it } from 'vitest';
import { dormantBranches, type BranchFact, type BranchFile } from '../../../core/members/dormant';

const TODAY = '2026-11-20';
const branch = (id: number, enteredOn = '2026-10-01', retired = false): BranchFact => ({ id, name: `支部${id}`, unitId: id, unitName: `村${id}`, enteredOn, retired });
const file = (branchId: number, firstDate: string, approvedOn?: string, active = false): BranchFile => ({ branchId, firstDate, approvedOn, active });

const flagged = (branches: BranchFact[], files: BranchFile[], years = 3) => dormantBranches(branches, files, TODAY, years).map((b) => b.branchId);

describe('多年不发展党员', () => {
  it('flags a branch whose last approval is the threshold or more ago, and not one approved since', () => {
    const files = [file(1, '2020-01-01', '2023-11-20'), file(2, '2020-01-01', '2023-11-21'), file(3, '2018-01-01', '2019-05-01'), file(3, '2024-01-01', undefined, true)];
    const list = dormantBranches([branch(1), branch(2), branch(3)], files, TODAY, 3);
    // Exactly three years ago counts; a day less does not.
    expect(list.map((b) => b.branchId)).toEqual([3, 1]);
    expect(list[0]).toMatchObject({ lastApproval: '2019-05-01', since: '2019-05-01', years: 7, activeFiles: 1 });
  });

  it('counts by the approval (节点17): a branch with recent applications but no approval for years is flagged', () => {
    expect(flagged([branch(1)], [file(1, '2015-03-01', '2016-06-01'), file(1, '2025-06-01')])).toEqual([1]);
  });

  it('does not flag a branch known for less than the threshold with no approval', () => {
    expect(flagged([branch(1, '2025-01-01')], [])).toEqual([]);
    expect(flagged([branch(1, '2025-01-01')], [file(1, '2024-03-01')])).toEqual([]);
    // Files from long ago show the branch has existed that long.
    const list = dormantBranches([branch(1, '2026-10-01')], [file(1, '2021-04-01')], TODAY, 3);
    expect(list[0]).toMatchObject({ lastApproval: null, since: '2021-04-01', years: 5 });
  });

  it('leaves retired branches out, takes the threshold as given, and ignores approvals dated after today', () => {
    expect(flagged([branch(1, '2010-01-01', true)], [])).toEqual([]);
    expect(flagged([branch(1, '2010-01-01')], [file(1, '2010-01-01', '2022-01-01')], 5)).toEqual([]);
    expect(flagged([branch(1, '2010-01-01')], [file(1, '2010-01-01', '2022-01-01')], 4)).toEqual([1]);
    expect(flagged([branch(1, '2010-01-01')], [file(1, '2010-01-01', '2027-01-01')])).toEqual([1]);
  });
});
