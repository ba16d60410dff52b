import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH } from '../helpers/members';

let host: LedgerHost;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ host, close } = await startHost({ now: () => new Date('2025-08-01T09:00:00+08:00') }));
});
afterEach(() => close());

async function newRecord() {
  const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03', occupation: '农牧渔民', education: '31' })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2023-01-10' })) as { id: number };
  for (const date of ['2023-08-30', '2024-02-28']) await host.invoke('members.addPeriodic', { recordId: id, kind: '考察', date });
  for (const date of ['2023-03-30', '2023-06-30', '2023-09-30', '2023-12-30', '2024-03-30']) await host.invoke('members.addPeriodic', { recordId: id, kind: '思想汇报', date });
  return id;
}

async function detail(id: number) {
  return (await host.invoke('members.get', { id })) as {
    status: string;
    stage: number;
    probationEnd: string | null;
    partyAgeStart: string | null;
    violations: { ruleId: string; level: string; message: string }[];
    steps: { stepNo: number; status: string; overrideReason: string | null }[];
  };
}

async function walk(id: number, upTo = 25) {
  for (let no = 2; no <= upTo; no++) {
    if (no === 10) {
      await host.invoke('members.addLetter', { recordId: id, date: '2024-03-10', target: '西宁市城北区某街道党工委' });
      await host.invoke('members.saveReview', { recordId: id, talkDate: '2024-03-08', talkBy: '王书记', conclusionResult: '合格', conclusionDate: '2024-04-01', conclusionSigner: '张明' });
    }
    await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no] });
  }
}

describe('发展党员 record', () => {
  it('walks a clean file through all 25 steps to 正式党员 with no violation', async () => {
    const id = await newRecord();
    await walk(id);
    const d = await detail(id);
    expect(d.violations.filter((v) => v.level === 'error')).toEqual([]);
    expect(d.status).toBe('正式党员');
    expect(d.probationEnd).toBe('2025-05-19');
    expect(d.partyAgeStart).toBe('2025-05-20');
    expect(d.steps.every((s) => s.status === 'done')).toBe(true);
  });

  it('refuses a 发展对象 date less than a year after 积极分子 unless a 特殊情况说明 is given, and keeps it', async () => {
    const id = await newRecord();
    await walk(id, 6);
    await expect(host.invoke('members.recordStep', { recordId: id, stepNo: 7, date: '2024-02-29' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('R09') });
    expect((await detail(id)).steps[6]!.status).not.toBe('done');
    await host.invoke('members.recordStep', { recordId: id, stepNo: 7, date: '2024-02-29', overrideReason: '经区委组织部批准提前' });
    const d = await detail(id);
    expect(d.steps[6]).toMatchObject({ status: 'done', overrideReason: '经区委组织部批准提前' });
    expect(d.violations.some((v) => v.ruleId === 'R09')).toBe(true);
  });

  it('will not record 接收 without a 合格 政审 结论, even with a reason', async () => {
    const id = await newRecord();
    for (let no = 2; no <= 14; no++) if (no !== 10) await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no], overrideReason: '补录' });
    await expect(host.invoke('members.recordStep', { recordId: id, stepNo: 15, ...CLEAN_PATH[15], overrideReason: '特殊' })).rejects.toMatchObject({ message: expect.stringContaining('R11') });
  });

  it('refuses meeting counts that do not add up', async () => {
    const id = await newRecord();
    await expect(host.invoke('members.recordStep', { recordId: id, stepNo: 15, date: '2024-05-20', meeting: { expected: 10, present: 12, for: 5, against: 0, abstain: 0 } })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { 'meeting.present': expect.any(String) } });
  });

  it('lists files by stage and flags overdue ones; checks every file; reports indicators', async () => {
    const id = await newRecord();
    await walk(id, 15);
    const late = (await host.invoke('people.create', { name: '韩雪莲', idNumber: makeIdNumber('1999-01-01', '女'), ethnicity: '01' })) as { id: number };
    await host.invoke('members.create', { personId: late.id, applicationDate: '2025-05-01' });
    const overdue = (await host.invoke('members.list', { onlyOverdue: true })) as { items: { personName: string; deadline: { status: string; dueDate: string } | null }[] };
    expect(overdue.items.map((r) => r.personName)).toContain('韩雪莲');
    expect(overdue.items.find((r) => r.personName === '韩雪莲')?.deadline).toMatchObject({ status: 'overdue', dueDate: '2025-06-01' });
    const byDeadline = (await host.invoke('members.list', { sortField: 'deadline', sortOrder: 'ascend' })) as { items: { personName: string; deadline: { dueDate: string } }[] };
    // 马晓东's 审批 fell due three months after his 支部大会 (2024-08-20), long before 韩雪莲's talk (2025-06-01).
    expect(byDeadline.items.map((r) => [r.personName, r.deadline.dueDate])).toEqual([
      ['马晓东', '2024-08-20'],
      ['韩雪莲', '2025-06-01'],
    ]);
    const byStep = (await host.invoke('members.list', { sortField: 'lastStep', sortOrder: 'descend' })) as { items: { personName: string }[] };
    expect(byStep.items.map((r) => r.personName)).toEqual(['马晓东', '韩雪莲']);
    const stage4 = (await host.invoke('members.list', { stage: 4 })) as { items: { personName: string }[] };
    expect(stage4.items.map((r) => r.personName)).toEqual(['马晓东']);
    const reminders = (await host.invoke('members.reminders', {})) as { status: string; personName: string }[];
    expect(reminders[0]).toMatchObject({ status: 'overdue' });
    const home = (await host.invoke('members.overview', {})) as { perStage: number[]; active: number; overdue: number; reminders: unknown[] };
    expect(home).toMatchObject({ perStage: [1, 0, 0, 1, 0], active: 2, overdue: 2 });
    expect(home.reminders).toEqual(reminders);
    const findings = (await host.invoke('members.check', {})) as { ruleId: string; personName: string }[];
    expect(findings.some((f) => f.personName === '韩雪莲' && f.ruleId === 'R02')).toBe(true);
    const ind = (await host.invoke('members.indicators', { from: '2024-01-01', to: '2024-12-31' })) as { total: number; youth: { count: number } };
    // Voted (节点15) but not yet approved (节点17): not counted, as the 党内统计 counts by approval.
    expect(ind).toMatchObject({ total: 0, youth: { count: 0 } });
  });

  it('versions the rule table: switching R09 to a warning lets the short date through', async () => {
    const id = await newRecord();
    await walk(id, 6);
    const { jobId } = (await host.invoke('members.updateRules', { rules: { R09: { level: 'warning' } } })) as { jobId: string };
    await host.jobs.settled(jobId);
    const rules = (await host.invoke('members.rules', {})) as { version: number; rules: { id: string; level: string }[] };
    expect(rules.version).toBe(2);
    expect(rules.rules.find((r) => r.id === 'R09')?.level).toBe('warning');
    await host.invoke('members.recordStep', { recordId: id, stepNo: 7, date: '2024-02-29' });
    expect((await detail(id)).violations.find((v) => v.ruleId === 'R09')?.level).toBe('warning');
  });
});
