import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost } from '../helpers/ledger';

let host: LedgerHost;
let dir: string;
let close: () => Promise<void>;
let stepId: number;

beforeEach(async () => {
  ({ host, dir, close } = await startHost());
  const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
  const detail = (await host.invoke('members.get', { id })) as { steps: { id: number | null }[] };
  stepId = detail.steps[0]!.id!;
});
afterEach(() => close());

const scan = Buffer.from('%PDF-1.4 入党申请书扫描件').toString('base64');
const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).toString('base64');

describe('attachments', () => {
  it('copies a scan into the data folder and reads it back unchanged', async () => {
    const added = (await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: '入党申请书.pdf', base64: scan })) as { id: number; size: number };
    expect(added.size).toBeGreaterThan(0);
    const listed = (await host.invoke('attachments.list', { ownerType: 'member_step', ownerId: stepId })) as { fileName: string }[];
    expect(listed.map((a) => a.fileName)).toEqual(['入党申请书.pdf']);
    const read = (await host.invoke('attachments.read', { id: added.id })) as { base64: string; absolutePath: string };
    expect(read.base64).toBe(scan);
    expect(read.absolutePath.startsWith(join(dir, 'attachments'))).toBe(true);
  });

  it('refuses an attachment for a record that does not exist, and writes no file', async () => {
    await expect(host.invoke('attachments.add', { ownerType: 'member_step', ownerId: 9999, fileName: 'x.pdf', base64: scan })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(join(dir, 'attachments'))).toBe(false);
  });

  it('removes an attachment from the list but keeps the file and the log', async () => {
    const added = (await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: 'a.jpg', base64: photo })) as { id: number };
    await host.invoke('attachments.remove', { id: added.id });
    expect(await host.invoke('attachments.list', { ownerType: 'member_step', ownerId: stepId })).toEqual([]);
    const year = readdirSync(join(dir, 'attachments'))[0]!;
    expect(readdirSync(join(dir, 'attachments', year))).toHaveLength(1);
    const log = (await host.invoke('audit.list', { entity: 'attachment' })) as { total: number };
    expect(log.total).toBe(2);
  });

  it('refuses a file over 15MB with a Chinese message naming it', async () => {
    const big = Buffer.alloc(16 * 1024 * 1024, 1).toString('base64');
    await expect(host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: '大扫描件.pdf', base64: big })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('大扫描件.pdf'),
    });
  });

  it('says in Chinese when a stored file has gone missing', async () => {
    const added = (await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: 'a.jpg', base64: photo })) as { id: number };
    rmSync(join(dir, 'attachments'), { recursive: true });
    await expect(host.invoke('attachments.read', { id: added.id })).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('a.jpg') });
  });
});

describe('attachments of removed records', () => {
  it('leave the lists when their 函调 letter is deleted', async () => {
    const { host, close } = await startHost();
    try {
      const person = (await host.invoke('people.create', { name: '韩雪莲', idNumber: makeIdNumber('1999-01-01', '女'), ethnicity: '01' })) as { id: number };
      const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
      await host.invoke('members.addLetter', { recordId: id, date: '2026-10-20', target: '多巴镇派出所' });
      const letterId = ((await host.invoke('members.get', { id })) as { review: { letters: { id: number }[] } }).review.letters[0]!.id;
      await host.invoke('attachments.add', { ownerType: 'review_letter', ownerId: letterId, fileName: '回函.pdf', base64: scan });
      await host.invoke('members.removeLetter', { id: letterId });
      expect(await host.invoke('attachments.list', { ownerType: 'review_letter', ownerId: letterId })).toEqual([]);
    } finally {
      await close();
    }
  });
});
