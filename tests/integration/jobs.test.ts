/**
 * The jobs API as a transport sees it: start → jobId, jobs.status while it runs, jobs.cancel, and the host keeping
 * other writes out while a writing job runs. Test kinds hold at a gate so the test looks at a job mid-run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../core/context';
import { LedgerError } from '../../core/errors';
import type { LedgerHost } from '../../core/host';
import { registerJobKind } from '../../core/jobs/registry';
import type { JobStatus } from '../../core/jobs/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

function gate() {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
let hold = gate();

/** Reads every name, holds after the first of two slices, then renames everyone in one transaction at the end. */
const RENAME = registerJobKind('test.rename', {
  label: '测试改名',
  writes: true,
  run: async (ctx, _input: unknown, reporter) => {
    const ids = ctx.sqlite.prepare('SELECT id FROM people ORDER BY id').pluck().all() as number[];
    reporter.progress(1, 2, '已读完第一段');
    await reporter.checkpoint();
    await hold.wait;
    await reporter.checkpoint();
    const rename = ctx.sqlite.prepare("UPDATE people SET name = name || '改' WHERE id = ?");
    inTransaction(ctx, () => ids.forEach((id) => rename.run(id)));
    reporter.progress(2, 2, '已改名');
    return { renamed: ids.length };
  },
  doneMessage: ({ renamed }) => `已改名 ${renamed} 人`,
});

/** Fails halfway through its one transaction: the part it wrote must be rolled back. */
const BROKEN = registerJobKind('test.broken', {
  label: '测试故障',
  writes: true,
  run: async (ctx, _input: unknown, reporter) => {
    reporter.progress(0, 1);
    await reporter.checkpoint();
    inTransaction(ctx, () => {
      ctx.sqlite.prepare("UPDATE people SET name = name || '坏'").run();
      throw new LedgerError('IO', '读取文件时出错');
    });
  },
});

/** A job that only reads: it must not keep writes out. */
const READER = registerJobKind('test.reader', {
  label: '测试读取',
  writes: false,
  run: async (_ctx, _input: unknown, reporter) => {
    await reporter.checkpoint();
    await hold.wait;
    await reporter.checkpoint();
    return null;
  },
});

let host: LedgerHost;
let close: () => Promise<void>;
beforeEach(async () => {
  hold = gate();
  ({ host, close } = await startHost({ now: () => new Date('2025-08-01T09:00:00+08:00') }));
  for (const [i, name] of ['马晓东', '韩秀英', '李建国'].entries()) {
    const person = (await host.invoke('people.create', { name, idNumber: makeIdNumber('1996-04-02', '男', i + 1), ethnicity: '01' })) as { id: number };
    await host.invoke('members.create', { personId: person.id, applicationDate: '2025-03-10' });
  }
});
afterEach(async () => {
  hold.open();
  await close();
});

const status = async (jobId: string) => (await host.invoke('jobs.status', { jobId })) as JobStatus;
const names = async () => ((await host.invoke('people.list', {})) as { items: { name: string }[] }).items.map((p) => p.name).sort();
const start = (kind: string) => host.jobs.start(host.context, kind, {}).jobId;

async function until(jobId: string, ok: (s: JobStatus) => boolean): Promise<JobStatus> {
  for (let i = 0; i < 500; i++) {
    const s = await status(jobId);
    if (ok(s)) return s;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`job ${jobId} never reached the expected state: ${JSON.stringify(await status(jobId))}`);
}

describe('members.rejudge', () => {
  it('starts as a job, returns its id at once, and ends 已完成 with every live file counted', async () => {
    const { jobId } = (await host.invoke('members.rejudge', {})) as { jobId: string };
    expect(await status(jobId)).toMatchObject({ state: '运行中', label: '重新校验全部发展档案', writes: true });
    const done = await host.jobs.settled(jobId);
    expect(done).toMatchObject({ state: '已完成', done: 3, total: 3, result: { files: 3 }, message: '已重新校验 3 份发展档案', endedAt: expect.any(String) });
    expect(((await host.invoke('jobs.list', {})) as JobStatus[]).map((j) => j.jobId)).toContain(jobId);
  });

  it('cancelled before its first chunk, it ends 已取消 and every file reads as before', async () => {
    const before = await host.invoke('members.list', {});
    const { jobId } = (await host.invoke('members.rejudge', {})) as { jobId: string };
    expect(await host.invoke('jobs.cancel', { jobId })).toMatchObject({ cancelRequested: true, message: expect.stringContaining('正在取消') });
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已取消', message: expect.stringContaining('数据保持原样') });
    expect(await host.invoke('members.list', {})).toEqual(before);
  });
});

