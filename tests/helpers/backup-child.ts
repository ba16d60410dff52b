/**
 * A child for tests/integration/backup-kill.test.ts: opens a data folder and runs one backup (mode `backup`) or one
 * restore of backups/FILE (mode `restore`) through the host's jobs, as the app does. It writes START to stderr once the
 * ledger is open and the work begins (the kill delays count from there) and DONE once the job has finished.
 * Usage: node --import tsx tests/helpers/backup-child.ts backup|restore DATA_DIR [FILE]
 * The test bundles it with esbuild first (a child starts in a third of the time), so the migrations folder comes
 * from LEDGER_MIGRATIONS_DIR rather than from this file's location.
 */
import { writeSync } from 'node:fs';
import { LedgerHost } from '../../core/host';

const [mode, dataDir, file] = process.argv.slice(2);
if (!dataDir || (mode !== 'backup' && mode !== 'restore')) throw new Error('usage: backup-child.ts backup|restore DATA_DIR [FILE]');
const host = new LedgerHost({ dataDir, migrationsDir: process.env.LEDGER_MIGRATIONS_DIR || undefined });
await host.start();
writeSync(2, 'START\n');
const { jobId } = (await host.invoke(mode === 'backup' ? 'backup.create' : 'backup.restore', mode === 'backup' ? {} : { source: { fileName: file }, confirm: true })) as { jobId: string };
const done = await host.jobs.settled(jobId);
if (done.state !== '已完成') throw new Error(`${mode} ended ${done.state}: ${JSON.stringify(done.error)}`);
writeSync(2, 'DONE\n');
await host.close();
