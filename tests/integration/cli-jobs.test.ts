/**
 * `ledger rejudge` as district IT scripts it: progress on stderr, the final status as JSON on stdout, both read
 * through a real pipe whose reader lags (tests/helpers/slow_pipe_reader.py); Ctrl-C cancels and says so.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../core/args';
import { CANCELLED, runCommand, type Io } from '../../cli/commands';
import { makeIdNumber, startHost, tempDir } from '../helpers/ledger';

const tmp = tempDir('ledger-jobs-');
afterAll(() => tmp.cleanup());

/** The piped stream arrives in `piped`; the command's other stream is inherited by the reader, see slow_pipe_reader.py. */
function piped(stream: 'stdout' | 'stderr', dataDir: string, ...args: string[]) {
  const run = spawnSync('python3', ['tests/helpers/slow_pipe_reader.py', stream, process.execPath, 'bin/ledger.mjs', ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: run.status, piped: run.stdout, other: run.stderr };
}

/** An Io that records what the CLI prints and presses Ctrl-C as soon as the job has started, when asked to. */
function recordingIo(pressCtrlC: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    readFile: () => Buffer.alloc(0),
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    writeFile: () => undefined,
    onInterrupt: (handler) => {
      if (pressCtrlC) queueMicrotask(handler);
      return () => undefined;
    },
  };
  return { io, out, err };
}

describe('ledger rejudge', { timeout: 180_000 }, () => {
  it('through a pipe: progress lines on stderr, the final status as JSON on stdout, exit 0', () => {
    expect(piped('stdout', tmp.dir, 'demo').code).toBe(0);

    const progress = piped('stderr', tmp.dir, 'rejudge', '--demo');
    expect(progress.code).toBe(0);
    // The reader's stdout carries the command's own stdout first (the JSON), then the copy of the piped stderr.
    const lines = progress.piped.trim().split('\n').filter((l) => l.startsWith('['));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^\[0%\] /);
    expect(lines.at(-1)).toMatch(/^\[100%\] 已重新校验 \d+ 份发展档案$/);

    const result = piped('stdout', tmp.dir, 'rejudge', '--demo');
    expect(result.code).toBe(0);
    const status = JSON.parse(result.piped) as { ok: boolean; state: string; done: number; total: number; result: { files: number } };
    expect(status).toMatchObject({ ok: true, state: '已完成' });
    expect(status.result.files).toBeGreaterThan(0);
    expect(status.done).toBe(status.total);
    expect(result.other).toContain(`已重新校验 ${status.result.files} 份发展档案`);
  });

  it('call members.rejudge waits for the job too, rather than exiting (which would cancel it)', () => {
    const run = piped('stdout', tmp.dir, 'call', 'members.rejudge', '{}', '--demo');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.piped)).toMatchObject({ ok: true, state: '已完成', result: { files: expect.any(Number) } });
  });

  it('on a data folder not yet set up, says so in Chinese with exit 2', () => {
    const empty = tempDir('ledger-jobs-empty-');
    try {
      const run = piped('stderr', empty.dir, 'rejudge');
      expect(run.code).toBe(2);
      expect(JSON.parse(run.piped)).toMatchObject({ ok: false, error: { code: 'NOT_SET_UP', message: expect.stringContaining('首次设置') } });
    } finally {
      empty.cleanup();
    }
  });

  it('Ctrl-C cancels the job: 已取消 on stderr, nothing on stdout, exit 130, files as before', async () => {
    const { host, close } = await startHost();
    try {
      const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '01' })) as { id: number };
      await host.invoke('members.create', { personId: person.id, applicationDate: '2025-03-10' });
      const before = await host.invoke('members.list', {});

      const cancelled = recordingIo(true);
      expect(await runCommand(host, 'rejudge', [], parseArgs([]), cancelled.io)).toBe(CANCELLED);
      expect(cancelled.err.join('\n')).toContain('正在取消');
      expect(cancelled.err.at(-1)).toBe('[0%] 重新校验全部发展档案已取消，数据保持原样');
      expect(cancelled.out).toEqual([]);
      expect(await host.invoke('members.list', {})).toEqual(before);

      // Without Ctrl-C the same command completes: the cancel above was the key press, not the data.
      const completed = recordingIo(false);
      expect(await runCommand(host, 'rejudge', [], parseArgs([]), completed.io)).toBe(0);
      expect(completed.err.at(-1)).toBe('[100%] 已重新校验 1 份发展档案');
    } finally {
      await close();
    }
  });
});