describe('members.updateRules', () => {
  const rules = async () => (await host.invoke('members.rules', {})) as { version: number; rules: { id: string; level: string }[] };
  const levelOf = async (id: string) => (await rules()).rules.find((r) => r.id === id)!.level;

  it('saves the new version and re-judges every file in one job, so the list reads by the new rules when it ends', async () => {
    const { jobId } = (await host.invoke('members.updateRules', { rules: { R02: { level: 'off' } } })) as { jobId: string };
    expect(await status(jobId)).toMatchObject({ state: '运行中', label: '保存规则设置并重新校验发展档案', writes: true });
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已完成', done: 3, total: 3, result: { version: 2, files: 3 }, message: '已生成第 2 版规则，已按新规则重新校验 3 份发展档案' });
    expect(await rules()).toMatchObject({ version: 2 });
    expect(await levelOf('R02')).toBe('off');
    expect(await host.invoke('members.verifyState', {})).toMatchObject({ files: 3, mismatches: [] });
  });

  it('cancelled, saves no version and leaves every file as it was judged', async () => {
    const before = await host.invoke('members.list', {});
    const { jobId } = (await host.invoke('members.updateRules', { rules: { R02: { level: 'off' } } })) as { jobId: string };
    await host.invoke('jobs.cancel', { jobId });
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已取消' });
    expect(await rules()).toMatchObject({ version: 1 });
    expect(await host.invoke('members.list', {})).toEqual(before);
  });

  it('a later 施行日期 saves the version without re-judging; a bad threshold is refused before any job starts', async () => {
    const { jobId } = (await host.invoke('members.updateRules', { effectiveDate: '2025-09-01', rules: { R02: { level: 'off' } } })) as { jobId: string };
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已完成', result: { version: 2, files: 0 }, message: expect.stringContaining('尚未施行') });
    expect(await levelOf('R02')).not.toBe('off');
    expect(await host.call('members.updateRules', { rules: { R02: { thresholds: { months: 100000 } } } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await host.invoke('jobs.list', {})).toHaveLength(1);
  });
});

describe('a job mid-run', () => {
  it('shows its progress while reads keep answering', async () => {
    const jobId = start(RENAME);
    const mid = await until(jobId, (s) => s.done === 1);
    expect(mid).toMatchObject({ state: '运行中', done: 1, total: 2, message: '已读完第一段' });
    expect(await names()).toEqual(['李建国', '韩秀英', '马晓东'].sort());
    hold.open();
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已完成', done: 2, result: { renamed: 3 }, message: '已改名 3 人' });
    expect(await names()).toEqual(['李建国改', '韩秀英改', '马晓东改'].sort());
  });

  it('cancelled, leaves the data exactly as it was', async () => {
    const before = await names();
    const jobId = start(RENAME);
    await until(jobId, (s) => s.done === 1);
    await host.invoke('jobs.cancel', { jobId });
    hold.open();
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已取消', done: 1 });
    expect(await names()).toEqual(before);
  });

  it('while it writes, every other write is refused in Chinese, reads answer, and writes work again after it', async () => {
    const jobId = start(RENAME);
    await until(jobId, (s) => s.done === 1);
    const refused = await host.call('org.updateSettings', { fillerName: '王五' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('“测试改名”正在进行（1 / 2），完成之前不能修改数据') } });
    expect(await host.call('members.rejudge', {})).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(await host.call('app.openDemo', {})).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('不能切换') } });
    expect(await host.call('members.list', {})).toMatchObject({ ok: true, data: { total: 3 } });
    hold.open();
    await host.jobs.settled(jobId);
    expect(await host.call('org.updateSettings', { fillerName: '王五' })).toMatchObject({ ok: true, data: { fillerName: '王五' } });
  });

  it('a job that only reads keeps no write out', async () => {
    const jobId = start(READER);
    expect(await host.call('org.updateSettings', { fillerName: '王五' })).toMatchObject({ ok: true });
    hold.open();
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已完成' });
  });

  it('is cancelled and waited for when the host closes, so nothing is written after', async () => {
    const before = await names();
    const jobId = start(RENAME);
    await until(jobId, (s) => s.done === 1);
    const closing = host.close();
    hold.open();
    await closing;
    expect(await host.jobs.settled(jobId)).toMatchObject({ state: '已取消' });
    await host.start();
    expect(await names()).toEqual(before);
  });
});

describe('a failing job', () => {
  it('ends 失败 with the Chinese reason, and what it wrote before failing is rolled back', async () => {
    const before = await names();
    const jobId = start(BROKEN);
    const failed = await host.jobs.settled(jobId);
    expect(failed).toMatchObject({ state: '失败', error: { code: 'IO', message: '读取文件时出错' }, message: '测试故障失败：读取文件时出错' });
    expect(await status(jobId)).toMatchObject({ state: '失败' });
    expect(await names()).toEqual(before);
    // The failure releases the write lock.
    expect(await host.call('org.updateSettings', { fillerName: '王五' })).toMatchObject({ ok: true });
  });

  it('an unknown job id is 不存在, in Chinese', async () => {
    expect(await host.call('jobs.status', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('该后台任务不存在') } });
  });
});
