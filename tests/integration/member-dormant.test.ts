/** "多年不发展党员" on 首页 and in its report, with the township's threshold and its bounds. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { readWorkbook, sheetByName } from '../../core/excel/read';
import type { Unit } from '../../core/org/schemas';
import type { ExportResult } from '../../core/reports/schemas';
import { startHost } from '../helpers/ledger';
import { fileVotedOn } from '../helpers/member-files';

const NOW = () => new Date('2025-11-20T09:00:00+08:00');

let host: LedgerHost;
let close: () => Promise<void>;
const branchOf: Record<string, number> = {};

interface Overview {
  dormant: { years: number; branches: { branchName: string; lastApproval: string | null; years: number; activeFiles: number }[] };
}

beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  const units = (await host.invoke('org.listUnits', {})) as Unit[];
  for (const u of units) branchOf[u.name] = ((await host.invoke('org.addBranch', { unitId: u.id, name: `${u.name}党支部` })) as { id: number }).id;
  const [one, two, community] = units as [Unit, Unit, Unit];
  // 多巴一村: last approval 2021-06-10, four years ago; a file voted since is still waiting for approval.
  await fileVotedOn(host, { name: '老发展', birth: '1990-01-01', z: '2021-05-20', p: '2021-06-10', unitId: one.id, branchId: branchOf[one.name]! });
  await fileVotedOn(host, { name: '待审批', birth: '1995-01-01', z: '2025-09-15', p: null, unitId: one.id, branchId: branchOf[one.name]! });
  // 多巴二村: approved 2024-06-10, inside three years.
  await fileVotedOn(host, { name: '新发展', birth: '1996-01-01', z: '2024-05-20', p: '2024-06-10', unitId: two.id, branchId: branchOf[two.name]! });
  // 多巴金城社区: no files, entered in the ledger in 2020 (the ledger keeps no founding date, so the entry day stands in).
  host.context.sqlite.prepare('UPDATE branches SET created_at = ? WHERE id = ?').run('2020-03-01 10:00:00', branchOf[community.name]!);
  // A branch entered today with no files is too new to judge.
  await host.invoke('org.addBranch', { unitId: community.id, name: '多巴金城社区第二党支部' });
}, 60_000);

afterAll(() => close?.());

async function reportRows() {
  const result = (await host.invoke('reports.export', { reportId: 'members-dormant' })) as ExportResult;
  return sheetByName(await readWorkbook(Buffer.from(result.base64, 'base64')), '多年不发展党员的党支部').rows;
}

describe('多年不发展党员', () => {
  it('首页 lists the branches with nobody approved for three years, longest idle first', async () => {
    const { dormant } = (await host.invoke('members.overview', {})) as Overview;
    expect(dormant.years).toBe(3);
    expect(dormant.branches.map((b) => [b.branchName, b.lastApproval, b.years, b.activeFiles])).toEqual([
      ['多巴金城社区党支部', null, 5, 0],
      // Both of its files are in progress: 老发展 still awaits 转正, 待审批 the approval.
      ['多巴一村党支部', '2021-06-10', 4, 2],
    ]);
  });

  it('the report lists the same branches, says how it counts, and is in the catalogue', async () => {
    const list = (await host.invoke('reports.list', {})) as { id: string; title: string; params: string[] }[];
    expect(list.find((r) => r.id === 'members-dormant')).toMatchObject({ title: '多年不发展党员的党支部', params: ['units'] });
    const rows = await reportRows();
    const header = rows.findIndex((r) => r[0] === '序号');
    const body = rows.slice(header + 1, rows.findIndex((r) => r.includes('合计')));
    expect(body.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['多巴金城社区', '多巴金城社区党支部', null, 5],
      ['多巴一村', '多巴一村党支部', '2021-06-10', 4],
    ]);
    expect(rows.flat().some((v) => typeof v === 'string' && v.includes('按上级党委审批日期（节点17）统计：连续 3 年'))).toBe(true);
  });

  it('follows the township threshold, within 1 to 10 years', async () => {
    await host.invoke('org.updateSettings', { dormantYears: 5 });
    const { dormant } = (await host.invoke('members.overview', {})) as Overview;
    expect(dormant.branches.map((b) => b.branchName)).toEqual(['多巴金城社区党支部']);
    for (const bad of [0, 11, 2.5]) {
      await expect(host.invoke('org.updateSettings', { dormantYears: bad }), String(bad)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('多年不发展党员') });
    }
    expect(await host.invoke('org.getSettings', {})).toMatchObject({ dormantYears: 5 });
    await host.invoke('org.updateSettings', { dormantYears: 3 });
  });
});
