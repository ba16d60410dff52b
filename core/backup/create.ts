/**
 * Writes one backup: SQLite's online backup to a snapshot, then a zip of the snapshot, the attachments and a manifest
 * of SHA-256 hashes, always under a *.tmp name in the target folder. Only once the zip verifies (verify.ts) is it
 * renamed to its final name, so a kill at any point leaves no file or a complete, verified one.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import dayjs from 'dayjs';
import type { LedgerContext } from '../context';
import { LedgerError } from '../errors';
import type { JobReporter } from '../jobs/registry';
import { APP_ID, APP_VERSION } from '../version';
import { fsyncDir, fsyncFile, sha256OfFile, writeZip, type ZipItem } from './archive';
import { BACKUP_KIND_LABELS, type BackupInfo, type BackupKind, type Manifest, type ManifestEntry } from './schemas';
import { openCopy, readFacts, toolsOf } from './tools';
import { DB_ENTRY, FORMAT, FORMAT_VERSION, MANIFEST, verifyBackup } from './verify';

export const BACKUP_DIR = 'backups';
export const SHARED_DIR = 'files';
export const backupsDir = (ctx: Pick<LedgerContext, 'dataDir'>) => join(ctx.dataDir, BACKUP_DIR);
export const sharedDir = (ctx: Pick<LedgerContext, 'dataDir'>) => join(ctx.dataDir, BACKUP_DIR, SHARED_DIR);

/** Temp names this process is writing right now: the stale-file sweep must not take them. */
const inUse = new Set<string>();
let chain: Promise<unknown> = Promise.resolve();

/** Marks a temp path as this process's own until the returned release is called. */
export function claimTemp(path: string): () => void {
  inUse.add(path);
  return () => inUse.delete(path);
}

/** One backup or rotation at a time per process, so a rotation never removes a shared file a running backup still needs. */
export function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
}

/** Leftovers of a killed run: *.tmp in backups/ and backups/files/, and our own *.zip.tmp in a manual target folder. */
export function sweepStale(dir: string, ownOnly = false): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!name.endsWith('.tmp') || inUse.has(path)) continue;
    if (ownOnly && !/台账备份-\d{8}-\d{6}(-\d+)?\.zip\.tmp$/.test(name)) continue;
    rmSync(path, { recursive: true, force: true });
  }
}

export function safeFilePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim().slice(0, 60) || '台账';
}

