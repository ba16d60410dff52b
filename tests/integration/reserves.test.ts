/** The reserve register through the host, as the UI and the CLI call it: records, history, trainings, funds, plan. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { Unit } from '../../core/org/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

const NOW = () => new Date('2026-11-20T09:00:00+08:00');

let host: LedgerHost;
let close: () => Promise<void>;
let one: Unit;
let two: Unit;

async function person(name: string, birth: string, gender: '男' | '女', seq: number, education = '21') {
  const p = (await host.invoke('people.create', { name, idNumber: makeIdNumber(birth, gender, seq), ethnicity: '01', education, unitId: one.id })) as { id: number };
  return p.id;
}

async function reserve(personId: number, unitId: number, extra: Record<string, unknown> = {}) {
  return (await host.invoke('reserves.create', {
    personId,
    unitId,
    postDirection: '两委委员后备',
    source: '返乡大学生',
    nominationMethod: '组织推荐',
    nominatedOn: '2026-01-05',
    villageReviewOn: '2026-01-20',
    townReviewOn: '2026-02-10',
    ...extra,
  })) as { id: number; warnings: string[] };
}

const ids: Record<string, number> = {};

beforeAll(async () => {
  ({ host, close } = await startHost({ now: NOW }));
  [one, two] = (await host.invoke('org.listUnits', {})) as Unit[] as [Unit, Unit];
  ids.wang = (await reserve(await person('王小军', '1995-03-01', '男', 1), one.id, { postDirection: '书记后备' })).id;
  ids.li = (await reserve(await person('李梅', '1988-07-15', '女', 2), one.id)).id;
  ids.zhao = (await reserve(await person('赵强', '1984-01-10', '男', 3, '71'), one.id, { source: '退役军人' })).id;
});
afterAll(() => close());

describe('a reserve record', () => {
  it('enters the pool on the 复审 date and warns about the local criteria without refusing', async () => {
    const d = (await host.invoke('reserves.get', { id: ids.zhao })) as { row: { status: string; statusOn: string }; warnings: string[]; events: { kind: string }[] };
    expect(d.row.status).toBe('在库');
    expect(d.row.statusOn).toBe('2026-02-10');
    expect(d.events.map((e) => e.kind)).toEqual(['推荐', '考察', '入库']);
    // Born 1984-01-10: 42 on the 入库 day, over the default ceiling of 40; 初中 is below 高中.
    expect(d.warnings.join('；')).toContain('超过 40 岁');
    expect(d.warnings.join('；')).toContain('学历低于高中中技');
  });

  it('refuses a review chain that runs backwards, at the field', async () => {
    const pid = await person('倒序', '1996-01-01', '男', 9);
    await expect(reserve(pid, one.id, { villageReviewOn: '2026-03-01', townReviewOn: '2026-02-01' })).rejects.toMatchObject({
      fields: { townReviewOn: expect.stringContaining('不能早于村党组织考察初审日期') },
    });
  });

  it('shows the same person once: a second record is refused with a pointer to re-entry', async () => {
    const d = (await host.invoke('reserves.get', { id: ids.li })) as { row: { personId: number } };
    await expect(reserve(d.row.personId, two.id)).rejects.toThrow(/已在后备人才名册中/);
  });
});

describe('status history', () => {
  it('records 任用 with its post, refuses 任用 after 出库 until re-entry, and keeps every spell', async () => {
    const pid = await person('孙立', '1993-05-05', '男', 4);
    const id = (await reserve(pid, two.id)).id;
    await host.invoke('reserves.changeStatus', { reserveId: id, kind: '出库', date: '2026-05-01', reason: '外出务工，不便履职' });
    await expect(host.invoke('reserves.changeStatus', { reserveId: id, kind: '任用', date: '2026-06-01', post: '村委会委员' })).rejects.toThrow(/须先重新入库/);
    await host.invoke('reserves.changeStatus', { reserveId: id, kind: '入库', date: '2026-07-01', reason: '返乡后重新推荐' });
    await host.invoke('reserves.changeStatus', { reserveId: id, kind: '任用', date: '2026-09-01', post: '村委会委员' });
    const d = (await host.invoke('reserves.get', { id })) as { row: { status: string; appointedPost: string }; events: { kind: string }[] };
    expect(d.row.status).toBe('已任用');
    expect(d.row.appointedPost).toBe('村委会委员');
    expect(d.events.map((e) => e.kind)).toEqual(['推荐', '考察', '入库', '出库', '入库', '任用']);
  });

  it('refuses a 任用 dated before the 入库', async () => {
    await expect(host.invoke('reserves.changeStatus', { reserveId: ids.li, kind: '任用', date: '2026-01-01', post: '村党支部委员' })).rejects.toThrow(/只有“在库”/);
  });
});

describe('training and funds', () => {
  it('splits a class cost over its trainees to the 分, the remainder to the first in list order', async () => {
    const out = (await host.invoke('reserves.addTraining', {
      type: '集中培训',
      title: '2026年后备人才培训班',
      host: '区委党校',
      startOn: '2026-04-10',
      endOn: '2026-04-14',
      hours: 32,
      costFen: 100001,
      fundingSource: '区县组织部专项经费',
      costItem: '集中培训',
      reserveIds: [ids.li!, ids.wang!, ids.zhao!],
    })) as { shares: { reserveId: number; costFen: number }[] };
    expect(out.shares).toEqual([
      { reserveId: ids.li, costFen: 33334 },
      { reserveId: ids.wang, costFen: 33334 },
      { reserveId: ids.zhao, costFen: 33333 },
    ]);
    const funds = (await host.invoke('reserves.funds', { year: 2026 })) as { totalFen: number; bySource: { key: string; fen: number }[] };
    expect(funds.totalFen).toBe(100001);
    expect(funds.bySource).toEqual([{ key: '区县组织部专项经费', fen: 100001 }]);
  });

  it('counts trainings and hours on the list row, and village affairs for everyone recorded', async () => {
    await host.invoke('reserves.addAffair', { date: '2026-06-15', affairType: '防汛防火', description: '巡查河道', reserveIds: [ids.li!, ids.wang!] });
    const page = (await host.invoke('reserves.list', { unitId: one.id, sortField: 'name' })) as { items: { name: string; trainingCount: number; trainingHours: number; affairCount: number }[] };
    const li = page.items.find((r) => r.name === '李梅')!;
    expect(li).toMatchObject({ trainingCount: 1, trainingHours: 32, affairCount: 1 });
    expect(page.items.find((r) => r.name === '赵强')!.affairCount).toBe(0);
  });

  it('a corrected class cost is split again over the same trainees; a result is kept per trainee', async () => {
    const t = (await host.invoke('reserves.addTraining', {
      type: '集中培训', startOn: '2026-05-10', hours: 8, costFen: 1000, fundingSource: '乡镇自筹', costItem: '集中培训', reserveIds: [ids.zhao!, ids.wang!],
    })) as { id: number };
    const out = (await host.invoke('reserves.updateTraining', {
      id: t.id, type: '集中培训', startOn: '2026-05-10', hours: 8, costFen: 1001, fundingSource: '乡镇自筹', costItem: '集中培训',
    })) as { shares: { reserveId: number; costFen: number }[] };
    expect(out.shares).toEqual([{ reserveId: ids.zhao, costFen: 501 }, { reserveId: ids.wang, costFen: 500 }]);
    await host.invoke('reserves.setEnrolmentResult', { trainingId: t.id, reserveId: ids.wang!, result: '结业（证书 2026-017）' });
    const d = (await host.invoke('reserves.get', { id: ids.wang })) as { trainings: { trainingId: number; costFen: number; result: string | null }[] };
    expect(d.trainings.find((x) => x.trainingId === t.id)).toMatchObject({ costFen: 500, result: '结业（证书 2026-017）' });
    await host.invoke('reserves.removeTraining', { id: t.id });
  });

  it('refuses a cost with no funding source', async () => {
    await expect(
      host.invoke('reserves.addTraining', { type: '入企挂职', startOn: '2026-03-01', hours: 0, costFen: 500, reserveIds: [ids.li!] }),
    ).rejects.toMatchObject({ fields: { fundingSource: expect.any(String) } });
  });
});

describe('list filters', () => {
  it('filters by age band at today, by education group and by source', async () => {
    const young = (await host.invoke('reserves.list', { ageBand: 'age35' })) as { items: { name: string }[] };
    // Today 2026-11-20: 王小军 (1995-03-01) is 31, 孙立 (1993-05-05) 33; 李梅 38 and 赵强 42 are not.
    expect(young.items.map((r) => r.name).sort()).toEqual(['孙立', '王小军'].sort());
    const low = (await host.invoke('reserves.list', { educationGroup: '初中及以下' })) as { items: { name: string }[] };
    expect(low.items.map((r) => r.name)).toEqual(['赵强']);
    const vets = (await host.invoke('reserves.list', { source: '退役军人' })) as { total: number };
    expect(vets.total).toBe(1);
  });
});

describe('plan', () => {
  it('shows each village against the 3-per-village target, and villages with no 书记后备', async () => {
    const plan = (await host.invoke('reserves.plan', {})) as {
      villages: { unitName: string; actual: number; gap: number; secretaries: number; shortfalls: string[] }[];
      noSecretary: string[];
    };
    const v1 = plan.villages.find((v) => v.unitName === one.name)!;
    expect(v1).toMatchObject({ actual: 3, gap: 0, secretaries: 1 });
    const v2 = plan.villages.find((v) => v.unitName === two.name)!;
    // 孙立 is 已任用, so 多巴二村 has nobody in the pool.
    expect(v2).toMatchObject({ actual: 0, gap: 3, secretaries: 0 });
    expect(plan.noSecretary).toContain(two.name);
    expect(v1.shortfalls).toContain('1 人学历低于高中中技');
  });
});
