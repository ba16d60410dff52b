import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as fsp from 'node:fs/promises';
import { writeFileAtomic, writeFileAtomicSync, type AtomicFs, type AtomicFsPromises } from '../../lib/atomic-write';
import { LedgerError } from '../../lib/errors';

const dirs: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** The disk fills after `room` bytes: the first writes land, then ENOSPC, as on a nearly full USB stick. */
function fullDiskAfter(room: number): AtomicFs {
  let used = 0;
  return {
    ...fs,
    writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
      if (used >= room) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      const n = Math.min(length, room - used);
      used += n;
      return fs.writeSync(fd, buffer, offset, n);
    }) as AtomicFs['writeSync'],
  };
}

describe('writeFileAtomicSync', () => {
  const big = Buffer.alloc(64 * 1024, 7);

  it('writes the whole file and leaves nothing else in the folder', () => {
    const dir = folder();
    writeFileAtomicSync(join(dir, '花名册.xlsx'), big);
    expect(readFileSync(join(dir, '花名册.xlsx')).equals(big)).toBe(true);
    expect(readdirSync(dir)).toEqual(['花名册.xlsx']);
  });

  it('on a full disk leaves no file and no temporary file, and says so in Chinese', () => {
    const dir = folder();
    const target = join(dir, '花名册.xlsx');
    let caught: unknown;
    try {
      writeFileAtomicSync(target, big, fullDiskAfter(12 * 1024));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LedgerError);
    expect((caught as LedgerError).code).toBe('DISK_FULL');
    expect((caught as LedgerError).message).toBe('无法保存“花名册.xlsx”：磁盘空间不足，文件未写入。');
    expect((caught as LedgerError).message).not.toMatch(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old content of a file it could not replace', () => {
    const dir = folder();
    const target = join(dir, '统计表.xlsx');
    writeFileSync(target, 'old report');
    expect(() => writeFileAtomicSync(target, big, fullDiskAfter(1000))).toThrow(/磁盘空间不足/);
    expect(readFileSync(target, 'utf8')).toBe('old report');
    expect(readdirSync(dir)).toEqual(['统计表.xlsx']);
  });

  it('a failed rename (file open in Excel) removes the temporary file', () => {
    const dir = folder();
    const target = join(dir, '台账.xlsx');
    const locked: AtomicFs = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      },
    };
    expect(() => writeFileAtomicSync(target, big, locked)).toThrow('无法保存“台账.xlsx”：该文件可能正在被 Excel 或 WPS 打开。');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a missing folder is a Chinese message, not ENOENT', () => {
    const target = join(folder(), '不存在', 'a.xlsx');
    expect(() => writeFileAtomicSync(target, big)).toThrow('无法保存“a.xlsx”：所选文件夹不存在或 U 盘已拔出。');
  });
});

describe('writeFileAtomic (async, Electron save dialog)', () => {
  it('a write that fails part-way leaves no file behind', async () => {
    const dir = folder();
    const target = join(dir, '报表.xlsx');
    const failing: AtomicFsPromises = {
      ...fsp,
      open: (async (path: string, flags: string) => {
        const handle = await fsp.open(path, flags);
        return Object.assign(Object.create(handle) as typeof handle, {
          writeFile: async (data: Uint8Array) => {
            await handle.write(data.subarray(0, 12 * 1024));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        });
      }) as AtomicFsPromises['open'],
    };
    await expect(writeFileAtomic(target, Buffer.alloc(64 * 1024, 1), failing)).rejects.toThrow('无法保存“报表.xlsx”：磁盘空间不足，文件未写入。');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the file when nothing fails', async () => {
    const dir = folder();
    await writeFileAtomic(join(dir, 'a.xlsx'), Buffer.from('abc'));
    expect(readFileSync(join(dir, 'a.xlsx'), 'utf8')).toBe('abc');
    expect(readdirSync(dir)).toEqual(['a.xlsx']);
  });
});