function backupName(ctx: LedgerContext, kind: BackupKind, unitName: string, dir: string): string {
  const stamp = dayjs(ctx.now()).format('YYYYMMDD-HHmmss');
  const label = kind === 'manual' ? '台账备份' : BACKUP_KIND_LABELS[kind];
  const base = `${safeFilePart(unitName)}-${label}-${stamp}`;
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}.zip` : `${base}-${i}.zip`;
    if (!existsSync(join(dir, name)) && !existsSync(join(dir, `${name}.tmp`))) return name;
  }
}

export interface CreateOptions {
  kind: BackupKind;
  /** Where the archive goes: <dataDir>/backups by default, or the folder the clerk chose. */
  targetDir?: string;
  /** An exact file to write (the CLI's --out); its folder gets the *.tmp. */
  outFile?: string;
  reporter?: JobReporter | null;
}

export interface Created {
  file: string;
  fileName: string;
  size: number;
  info: BackupInfo;
  /** Attachments the database lists whose file is no longer in the data folder. */
  missing: string[];
}

export function createBackup(ctx: LedgerContext, opts: CreateOptions): Promise<Created> {
  return serially(() => create(ctx, opts));
}

async function create(ctx: LedgerContext, opts: CreateOptions): Promise<Created> {
  const tools = toolsOf(ctx);
  const reporter = opts.reporter ?? null;
  const shared = opts.kind !== 'manual';
  const ownDir = backupsDir(ctx);
  const targetDir = opts.outFile ? resolve(opts.outFile, '..') : (opts.targetDir ?? ownDir);
  mkdirSync(ownDir, { recursive: true });
  mkdirSync(targetDir, { recursive: true });
  sweepStale(ownDir);
  sweepStale(sharedDir(ctx));
  if (resolve(targetDir) !== resolve(ownDir)) sweepStale(targetDir, true);

  const work = join(ownDir, `snapshot-${randomUUID()}.tmp`);
  inUse.add(work);
  mkdirSync(work);
  let tmpZip: string | null = null;
  try {
    // 1. The online backup: a consistent copy while the ledger stays open.
    const snapshot = join(work, DB_ENTRY);
    reporter?.progress(0, 100, '正在复制数据库');
    await ctx.sqlite.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        if (reporter?.cancelled) throw new Error('cancelled');
        reporter?.progress(Math.round(((totalPages - remainingPages) / Math.max(1, totalPages)) * 30), 100, '正在复制数据库');
        return 200;
      },
    }).catch((err: unknown) => {
      reporter?.throwIfCancelled();
      throw err;
    });
    await reporter?.checkpoint();
    // The copy stands alone: no WAL beside it, so it opens read-only anywhere.
    const copy = openCopy(tools, snapshot, false);
    let facts;
    try {
      copy.pragma('journal_mode = DELETE');
      facts = readFacts(copy);
    } finally {
      copy.close();
    }
    if (!facts.tags.length) throw new LedgerError('INTERNAL', '数据库中没有版本记录，无法备份。', { hint: '请联系技术人员。' });

    // 2. The entries: the database, then every attachment file the database lists (removed ones too: undo needs them).
    const entries: ManifestEntry[] = [{ path: DB_ENTRY, ...(await sha256OfFile(snapshot)) }];
    const items: ZipItem[] = [{ name: DB_ENTRY, file: snapshot, compress: true }];
    const root = resolve(ctx.dataDir);
    const missing: string[] = [];
    for (const [i, stored] of facts.storedPaths.entries()) {
      if (i % 20 === 0) {
        reporter?.progress(30 + Math.round((i / facts.storedPaths.length) * 30), 100, `正在备份附件（${i} / ${facts.storedPaths.length}）`);
        await reporter?.checkpoint();
      }
      const abs = resolve(root, stored);
      const path = stored.split(sep).join('/');
      if (relative(root, abs).startsWith('..') || !path.startsWith('attachments/') || !existsSync(abs)) {
        missing.push(stored);
        continue;
      }
      const hashed = await sha256OfFile(abs);
      if (shared) {
        const dest = join(sharedDir(ctx), hashed.sha256);
        if (!existsSync(dest)) {
          mkdirSync(sharedDir(ctx), { recursive: true });
          const tmp = `${dest}.tmp`;
          inUse.add(tmp);
          try {
            copyFileSync(abs, tmp);
            fsyncFile(tmp);
            renameSync(tmp, dest);
          } finally {
            inUse.delete(tmp);
          }
        }
        entries.push({ path, ...hashed, shared: true });
      } else {
        entries.push({ path, ...hashed });
        items.push({ name: path, file: abs, compress: false });
      }
    }

    // 3. The manifest and the zip, under a temp name.
    const unitName = facts.unitName || facts.townName;
    const fileName = opts.outFile ? resolve(opts.outFile).split(sep).pop()! : backupName(ctx, opts.kind, unitName, targetDir);
    const finalFile = join(targetDir, fileName);
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      applicationId: APP_ID,
      appVersion: APP_VERSION,
      schemaVersion: facts.tags.at(-1)!,
      kind: opts.kind,
      townName: facts.townName,
      unitName: facts.unitName,
      createdAt: dayjs(ctx.now()).format('YYYY-MM-DD HH:mm:ss'),
      counts: facts.counts,
      entries,
    };
    items.unshift({ name: MANIFEST, buffer: Buffer.from(JSON.stringify(manifest, null, 1)) });
    tmpZip = `${finalFile}.tmp`;
    inUse.add(tmpZip);
    rmSync(tmpZip, { force: true });
    await writeZip(tmpZip, items, async (i) => {
      if (i % 20 === 0) {
        reporter?.progress(60 + Math.round((i / items.length) * 15), 100, '正在写入备份文件');
        await reporter?.checkpoint();
      }
    });

    // 4. Verify the written file as a restore would, then give it its name.
    const verified = await verifyBackup(tmpZip, {
      tools,
      sharedDir: sharedDir(ctx),
      scratchDir: join(work, 'verify'),
      onProgress: async (done, total) => {
        reporter?.progress(75 + Math.round((done / Math.max(1, total)) * 25), 100, '正在校验备份文件');
        await reporter?.checkpoint();
      },
    });
    await reporter?.checkpoint();
    if (opts.outFile) rmSync(finalFile, { force: true });
    renameSync(tmpZip, finalFile);
    tmpZip = null;
    fsyncDir(targetDir);
    const size = statSync(finalFile).size;
    reporter?.progress(100, 100, '备份完成');
    return { file: finalFile, fileName, size, info: { ...verified.info, fileName }, missing };
  } catch (err) {
    throw translateWriteError(err);
  } finally {
    if (tmpZip) {
      rmSync(tmpZip, { force: true });
      inUse.delete(tmpZip);
    }
    rmSync(work, { recursive: true, force: true });
    inUse.delete(work);
  }
}

function translateWriteError(err: unknown): unknown {
  if (err instanceof LedgerError || (err as Error)?.name === 'JobCancelledError') return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new LedgerError('DISK_FULL', '磁盘空间不足，备份没有完成，未留下不完整的备份文件。', { hint: '请清理磁盘或换一个空间足够的 U 盘后重试。', cause: err });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new LedgerError('IO', '备份文件夹不能写入（没有权限或是只读的），备份没有完成。', { hint: '请换一个可以写入的文件夹（例如 U 盘的根目录）后重试。', cause: err });
  return new LedgerError('IO', '备份没有完成，未留下不完整的备份文件。', { hint: '请重试；若一再失败，请联系技术人员。', cause: err });
}
