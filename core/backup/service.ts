/**
 * Backup as the transports call it: create and restore run as jobs (progress, 取消), inspect checks a file without
 * touching the data, list shows what <dataDir>/backups holds, and the automatic backups (daily, before a restore,
 * before an import) are taken and rotated here.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dayjs from 'dayjs';
import type { LedgerContext } from '../context';
import { LedgerError, notFound } from '../errors';
import { registerJobKind, type JobReporter } from '../jobs/registry';
import type { JobRunner } from '../jobs/runner';
import { isSetUp } from '../org/settings';
import { backupsDir, claimTemp, createBackup, sharedDir, type Created } from './create';
import { restoreFromFile } from './restore';
import { rotateBackups, storedBackups } from './rotation';
import { BACKUP_KIND_LABELS, type BackupInfo, type BackupKind, type BackupListItem, type BackupSource } from './schemas';
import { toolsOf } from './tools';
import { verifyBackup } from './verify';

export async function listBackups(ctx: LedgerContext): Promise<BackupListItem[]> {
  return (await storedBackups(ctx)).map((b) => ({
    fileName: b.fileName,
    kind: b.manifest.kind,
    kindLabel: BACKUP_KIND_LABELS[b.manifest.kind],
    createdAt: b.manifest.createdAt,
    size: b.size + b.manifest.entries.filter((e) => e.shared).reduce((n, e) => n + e.size, 0),
  }));
}

/** A listed backup by its name, or an uploaded file written under a temp name in backups/ for the check. */
function sourceFile(ctx: LedgerContext, source: BackupSource): { file: string; label: string; cleanup: () => void } {
  const dir = backupsDir(ctx);
  if ('fileName' in source) {
    const file = join(dir, source.fileName);
    if (!existsSync(file)) throw notFound(`备份文件“${source.fileName}”`);
    return { file, label: source.fileName, cleanup: () => undefined };
  }
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `upload-${randomUUID()}.zip.tmp`);
  const release = claimTemp(file);
  writeFileSync(file, Buffer.from(source.upload.base64, 'base64'));
  return {
    file,
    label: source.upload.fileName,
    cleanup: () => {
      rmSync(file, { force: true });
      release();
    },
  };
}

/** Checks a backup completely (as a restore would) and says what it holds; the data folder's files stay as they are. */
export async function inspectBackup(ctx: LedgerContext, source: BackupSource): Promise<BackupInfo> {
  const { file, label, cleanup } = sourceFile(ctx, source);
  const scratch = join(backupsDir(ctx), `inspect-${randomUUID()}.tmp`);
  const release = claimTemp(scratch);
  try {
    const { info } = await verifyBackup(file, { tools: toolsOf(ctx), sharedDir: sharedDir(ctx), scratchDir: scratch });
    return { ...info, fileName: label };
  } catch (err) {
    if (err instanceof LedgerError && 'upload' in source) throw new LedgerError(err.code, err.message.replace(/“upload-[^”]+”/, `“${label}”`), { hint: err.hint });
    throw err;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    release();
    cleanup();
  }
}

/** An automatic backup into <dataDir>/backups (attachments shared), followed by the rotation. */
export async function automaticBackup(ctx: LedgerContext, kind: Exclude<BackupKind, 'manual'>, reporter: JobReporter | null = null): Promise<Created> {
  const created = await createBackup(ctx, { kind, reporter });
  await rotateBackups(ctx);
  return created;
}

export interface CreateJobInput {
  /** The CLI's --out; the contract never passes a path. */
  outFile?: string;
}

export const CREATE_JOB = registerJobKind('backup.create', {
  label: '备份数据',
  writes: false,
  run: async (ctx, input: CreateJobInput, reporter) => {
    const c = await createBackup(ctx, { kind: 'manual', outFile: input.outFile, reporter });
    return { fileName: c.fileName, size: c.size, info: c.info, ...(input.outFile ? { file: c.file } : {}), missing: c.missing };
  },
  doneMessage: (r: { fileName: string }) => `备份完成，已校验：${r.fileName}`,
});

export const DAILY_JOB = registerJobKind('backup.daily', {
  label: '每日自动备份',
  writes: false,
  run: async (ctx, _input: unknown, reporter) => {
    const c = await automaticBackup(ctx, 'daily', reporter);
    return { fileName: c.fileName, size: c.size };
  },
  doneMessage: (r: { fileName: string }) => `每日自动备份完成：${r.fileName}`,
});

/** A listed or uploaded backup (the contract), or the CLI's file argument. */
export type RestoreJobInput = { source: BackupSource } | { path: string };

export const RESTORE_JOB = registerJobKind('backup.restore', {
  label: '从备份恢复',
  writes: true,
  run: async (ctx, input: RestoreJobInput, reporter) => {
    const { file, label, cleanup } = 'path' in input ? { file: input.path, label: input.path, cleanup: () => undefined } : sourceFile(ctx, input.source);
    try {
      const outcome = await restoreFromFile(ctx, file, reporter, label);
      return { restored: { ...outcome.restored, fileName: label.split(/[\\/]/).pop()! }, safetyBackup: outcome.safetyBackup };
    } finally {
      cleanup();
    }
  },
  doneMessage: (r: { restored: BackupInfo; safetyBackup: string }) => `已从备份恢复（备份于 ${r.restored.createdAt}），恢复前的数据已自动备份为 ${r.safetyBackup}`,
});

/** Refused before the job starts, so the page shows why at once: a restore closes the file every other job uses. */
export function startRestore(ctx: LedgerContext, jobs: JobRunner, input: RestoreJobInput): { jobId: string } {
  const busy = jobs.running()[0];
  if (busy) {
    throw new LedgerError('BUSY', `“${busy.label}”正在进行，完成之前不能恢复备份。`, { hint: '请等进度条走完，或在进度条上点“取消”后再试。' });
  }
  return jobs.start(ctx, RESTORE_JOB, input);
}

const AUTO_NAME = /-(每日自动备份|恢复前自动备份|导入前自动备份)-(\d{8})-\d{6}(-\d+)?\.zip$/;

/**
 * Called once the ledger is open: the first start of a day starts the daily backup as a job (the clerk can work
 * meanwhile). Cheap when there is nothing to do: one folder listing, no file read.
 */
export function startDailyBackup(ctx: LedgerContext, jobs: JobRunner): { jobId: string } | null {
  if (!isSetUp(ctx)) return null;
  const dir = backupsDir(ctx);
  const today = dayjs(ctx.now()).format('YYYYMMDD');
  if (existsSync(dir) && readdirSync(dir).some((n) => AUTO_NAME.exec(n)?.[2] === today)) return null;
  return jobs.start(ctx, DAILY_JOB, {});
}

/** The backup file as base64, for the save dialog or the browser download. */
export function readBackupFile(ctx: LedgerContext, fileName: string): { fileName: string; base64: string } {
  const file = join(backupsDir(ctx), fileName);
  if (!existsSync(file)) throw notFound(`备份文件“${fileName}”`);
  return { fileName, base64: readFileSync(file).toString('base64') };
}

/**
 * `ledger verify FILE`: the restore's checks on a file the person at the command line named. ctx is null when the data
 * folder could not be opened (the app holds it): the shared attachments are still found in its backups/files.
 */
export async function verifyFile(ctx: LedgerContext | null, dataDir: string, file: string): Promise<BackupInfo> {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
  try {
    return (await verifyBackup(file, { tools: ctx ? toolsOf(ctx) : {}, sharedDir: join(dataDir, 'backups', 'files'), scratchDir: scratch })).info;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
