/** The reserve rows' stored state stays true: on demo data, after the person changes, after a merge, and when tampered with. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerHost } from '../../core/host';
import { tempDir } from '../helpers/ledger';

interface Verify {
  reserves: number;
  mismatches: { reserveId: number; problem: string }[];
}
interface Page {
  total: number;
  items: { id: number; personId: number; name: string; unitId: number; unitName: string; status: string; trainingCount: number }[];
}

let host: LedgerHost;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  host = new LedgerHost({ dataDir: tmp.dir });
  await host.start();
  await host.invoke('app.openDemo', {});
});
afterAll(async () => {
  await host.close();
  cleanup();
});

describe('demo reserves', () => {
  it('are about 230 over the villages, with every status, and the stored state proves against the facts', async () => {
    const all = (await host.invoke('reserves.list', { pageSize: 500 })) as Page;
    expect(all.total).toBeGreaterThan(200);
    expect(all.total).toBeLessThan(260);
    expect(new Set(all.items.map((r) => r.status))).toEqual(new Set(['推荐', '考察', '在库', '已任用', '出库']));
    expect(all.items.some((r) => r.trainingCount > 0)).toBe(true);
    const v = (await host.invoke('reserves.verifyState', {})) as Verify;
    expect(v).toEqual({ reserves: all.total, mismatches: [] });
    const plan = (await host.invoke('reserves.plan', {})) as { villages: { gap: number }[]; noSecretary: string[] };
    expect(plan.villages.filter((x) => x.gap > 0).length).toBeGreaterThan(0);
    expect(plan.noSecretary.length).toBeGreaterThan(0);
  });

  it('a renamed person is found by the new name; a deleted person leaves the list and comes back on restore', async () => {
    const first = ((await host.invoke('reserves.list', { sortField: 'name' })) as Page).items[0]!;
    const person = (await host.invoke('people.get', { id: first.personId })) as Record<string, unknown>;
    await host.invoke('people.update', { ...person, name: '改名测试', id: first.personId, idNumber: person.idNumber });
    expect(((await host.invoke('reserves.list', { q: '改名测试' })) as Page).items.map((r) => r.id)).toEqual([first.id]);
    const before = ((await host.invoke('reserves.list', {})) as Page).total;
    await host.invoke('people.remove', { id: first.personId, confirmActiveRecord: true });
    expect(((await host.invoke('reserves.list', {})) as Page).total).toBe(before - 1);
    await host.invoke('people.restore', { id: first.personId });
    expect(((await host.invoke('reserves.list', {})) as Page).total).toBe(before);
    expect(((await host.invoke('reserves.verifyState', {})) as Verify).mismatches).toEqual([]);
  });

  it('a village merge takes its reserves along into the surviving village', async () => {
    const rows = ((await host.invoke('reserves.list', { pageSize: 500 })) as Page).items;
    const from = rows[0]!.unitId;
    const into = rows.find((r) => r.unitId !== from)!.unitId;
    const moving = rows.filter((r) => r.unitId === from).length;
    const staying = rows.filter((r) => r.unitId === into).length;
    await host.invoke('org.mergeUnits', { fromId: from, intoId: into });
    expect(((await host.invoke('reserves.list', { unitId: into, pageSize: 500 })) as Page).total).toBe(moving + staying);
    expect(((await host.invoke('reserves.verifyState', {})) as Verify).mismatches).toEqual([]);
  });

  it('names a reserve whose stored status was changed behind the ledger’s back', async () => {
    const row = ((await host.invoke('reserves.list', { status: '在库' })) as Page).items[0]!;
    host.context.sqlite.prepare("UPDATE reserves SET status = '已任用' WHERE id = ?").run(row.id);
    const v = (await host.invoke('reserves.verifyState', {})) as Verify;
    expect(v.mismatches).toEqual([{ reserveId: row.id, personName: row.name, problem: 'status：保存为 已任用，按事实应为 在库' }]);
    // Verifying changes nothing: the tampered value is still there for the clerk to see.
    expect(host.context.sqlite.prepare('SELECT status FROM reserves WHERE id = ?').pluck().get(row.id)).toBe('已任用');
  });
});
