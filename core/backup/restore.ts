/**
 * Restore: the file is verified completely into a staging folder inside the data folder (so the final moves are
 * renames on one disk), the current state is backed up, the attachments the backup needs are added beside the
 * current ones (their names are unique, so the current database still finds all of its own), and then the ledger is
 * closed, the staged database renamed over ledger.db, and the ledger reopened. That one rename is the commit: a kill
 * before it leaves the old state, after it the new one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE_NAME } from '../../db/open';
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import type { JobReporter } from '../jobs/registry';
import { fsyncDir, sha256OfFile } from './archive';
import { backupsDir, claimTemp, createBackup, sharedDir, sweepStale } from './create';
import { rotateBackups } from './rotation';
import type { BackupInfo } from './schemas';
import { toolsOf } from './tools';
import { DB_ENTRY, verifyBackup } from './verify';

export interface RestoreOutcome {
  restored: BackupInfo;
  safetyBackup: string;
  /** The reopened ledger: the one passed in is closed once this returns. */
  ctx: LedgerContext;
}

export async function restoreFromFile(ctx: LedgerContext, file: string, reporter: JobReporter | null, label = file): Promise<RestoreOutcome> {
  const tools = toolsOf(ctx);
  if (!tools.reopenAround) throw new LedgerError('INTERNAL', '此处不能恢复备份：数据文件不由台账程序管理。', { hint: '请在台账程序或命令行 ledger restore 中恢复。' });
  mkdirSync(backupsDir(ctx), { recursive: true });
  sweepStale(backupsDir(ctx));
  const staging = join(backupsDir(ctx), `restore-${randomUUID()}.tmp`);
  const release = claimTemp(staging);
  try {
    // 1. Everything checked and unpacked before anything of the current data is touched.
    const verified = await verifyBackup(file, {
      tools,
      sharedDir: sharedDir(ctx),
      scratchDir: staging,
      stageAttachments: true,
      onProgress: async (done, total, message) => {
        reporter?.progress(Math.round((done / Math.max(1, total)) * 40), 100, message);
        await reporter?.checkpoint();
      },
    });
    const attachments = verified.manifest.entries.filter((e) => e.path !== DB_ENTRY);
    for (const e of attachments) {
      const current = join(ctx.dataDir, ...e.path.split('/'));
      if (existsSync(current) && (await sha256OfFile(current)).sha256 !== e.sha256) {
        throw new LedgerError('CONFLICT', `无法恢复：附件“${e.path}”在当前数据中已有同名但内容不同的文件。`, { hint: '当前数据没有任何改动。请联系技术人员。' });
      }
    }

    // 2. The current state, kept as an automatic backup before it is replaced.
    reporter?.progress(40, 100, '正在备份当前数据（恢复前自动备份）');
    await reporter?.checkpoint();
    const safety = await createBackup(ctx, { kind: 'before-restore', reporter: null });
    await rotateBackups(ctx);
    reporter?.progress(80, 100, '正在替换数据');
    // The last point where 取消 is honoured: from here the swap runs to its end.
    await reporter?.checkpoint();

    // 3. Attachments the backup needs, added beside the current ones: the current database references none of them.
    for (const e of attachments) {
      const target = join(ctx.dataDir, ...e.path.split('/'));
      if (existsSync(target)) continue;
      mkdirSync(join(target, '..'), { recursive: true });
      renameSync(join(staging, ...e.path.split('/')), target);
      fsyncDir(join(target, '..'));
    }

    // 4. The commit: close, put the checked database in place by one rename, reopen.
    const staged = verified.dbFile;
    const next = await tools.reopenAround(() => {
      const live = join(ctx.dataDir, DB_FILE_NAME);
      // The close checkpointed the WAL into ledger.db; a WAL left beside the new file would be replayed into it.
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(live + suffix, { force: true });
      renameSync(staged, live);
      fsyncDir(ctx.dataDir);
    });
    inTransaction(next, () =>
      recordAudit(next, {
        entity: 'backup',
        action: '恢复',
        summary: `从备份恢复：${verified.info.fileName}（备份于 ${verified.info.createdAt}）；恢复前的数据已自动备份为 ${safety.fileName}`,
        after: { restored: verified.info.fileName, safetyBackup: safety.fileName, source: label },
      }),
    );
    reporter?.progress(100, 100, '恢复完成');
    return { restored: verified.info, safetyBackup: safety.fileName, ctx: next };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}
