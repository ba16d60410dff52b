import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../core/errors';
import { makeIdNumber, startHost } from '../helpers/ledger';

const hosts: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function started(setUp = true) {
  const h = await startHost({ setUp });
  hosts.push(h);
  return h.host;
}

type Unit = { id: number; name: string; kind: string; retiredAt: string | null; peopleCount: number; branchCount: number; mergedIntoName: string | null };

describe('organisation setup', () => {
  it('offers 湟中区 seed townships with clean village names', async () => {
    const host = await started(false);
    const seed = (await host.invoke('org.seedTowns', {})) as { countyName: string; towns: { name: string; unitCount: number }[] };
    expect(seed.countyName).toBe('湟中区');
    expect(seed.towns).toHaveLength(17);
    expect(seed.towns.find((t) => t.name === '多巴镇')?.unitCount).toBe(46);
    const units = (await host.invoke('org.seedUnits', { townName: '多巴镇' })) as { name: string; kind: string }[];
    expect(units.every((u) => !u.name.endsWith('村委会') && !u.name.endsWith('居民委员会'))).toBe(true);
    expect(units.some((u) => u.kind === '社区')).toBe(true);
  });

  it('refuses data writes until set up, then refuses a second setup', async () => {
    const host = await started(false);
    expect((await host.invoke('app.status', {})) as { state: string }).toMatchObject({ state: 'setup' });
    await expect(host.invoke('org.addUnit', { name: '新村', kind: '村' })).rejects.toMatchObject({ code: 'NOT_SET_UP' });
    await host.invoke('org.setup', { countyName: '湟中区', townName: '群加藏族乡', unitName: '中共湟中区群加藏族乡委员会', units: [{ name: '群加村', kind: '村' }] });
    expect((await host.invoke('app.status', {})) as { state: string }).toMatchObject({ state: 'ready' });
    await expect(host.invoke('org.setup', { countyName: 'x', townName: 'y', unitName: 'z', units: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await host.invoke('org.getSettings', {})).toMatchObject({ townName: '群加藏族乡', setUp: true });
  });

  it('creates the 党支部 chosen in the wizard with the units, so 新建档案 has branches to offer', async () => {
    const host = await started(false);
    await host.invoke('org.setup', {
      countyName: '湟中区',
      townName: '多巴镇',
      unitName: '中共湟中区多巴镇委员会',
      units: [
        { name: '多巴一村', kind: '村', branchName: '中共多巴镇多巴一村支部委员会' },
        { name: '多巴金城社区', kind: '社区', branchName: '中共多巴镇多巴金城社区联合支部委员会' },
        { name: '多巴二村', kind: '村', branchName: null },
      ],
    });
    const branches = (await host.invoke('org.listBranches', {})) as { unitName: string; name: string; kind: string }[];
    expect(branches.map((b) => [b.unitName, b.name, b.kind])).toEqual([
      ['多巴一村', '中共多巴镇多巴一村支部委员会', '党支部'],
      ['多巴金城社区', '中共多巴镇多巴金城社区联合支部委员会', '党支部'],
    ]);
    const units = (await host.invoke('org.listUnits', {})) as Unit[];
    expect(units.map((u) => u.branchCount)).toEqual([1, 1, 0]);
    const log = (await host.invoke('audit.list', { entity: 'settings' })) as { items: { summary: string }[] };
    expect(log.items[0]?.summary).toContain('党支部 2 个');
  });

  it('adds, renames, retires and restores villages, refusing duplicate names', async () => {
    const host = await started();
    const added = (await host.invoke('org.addUnit', { name: '新添村', kind: '村' })) as Unit;
    await expect(host.invoke('org.addUnit', { name: '新添村', kind: '村' })).rejects.toBeInstanceOf(LedgerError);
    const renamed = (await host.invoke('org.updateUnit', { id: added.id, name: '新添一村' })) as Unit;
    expect(renamed.name).toBe('新添一村');
    await host.invoke('org.retireUnit', { id: added.id });
    expect(((await host.invoke('org.listUnits', {})) as Unit[]).map((u) => u.name)).not.toContain('新添一村');
    expect(((await host.invoke('org.listUnits', { includeRetired: true })) as Unit[]).find((u) => u.id === added.id)?.retiredAt).not.toBeNull();
    await host.invoke('org.restoreUnit', { id: added.id });
    expect(((await host.invoke('org.listUnits', {})) as Unit[]).map((u) => u.name)).toContain('新添一村');
  });

  it('merges a village into another, moving its people and branches and keeping the old name in history', async () => {
    const host = await started();
    const [a, b] = (await host.invoke('org.listUnits', {})) as Unit[];
    await host.invoke('org.addBranch', { unitId: a!.id, name: '多巴一村党支部' });
    await host.invoke('people.create', { name: '韩文明', idNumber: makeIdNumber('1980-03-03'), ethnicity: '01', unitId: a!.id });
    const moved = await host.invoke('org.mergeUnits', { fromId: a!.id, intoId: b!.id });
    expect(moved).toEqual({ movedPeople: 1, movedBranches: 1 });
    const all = (await host.invoke('org.listUnits', { includeRetired: true })) as Unit[];
    expect(all.find((u) => u.id === a!.id)).toMatchObject({ mergedIntoName: b!.name });
    expect(all.find((u) => u.id === b!.id)).toMatchObject({ peopleCount: 1, branchCount: 1 });
  });

  it('will not retire a village that still has people', async () => {
    const host = await started();
    const [a] = (await host.invoke('org.listUnits', {})) as Unit[];
    await host.invoke('people.create', { name: '韩文明', idNumber: makeIdNumber('1980-03-03'), ethnicity: '01', unitId: a!.id });
    await expect(host.invoke('org.retireUnit', { id: a!.id })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('keeps branches under units and lets them be renamed and retired', async () => {
    const host = await started();
    const [a] = (await host.invoke('org.listUnits', {})) as Unit[];
    const branch = (await host.invoke('org.addBranch', { unitId: a!.id, name: '一村党支部' })) as { id: number };
    await host.invoke('org.updateBranch', { id: branch.id, name: '中共多巴一村支部委员会', kind: '党总支' });
    await host.invoke('org.retireBranch', { id: branch.id });
    expect(await host.invoke('org.listBranches', { unitId: a!.id })).toEqual([]);
    const withRetired = (await host.invoke('org.listBranches', { unitId: a!.id, includeRetired: true })) as { name: string; kind: string }[];
    expect(withRetired[0]).toMatchObject({ name: '中共多巴一村支部委员会', kind: '党总支' });
  });

  it('updates the report settings and audits the change', async () => {
    const host = await started();
    await host.invoke('org.updateSettings', { fillerName: '王小明', phone: '0971-1234567' });
    expect(await host.invoke('org.getSettings', {})).toMatchObject({ fillerName: '王小明', phone: '0971-1234567', reviewerName: '李红梅' });
    await expect(host.invoke('org.updateSettings', { phone: 'abc' })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { phone: expect.any(String) } });
    const log = (await host.invoke('audit.list', { entity: 'settings', action: '修改' })) as { total: number };
    expect(log.total).toBe(1);
    await host.invoke('org.updateSettings', { reviewPartLabels: ['谈', '报', '审', '定'] });
    expect(await host.invoke('org.getSettings', {})).toMatchObject({ reviewPartLabels: ['谈', '报', '审', '定'] });
    await expect(host.invoke('org.updateSettings', { reviewPartLabels: ['谈', '报', '审'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
