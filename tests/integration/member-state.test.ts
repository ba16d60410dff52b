/**
 * The stored judgement of 发展档案 is what every list, count and report reads, so it must always equal a fresh
 * judgement of the facts: after every kind of write, on the demo data, and on every later day as the clock moves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../core/demo/generate';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH } from '../helpers/members';

let started: Awaited<ReturnType<typeof startHost>> | undefined;
afterEach(async () => {
  await started?.close();
  started = undefined;
});

let clock = new Date('2025-08-01T09:00:00+08:00');
async function open() {
  clock = new Date('2025-08-01T09:00:00+08:00');
  started = await startHost({ now: () => clock });
  return started.host;
}

interface Verify {
  files: number;
  mismatches: { recordId: number; problem: string }[];
}

async function expectConsistent(host: LedgerHost, what: string) {
  const result = (await host.invoke('members.verifyState', {})) as Verify;
  expect(result.mismatches, `after ${what}`).toEqual([]);
  return result.files;
}

type Summary = Record<string, unknown> & { id: number };

/** The list rows (stored judgement) against the detail page (judged from the facts), field by field. */
async function expectListMatchesLiveJudgement(host: LedgerHost, when: string) {
  const page = (await host.invoke('members.list', { pageSize: 100 })) as { total: number; items: Summary[] };
  expect(page.total).toBeGreaterThan(0);
  const live: Summary[] = [];
  const liveFindings: unknown[] = [];
  const liveReminders: unknown[] = [];
  for (const row of page.items) {
    const d = (await host.invoke('members.get', { id: row.id })) as Summary & { violations: unknown[]; reminders: { status: string }[] };
    live.push(Object.fromEntries(Object.keys(row).map((k) => [k, d[k]])) as Summary);
    liveFindings.push(...d.violations.map((v) => ({ recordId: row.id, ...(v as object) })));
    liveReminders.push(...d.reminders.filter((r) => r.status !== 'upcoming'));
  }
  expect(page.items, `list on ${when}`).toEqual(live);
  const stored = (await host.invoke('members.check', {})) as { recordId: number; ruleId: string; message: string; level: string }[];
  const pick = (f: { recordId: number; ruleId: string; message: string; level: string }) => `${f.recordId}|${f.ruleId}|${f.level}|${f.message}`;
  expect(stored.map(pick).sort(), `合规检查 on ${when}`).toEqual((liveFindings as Parameters<typeof pick>[0][]).map(pick).sort());
  const reminders = (await host.invoke('members.reminders', {})) as { title: string; status: string; level: string; dueDate: string }[];
  const key = (r: { title: string; status: string; level: string; dueDate: string }) => `${r.dueDate}|${r.status}|${r.level}|${r.title}`;
  expect(reminders.map(key).sort(), `提醒 on ${when}`).toEqual((liveReminders as Parameters<typeof key>[0][]).map(key).sort());
}

type Counted = { id: number; errors: number; overdue: number; warnings: number };

/** The 问题 sort (a stored rank) against the order worked out here from every row's own counts, both ways. */
async function expectProblemOrder(host: LedgerHost, when: string) {
  const all = ((await host.invoke('members.list', { pageSize: 500 })) as { items: Counted[] }).items;
  const byProblems = [...all].sort((a, b) => a.errors - b.errors || a.overdue - b.overdue || a.warnings - b.warnings || a.id - b.id).map((r) => r.id);
  for (const sortOrder of ['ascend', 'descend'] as const) {
    const page = (await host.invoke('members.list', { pageSize: 500, sortField: 'problems', sortOrder })) as { items: Counted[] };
    expect(page.items.map((r) => r.id), `问题 ${sortOrder} on ${when}`).toEqual(sortOrder === 'ascend' ? byProblems : [...byProblems].reverse());
  }
  expect(all.some((r) => r.errors > 0) && all.some((r) => r.warnings > 0 || r.overdue > 0), `some problems on ${when}`).toBe(true);
}

async function person(host: LedgerHost, name: string, birth: string, seq: number) {
  return ((await host.invoke('people.create', { name, idNumber: makeIdNumber(birth, '男', seq), ethnicity: '01', occupation: '农牧渔民', education: '31' })) as { id: number }).id;
}

