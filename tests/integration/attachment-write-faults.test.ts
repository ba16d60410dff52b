/**
 * A failed upload leaves nothing behind (issue 11: a full disk left 21 orphan files out of 21 failed uploads). The
 * write failures are injected into node:fs where the attachment store writes; the real full disk runs on a small
 * tmpfs where this machine lets the test mount one.
 */
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { LedgerHost as Host } from '../../core/host';
import { FILES } from '../helpers/attachment-files';
import { SETUP_INPUT, makeIdNumber, startHost } from '../helpers/ledger';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, writeSync: vi.fn(actual.writeSync), renameSync: vi.fn(actual.renameSync) };
});

const realFs = await vi.importActual<typeof import('node:fs')>('node:fs');

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure, write`), { code, errno: -28, syscall: 'write' });
}

function filesUnder(root: string): string[] {
  return realFs.existsSync(root) ? realFs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
}

async function firstStep(host: LedgerHost): Promise<number> {
  const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
  return ((await host.invoke('members.get', { id })) as { steps: { id: number | null }[] }).steps[0]!.id!;
}

describe('injected write failures', () => {
  let host: LedgerHost;
  let dir: string;
  let close: () => Promise<void>;
  let stepId: number;
  beforeEach(async () => {
    ({ host, dir, close } = await startHost());
    stepId = await firstStep(host);
  });
  afterEach(async () => {
    vi.mocked(fs.writeSync).mockReset().mockImplementation(realFs.writeSync);
    vi.mocked(fs.renameSync).mockReset().mockImplementation(realFs.renameSync);
    await close();
  });

  const upload = (fileName: string) => host.call('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName, base64: FILES.pdf.toString('base64') });
  const rows = () => host.context.sqlite.prepare('SELECT count(*) FROM attachments').pluck().get();
  const logs = () => host.context.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();

  it('a disk that fills up half way through the file: a clear message, no half file, no row, no log entry', async () => {
    const before = { rows: rows(), logs: logs() };
    // The first half reaches the disk, then the disk is full: what a real ENOSPC leaves without clean-up.
    const halfThenFull = (fd: number, buffer: Buffer, offset: number, length: number): number => {
      realFs.writeSync(fd, buffer, offset, Math.ceil(length / 2));
      throw systemError('ENOSPC');
    };
    vi.mocked(fs.writeSync).mockImplementation(halfThenFull as unknown as typeof fs.writeSync);
    for (let i = 0; i < 5; i++) {
      const result = await upload(`入党申请书${i}.pdf`);
      expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: `磁盘空间不足，附件“入党申请书${i}.pdf”没有保存。` } });
      expect((result as { error: { hint?: string } }).error.hint).toContain('清理磁盘空间');
    }
    expect(filesUnder(join(dir, 'attachments'))).toEqual([]);
    expect({ rows: rows(), logs: logs() }).toEqual(before);
  });

  it('a read-only folder and an I/O error say so in Chinese, without the system text', async () => {
    vi.mocked(fs.writeSync).mockImplementationOnce(() => {
      throw systemError('EACCES');
    });
    const denied = await upload('政审.pdf');
    expect(denied).toMatchObject({ ok: false, error: { code: 'READ_ONLY', message: expect.stringContaining('数据文件夹不允许写入') } });
    vi.mocked(fs.writeSync).mockImplementationOnce(() => {
      throw systemError('EIO');
    });
    const broken = await upload('政审.pdf');
    expect(broken).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringContaining('附件“政审.pdf”没有保存') } });
    for (const r of [denied, broken]) expect(JSON.stringify((r as { error: unknown }).error)).not.toMatch(/EACCES|EIO|injected/);
    expect(filesUnder(join(dir, 'attachments'))).toEqual([]);
  });

  it('a rename that fails after the bytes were written: the temporary file is removed and the row rolled back', async () => {
    const before = { rows: rows(), logs: logs() };
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw systemError('EIO');
    });
    expect(await upload('谈话记录.pdf')).toMatchObject({ ok: false, error: { code: 'IO' } });
    expect(filesUnder(join(dir, 'attachments'))).toEqual([]);
    expect({ rows: rows(), logs: logs() }).toEqual(before);
  });

  it('a database write that fails after the file was written: the file is removed again', async () => {
    host.context.sqlite.exec("CREATE TEMP TRIGGER refuse_log BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    const before = rows();
    const result = await upload('谈话记录.pdf');
    expect(result.ok).toBe(false);
    host.context.sqlite.exec('DROP TRIGGER refuse_log');
    expect(filesUnder(join(dir, 'attachments'))).toEqual([]);
    expect(rows()).toBe(before);
    // And the next upload, with the disk fine again, works.
    expect(await upload('谈话记录.pdf')).toMatchObject({ ok: true });
    expect(filesUnder(join(dir, 'attachments'))).toHaveLength(1);
  });
});

/** A real full disk where the test may mount a tmpfs (root on Linux); elsewhere it says why it is skipped. */
function mountTmpfs(): { dir: string; unmount: () => void } | string {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return '需要 Linux 的 root 权限才能挂载一个小的 tmpfs';
  const target = realFs.mkdtempSync('/tmp/ledger-full-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', target], { stdio: 'ignore' });
  } catch {
    realFs.rmSync(target, { recursive: true, force: true });
    return '这台机器不允许挂载 tmpfs';
  }
  return {
    dir: target,
    unmount: () => {
      execFileSync('umount', [target], { stdio: 'ignore' });
      realFs.rmSync(target, { recursive: true, force: true });
    },
  };
}

const mounted = mountTmpfs();
describe.skipIf(typeof mounted === 'string')(`a real full disk${typeof mounted === 'string' ? `（跳过：${mounted}）` : ''}`, () => {
  it('uploads that do not fit leave no orphan file and no row, and the ledger keeps working', async () => {
    const { dir, unmount } = mounted as Exclude<typeof mounted, string>;
    const host = new Host({ dataDir: dir });
    try {
      await host.start();
      await host.invoke('org.setup', SETUP_INPUT);
      const stepId = await firstStep(host);
      const free = realFs.statfsSync(dir);
      const room = free.bavail * free.bsize;
      // A real PDF header with more bytes than the disk has left.
      const big = Buffer.concat([FILES.pdf, Buffer.alloc(Math.min(room + 256 * 1024, 14 * 1024 * 1024), 0x20)]);
      let failures = 0;
      for (let i = 0; i < 3; i++) {
        const result = await host.call('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: `大扫描件${i}.pdf`, base64: big.toString('base64') });
        if (!result.ok) {
          failures++;
          expect(result.error).toMatchObject({ code: 'DISK_FULL', message: expect.stringContaining(`大扫描件${i}.pdf`) });
        }
      }
      expect(failures).toBe(3);
      expect(filesUnder(join(dir, 'attachments'))).toEqual([]);
      expect(host.context.sqlite.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
      const small = await host.call('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: '小扫描件.pdf', base64: FILES.pdf.toString('base64') });
      expect(small).toMatchObject({ ok: true });
    } finally {
      await host.close();
      unmount();
    }
  }, 60_000);
});
