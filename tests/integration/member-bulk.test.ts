/**
 * The bulk path (core/members/bulk.ts) is how the demo and the district benchmark load 发展档案: a batch inserted
 * through it must read back exactly as files typed one by one would, its stored judgement proven by
 * `members.verifyState`, and the lists, 首页 and 合规检查 must see every file of it.
 */
import { afterEach, expect, it } from 'vitest';
import { seededRandom } from '../../core/demo/generate';
import { demoHistory, FAULTS } from '../../core/demo/history';
import { SPREAD } from '../../core/demo/members';
import { insertFilesBatch } from '../../core/members/bulk';
import { makeIdNumber, startHost } from '../helpers/ledger';

let started: Awaited<ReturnType<typeof startHost>> | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

it('一批导入的发展档案（各阶段、含违规与终止）保存的校验结果与逐份重新校验一致，列表与合规检查都能看到', async () => {
  started = await startHost({ now: () => new Date('2026-06-01T09:00:00+08:00') });
  const { host } = started;
  const ctx = host.context;
  const unitId = ctx.sqlite.prepare('SELECT id FROM org_units ORDER BY id LIMIT 1').pluck().get() as number;
  const branchId = ctx.sqlite.prepare('SELECT id FROM branches WHERE unit_id = ?').pluck().get(unitId) as number | undefined;
  const rand = seededRandom(5);
  // Every stage the demo has, once clean, once with each kind of fault where the stage allows one, and one 终止培养.
  const plans = SPREAD.flatMap(({ lastStep }, s) => [
    { lastStep, fault: undefined, terminated: lastStep === 6 },
    ...(lastStep >= 15 ? FAULTS.map((fault) => ({ lastStep, fault, terminated: false })) : []),
  ].map((p, i) => ({ ...p, seq: s * 10 + i })));
  const files = [];
  for (const plan of plans) {
    const person = (await host.invoke('people.create', { name: `批量${plan.seq}`, idNumber: makeIdNumber('1995-04-0' + (1 + (plan.seq % 9)), '男', plan.seq), ethnicity: '01', unitId })) as { id: number };
    files.push(demoHistory({ personId: person.id, branchId: branchId ?? null, lastStep: plan.lastStep, fault: plan.fault, terminated: plan.terminated, waiting: plan.seq % 7 === 0 ? 60 : 0 }, '2026-06-01', rand));
  }
  const ids = insertFilesBatch(ctx, files);
  expect(ids).toHaveLength(plans.length);

  const verify = (await host.invoke('members.verifyState', {})) as { files: number; mismatches: unknown[] };
  expect(verify.mismatches).toEqual([]);
  expect(verify.files).toBe(plans.length);

  const list = (await host.invoke('members.list', { pageSize: 500 })) as { total: number; items: { id: number; lastStep: number; status: string }[] };
  expect(list.total).toBe(plans.length);
  const byId = new Map(list.items.map((r) => [r.id, r]));
  plans.forEach((plan, i) => {
    const row = byId.get(ids[i]!)!;
    expect(row.lastStep, `file ${i}`).toBe(plan.lastStep);
    if (plan.terminated) expect(row.status).toBe('已终止培养');
  });
  expect(byId.get(ids[plans.findIndex((p) => p.lastStep === 25 && !p.fault)]!)!.status).toBe('正式党员');

  // Each deliberate fault is something 合规检查 finds on its file.
  const findings = (await host.invoke('members.check', {})) as { recordId: number; ruleId: string }[];
  plans.forEach((plan, i) => {
    if (plan.fault) expect(findings.some((f) => f.recordId === ids[i]), `${plan.fault} at step ${plan.lastStep}`).toBe(true);
  });
});
