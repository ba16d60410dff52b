/**
 * Backup and restore end to end through the contract: the archive's contents, the manual file name, a restore that
 * brings records and attachments back, the automatic backups (before a restore, before an import, daily) and the
 * rotation that keeps shared attachment files another backup still needs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openZip } from '../../core/backup/archive';
import { chooseKept } from '../../core/backup/rotation';
import type { LedgerHost } from '../../core/host';
import { LedgerHost as Host } from '../../core/host';
import { SETUP_INPUT, addPeople, makeIdNumber, startHost, tempDir } from '../helpers/ledger';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

export async function runJob(host: LedgerHost, method: string, input: unknown) {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  return host.jobs.settled(jobId);
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text}`).toString('base64');

async function ledgerWithScan() {
  const started = await startHost();
  cleanup = started.close;
  const { host } = started;
  const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
  const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
  const detail = (await host.invoke('members.get', { id })) as { steps: { id: number | null }[] };
  const stepId = detail.steps[0]!.id!;
  const scan = (await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: '入党申请书.pdf', base64: pdf('申请书') })) as { id: number };
  return { ...started, stepId, scanId: scan.id };
}

const peopleNames = async (host: LedgerHost) => ((await host.invoke('people.list', {})) as { items: { name: string }[] }).items.map((r) => r.name).sort();

describe('backup', () => {
  it('writes one verified zip with the database, the attachments and a manifest of hashes, named after the unit', async () => {
    const { host, dir } = await ledgerWithScan();
    const done = await runJob(host, 'backup.create', {});
    expect(done.state).toBe('已完成');
    const result = done.result as { fileName: string; info: { counts: { table: string; count: number }[]; attachments: number } };
    expect(result.fileName).toMatch(/^中共湟中区多巴镇委员会-台账备份-\d{8}-\d{6}\.zip$/);
    expect(result.info.counts.find((c) => c.table === 'people')?.count).toBe(1);
    expect(result.info.attachments).toBe(1);

    const zip = await openZip(join(dir, 'backups', result.fileName));
    try {
      const names = [...zip.entries.keys()].sort();
      expect(names[0]).toMatch(/^attachments\/\d{4}\/.+\.pdf$/);
      expect(names.slice(1)).toEqual(['ledger.db', 'manifest.json']);
      const manifest = JSON.parse((await zip.readBuffer('manifest.json', 1e6)).toString()) as Record<string, unknown> & { entries: { path: string; sha256: string; shared?: boolean }[] };
      expect(manifest).toMatchObject({ applicationId: 'grassroots-ledger', kind: 'manual', unitName: SETUP_INPUT.unitName, townName: '多巴镇' });
      expect(manifest.schemaVersion).toMatch(/^\d{4}_/);
      // A manual backup is self-contained: its scan is inside, with the hash of the file in the data folder.
      const scan = manifest.entries.find((e) => e.path.startsWith('attachments/'))!;
      expect(scan.shared).toBeUndefined();
      expect(scan.sha256).toBe(createHash('sha256').update(readFileSync(join(dir, scan.path))).digest('hex'));
    } finally {
      zip.close();
    }
    const list = (await host.invoke('backup.list', {})) as { fileName: string; kindLabel: string; size: number }[];
    expect(list).toEqual([expect.objectContaining({ fileName: result.fileName, kindLabel: '手动备份' })]);
    expect(list[0]!.size).toBe(statSync(join(dir, 'backups', result.fileName)).size);
    // Nothing half-written stays behind.
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('lets a running export finish on the old file before the restore swaps it, and the next call reads the restored data', async () => {
    const { host } = await ledgerWithScan();
    const backup = (await runJob(host, 'backup.create', {})).result as { fileName: string };
    // Enough people that the roster is still being written when the restore reaches its swap.
    addPeople(host, 1, 6000);
    const exporting = host.call('reports.export', { reportId: 'people-roster' });
    const restoring = runJob(host, 'backup.restore', { source: { fileName: backup.fileName }, confirm: true });
    const exported = await exporting;
    expect(exported.ok ? null : exported.error.message).toBeNull();
    expect(exported).toMatchObject({ ok: true, data: { rowCount: 6001 } });
    const restored = await restoring;
    expect(restored.state, JSON.stringify(restored.error)).toBe('已完成');
    expect(await peopleNames(host)).toEqual(['马晓东']);
  }, 60_000);

  it('restores records and attachments as they were, after backing up the current state', async () => {
    const { host, dir, stepId, scanId } = await ledgerWithScan();
    const backup = (await runJob(host, 'backup.create', {})).result as { fileName: string };
    await host.invoke('people.create', { name: '李新来', idNumber: makeIdNumber('1990-01-01', '女', 3), ethnicity: '01' });
    await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: '谈话记录.pdf', base64: pdf('谈话') });
    await host.invoke('attachments.remove', { id: scanId });
    expect(await peopleNames(host)).toEqual(['李新来', '马晓东']);

    const info = (await host.invoke('backup.inspect', { source: { fileName: backup.fileName } })) as { counts: { table: string; count: number }[]; unitName: string };
    expect(info.unitName).toBe(SETUP_INPUT.unitName);
    expect(info.counts.find((c) => c.table === 'people')!.count).toBe(1);

    const restored = await runJob(host, 'backup.restore', { source: { fileName: backup.fileName }, confirm: true });
    expect(restored.state, JSON.stringify(restored.error)).toBe('已完成');
    expect(await peopleNames(host)).toEqual(['马晓东']);
    const scans = (await host.invoke('attachments.list', { ownerType: 'member_step', ownerId: stepId })) as { id: number; fileName: string }[];
    expect(scans.map((s) => s.fileName)).toEqual(['入党申请书.pdf']);
    const file = (await host.invoke('attachments.read', { id: scans[0]!.id })) as { base64: string };
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('%PDF-1.4 申请书');
    expect(((await host.invoke('app.checkIntegrity', {})) as { ok: boolean }).ok).toBe(true);

    // The state before the restore was kept, and restoring it brings the newer person and scan back.
    const safety = (restored.result as { safetyBackup: string }).safetyBackup;
    const list = (await host.invoke('backup.list', {})) as { fileName: string; kind: string }[];
    expect(list.find((b) => b.fileName === safety)?.kind).toBe('before-restore');
    const back = await runJob(host, 'backup.restore', { source: { fileName: safety }, confirm: true });
    expect(back.state, JSON.stringify(back.error)).toBe('已完成');
    expect(await peopleNames(host)).toEqual(['李新来', '马晓东']);
    const later = (await host.invoke('attachments.list', { ownerType: 'member_step', ownerId: stepId })) as { id: number; fileName: string }[];
    expect(later.map((s) => s.fileName)).toEqual(['谈话记录.pdf']);
    const talk = (await host.invoke('attachments.read', { id: later[0]!.id })) as { base64: string };
    expect(Buffer.from(talk.base64, 'base64').toString()).toBe('%PDF-1.4 谈话');
    // The restore is in the audit log of the restored ledger.
    const audit = (await host.invoke('audit.list', {})) as { items: { summary: string }[] };
    expect(audit.items.some((r) => r.summary.startsWith(`从备份恢复：${safety}`))).toBe(true);
    expect(existsSync(join(dir, 'ledger.db'))).toBe(true);
  });

  it('restores an uploaded copy of a backup, and refuses without the confirmation', async () => {
    const { host, dir } = await ledgerWithScan();
    const backup = (await runJob(host, 'backup.create', {})).result as { fileName: string };
    const base64 = readFileSync(join(dir, 'backups', backup.fileName)).toString('base64');
    await host.invoke('people.create', { name: '李新来', idNumber: makeIdNumber('1990-01-01', '女', 3), ethnicity: '01' });
    await expect(host.invoke('backup.restore', { source: { upload: { fileName: 'U盘备份.zip', base64 } } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const info = (await host.invoke('backup.inspect', { source: { upload: { fileName: 'U盘备份.zip', base64 } } })) as { fileName: string };
    expect(info.fileName).toBe('U盘备份.zip');
    const done = await runJob(host, 'backup.restore', { source: { upload: { fileName: 'U盘备份.zip', base64 } }, confirm: true });
    expect(done.state, JSON.stringify(done.error)).toBe('已完成');
    expect(await peopleNames(host)).toEqual(['马晓东']);
  });

  it('takes an automatic backup before every import commit', async () => {
    const { host } = await ledgerWithScan();
    const base64 = readFileSync(join(__dirname, '..', 'fixtures', 'import', '01-clean-template.xlsx')).toString('base64');
    const done = await runJob(host, 'import.commit', { kind: 'people', fileName: '人员.xlsx', base64, mode: 'valid' });
    expect(done.state, JSON.stringify(done.error)).toBe('已完成');
    const list = (await host.invoke('backup.list', {})) as { kind: string }[];
    expect(list.map((b) => b.kind)).toEqual(['before-import']);
  });

  it('takes the daily backup on the first start of a day only, sharing unchanged attachment files', async () => {
    const tmp = tempDir();
    let now = new Date('2026-11-02T08:00:00');
    const open = async () => {
      const host = new Host({ dataDir: tmp.dir, now: () => now, dailyBackup: true });
      await host.start();
      return host;
    };
    cleanup = async () => tmp.cleanup();
    let host = await open();
    await host.invoke('org.setup', SETUP_INPUT);
    await host.close();
    host = await open();
    await Promise.all(host.jobs.list().map((j) => host.jobs.settled(j.jobId)));
    const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
    const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
    const stepId = ((await host.invoke('members.get', { id })) as { steps: { id: number | null }[] }).steps[0]!.id!;
    await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: '申请书.pdf', base64: pdf('申请书') });
    await host.close();
    host = await open();
    expect(host.jobs.list()).toEqual([]);
    await host.close();
    now = new Date('2026-11-03T08:00:00');
    host = await open();
    expect(host.jobs.list().map((j) => j.kind)).toEqual(['backup.daily']);
    await host.jobs.settled(host.jobs.list()[0]!.jobId);
    const list = (await host.invoke('backup.list', {})) as { kind: string; createdAt: string }[];
    expect(list.map((b) => [b.kind, b.createdAt.slice(0, 10)])).toEqual([
      ['daily', '2026-11-03'],
      ['daily', '2026-11-02'],
    ]);
    // The first daily backup ran before the scan was added; the second keeps the scan once, in backups/files.
    expect(readdirSync(join(tmp.dir, 'backups', 'files'))).toHaveLength(1);
    now = new Date('2026-11-04T08:00:00');
    await host.close();
    host = await open();
    await host.jobs.settled(host.jobs.list()[0]!.jobId);
    expect(readdirSync(join(tmp.dir, 'backups', 'files'))).toHaveLength(1);
    await host.close();
  });
});

describe('rotation', () => {
  it('removes backups past the setting but never a shared file a kept backup still references', async () => {
    const tmp = tempDir();
    cleanup = async () => tmp.cleanup();
    let now = new Date('2026-11-01T08:00:00');
    const host = new Host({ dataDir: tmp.dir, now: () => now });
    await host.start();
    await host.invoke('org.setup', SETUP_INPUT);
    await host.invoke('backup.updateSettings', { daily: 2, monthly: 0 });
    const person = (await host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
    const { id } = (await host.invoke('members.create', { personId: person.id, applicationDate: '2026-10-01' })) as { id: number };
    const stepId = ((await host.invoke('members.get', { id })) as { steps: { id: number | null }[] }).steps[0]!.id!;
    const { automaticBackup } = await import('../../core/backup/service');
    for (let day = 1; day <= 5; day++) {
      now = new Date(`2026-11-0${day}T08:00:00`);
      await host.invoke('attachments.add', { ownerType: 'member_step', ownerId: stepId, fileName: `第${day}天.pdf`, base64: pdf(`第${day}天`) });
      if (day === 3) writeFileSync(join(tmp.dir, 'backups', 'files', 'f'.repeat(64)), 'orphan');
      await automaticBackup(host.context, 'daily');
    }
    const list = (await host.invoke('backup.list', {})) as { fileName: string; createdAt: string }[];
    expect(list.map((b) => b.createdAt.slice(0, 10))).toEqual(['2026-11-05', '2026-11-04']);
    // Day 1's scan is in every backup: it stays, and both kept backups verify with all their shared files.
    expect(readdirSync(join(tmp.dir, 'backups', 'files')).sort()).toHaveLength(5);
    for (const b of list) await expect(host.invoke('backup.inspect', { source: { fileName: b.fileName } })).resolves.toMatchObject({ attachments: b.createdAt.startsWith('2026-11-05') ? 5 : 4 });
    await host.close();
  });

  it('keeps all of today, the newest of each of the last N days and the newest of each of the last M months', () => {
    const backups: { fileName: string; createdAt: string }[] = [];
    const days: string[] = [];
    for (let d = 0; d < 500; d++) {
      const day = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
      days.push(day);
      backups.push({ fileName: `${day}-a`, createdAt: `${day} 09:00:00` }, { fileName: `${day}-b`, createdAt: `${day} 15:00:00` });
    }
    const today = days.at(-1)!;
    const kept = chooseKept(backups, { daily: 30, monthly: 12 }, today);
    const lastOfMonth = [...new Map(days.map((d) => [d.slice(0, 7), d])).values()].slice(-12);
    const expected = new Set([`${today}-a`, ...days.slice(-30).map((d) => `${d}-b`), ...lastOfMonth.map((d) => `${d}-b`)]);
    expect([...kept].sort()).toEqual([...expected].sort());
  });
});
