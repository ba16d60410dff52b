/** `ledger backup --out`, `ledger verify`, `ledger restore` in-process through runCommand, with their exit codes. */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type Io } from '../../cli/commands';
import { parseArgs } from '../../core/args';
import { LedgerHost } from '../../core/host';
import { SETUP_INPUT, makeIdNumber, tempDir } from '../helpers/ledger';

const tmp = tempDir('ledger-backup-cli-');
afterAll(() => tmp.cleanup());
const data = join(tmp.dir, 'data');
const usb = join(tmp.dir, 'usb');

async function ledger(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const args = parseArgs([...argv, '--data-dir', data]);
  const [command, ...rest] = args.rest;
  const host = new LedgerHost({ dataDir: data });
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), writeFile: () => undefined, readFile: () => Buffer.alloc(0) };
  const code = await runCommand(host, command!, rest, args, io);
  await host.close();
  return { code, out, err };
}

describe('ledger backup / verify / restore', () => {
  it('backs up to the named file, verifies it, restores it, and refuses a file that is no backup', async () => {
    const host = new LedgerHost({ dataDir: data });
    await host.start();
    await host.invoke('org.setup', SETUP_INPUT);
    await host.close();
    const file = join(usb, '台账备份.zip');
    const made = await ledger('backup', '--out', file);
    expect(made.code, made.err).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ ok: true, fileName: '台账备份.zip', file });
    expect(made.err).toContain('备份完成，已校验');
    expect(readdirSync(usb)).toEqual(['台账备份.zip']);

    const verified = await ledger('verify', file);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, unitName: SETUP_INPUT.unitName });

    const later = new LedgerHost({ dataDir: data });
    await later.start();
    await later.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' });
    await later.close();
    const restored = await ledger('restore', file);
    expect(restored.code, restored.err).toBe(0);
    const after = await ledger('call', 'people.list', '{}');
    expect(JSON.parse(after.out).total).toBe(0);

    writeFileSync(join(usb, '照片.zip'), 'not a zip');
    const bad = await ledger('verify', join(usb, '照片.zip'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.message).toContain('无法作为 zip 压缩包读取');
    const refused = await ledger('restore', join(usb, '照片.zip'));
    expect(refused.code).toBe(1);
    expect(existsSync(join(data, 'ledger.db'))).toBe(true);
  });
});
