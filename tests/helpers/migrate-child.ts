/**
 * A child for tests/integration/db-faults-kill.test.ts: opens a data folder with the shipped migrations, which
 * upgrades an older ledger (backup, then one transaction). Prints 开始升级 to stderr (synchronously) just before,
 * and the applied tags as JSON on stdout once done; the test kills it with SIGKILL somewhere in between.
 * Usage: node --import tsx tests/helpers/migrate-child.ts DATA_DIR
 */
import { writeSync } from 'node:fs';
import { openDatabase } from '../../db/open';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: migrate-child.ts DATA_DIR');
writeSync(2, '开始升级\n');
const opened = await openDatabase({ dataDir });
writeSync(1, `${JSON.stringify({ migrated: opened.migrated, backupFile: opened.backupFile })}\n`);
opened.close();