describe('stored judgement of 发展档案', () => {
  it('equals a fresh judgement after every kind of write', async () => {
    const host = await open();
    const personId = await person(host, '马晓东', '1996-04-02', 1);
    const { id } = (await host.invoke('members.create', { personId, applicationDate: '2023-01-10' })) as { id: number };
    await expectConsistent(host, 'members.create');
    for (let no = 2; no <= 9; no++) {
      await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no], ...(no === 7 ? { overrideReason: '测试' } : {}) });
    }
    await expectConsistent(host, 'members.recordStep');
    await host.invoke('members.addPeriodic', { recordId: id, kind: '考察', date: '2023-08-30' });
    await expectConsistent(host, 'members.addPeriodic');
    const detail = (await host.invoke('members.get', { id })) as { periodic: { id: number }[] };
    await host.invoke('members.removePeriodic', { id: detail.periodic[0]!.id });
    await expectConsistent(host, 'members.removePeriodic');
    await host.invoke('members.addLetter', { recordId: id, date: '2024-03-10', target: '西宁市城北区某街道党工委' });
    await expectConsistent(host, 'members.addLetter');
    await host.invoke('members.saveReview', { recordId: id, talkDate: '2024-03-08', talkBy: '王书记', conclusionResult: '合格', conclusionDate: '2024-04-01', conclusionSigner: '张明' });
    await expectConsistent(host, 'members.saveReview');
    const letters = ((await host.invoke('members.get', { id })) as { review: { letters: { id: number }[] } }).review.letters;
    await host.invoke('members.removeLetter', { id: letters[0]!.id });
    await expectConsistent(host, 'members.removeLetter');
    const removed = (await host.invoke('members.removeStep', { recordId: id, stepNo: 9 })) as { undoVersion: number };
    await expectConsistent(host, 'members.removeStep');
    await host.invoke('members.restoreStep', { recordId: id, stepNo: 9, ...CLEAN_PATH[9], since: removed.undoVersion });
    await expectConsistent(host, 'members.restoreStep');
    await host.invoke('members.update', { id, leavingSoon: true });
    await expectConsistent(host, 'members.update');
    const renamedId = makeIdNumber('2008-04-02', '男', 1);
    await host.invoke('people.update', { id: personId, name: '马小东', idNumber: renamedId, ethnicity: '01', occupation: '农牧渔民', education: '31' });
    await expectConsistent(host, 'people.update (birth date and name)');
    // The list's search box finds the file by the new name and number, not the old name.
    const found = async (q: string) => ((await host.invoke('members.list', { q })) as { total: number }).total;
    expect([await found('马小东'), await found(renamedId.slice(-6)), await found('马晓东')]).toEqual([1, 1, 0]);
    await host.invoke('members.addExit', { recordId: id, kind: '终止培养', date: '2024-06-01', reason: '本人外出务工' });
    await expectConsistent(host, 'members.addExit');
    const exits = ((await host.invoke('members.get', { id })) as { exits: { id: number }[] }).exits;
    await host.invoke('members.removeExit', { id: exits[0]!.id });
    await expectConsistent(host, 'members.removeExit');
    const gone = (await host.invoke('members.remove', { id })) as { undoVersion: number };
    expect(((await host.invoke('members.list', {})) as { total: number }).total).toBe(0);
    await expectConsistent(host, 'members.remove');
    await host.invoke('members.restore', { id, since: gone.undoVersion });
    expect(((await host.invoke('members.list', {})) as { total: number }).total).toBe(1);
    expect(await expectConsistent(host, 'members.restore')).toBe(1);
    const { jobId } = (await host.invoke('members.updateRules', { rules: { R02: { thresholds: { months: 2 } } } })) as { jobId: string };
    await host.jobs.settled(jobId);
    await expectConsistent(host, 'members.updateRules');
    await expectListMatchesLiveJudgement(host, 'after the writes');
  });

  it('notices a stored judgement that no longer matches the facts', async () => {
    const host = await open();
    const personId = await person(host, '李明', '1995-03-03', 2);
    await host.invoke('members.create', { personId, applicationDate: '2025-01-10' });
    host.context.sqlite.prepare('UPDATE member_state SET stage = 4').run();
    // A rank that is current by its dates but wrong is found too.
    host.context.sqlite.prepare('UPDATE member_state SET problem_rank = 7').run();
    const result = (await host.invoke('members.verifyState', {})) as Verify;
    expect(result.mismatches).toEqual([
      expect.objectContaining({ problem: expect.stringContaining('stage') }),
      expect.objectContaining({ problem: expect.stringContaining('问题排序值：保存为 7') }),
    ]);
  });

  it('is rebuilt at open when rows are missing: one lost from the middle, or the whole table', async () => {
    const host = await open();
    for (const [i, name] of ['马晓东', '韩秀英', '李建国'].entries()) {
      const personId = await person(host, name, '1996-04-02', i + 1);
      await host.invoke('members.create', { personId, applicationDate: '2025-03-10' });
    }
    const total = async () => ((await host.invoke('members.list', {})) as { total: number }).total;
    const middle = host.context.sqlite.prepare('SELECT min(record_id) FROM member_state').pluck().get();
    host.context.sqlite.prepare('DELETE FROM member_state WHERE record_id = ?').run(middle);
    await host.close();
    await host.start();
    expect(await total()).toBe(3);
    await expectConsistent(host, 'a row rebuilt at open');
    host.context.sqlite.exec('DELETE FROM member_findings; DELETE FROM member_deadlines; DELETE FROM member_state;');
    await host.close();
    await host.start();
    expect(await total()).toBe(3);
    await expectConsistent(host, 'the tables rebuilt at open');
  });

  it('stays true on the demo data as the days go by, a year and more ahead', async () => {
    const host = await open();
    generateDemo(host.context, { peoplePerUnit: 30 });
    const files = await expectConsistent(host, 'the demo data');
    expect(files).toBeGreaterThan(20);
    const start = clock.getTime();
    for (const days of [0, 1, 29, 31, 45, 92, 183, 200, 365, 366, 367, 500]) {
      clock = new Date(start + days * 86_400_000);
      await expectListMatchesLiveJudgement(host, `day +${days}`);
      await expectProblemOrder(host, `day +${days}`);
    }
    await expectConsistent(host, 'day +500');
    // A clock set back (a wrong PC date corrected) makes every rank stale.
    clock = new Date(start + 30 * 86_400_000);
    await expectProblemOrder(host, 'day +30, after +500');
  }, 120_000);
});
