/**
 * A child for tests/integration/import-kill.test.ts: commits one import file into a data folder, printing each
 * progress line to stderr the moment the job reports it (written synchronously, so "正在写入" is out before the
 * write transaction starts), and the result as JSON on stdout once it is done.
 * Usage: node --import tsx tests/helpers/import-commit-child.ts DATA_DIR FILE.xlsx
 */
import { readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { LedgerHost } from '../../core/host';
import { commitImport } from '../../core/import/service';
import type { JobReporter } from '../../core/jobs/registry';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('usage: import-commit-child.ts DATA_DIR FILE');
const host = new LedgerHost({ dataDir });
await host.start();
const reporter: JobReporter = {
  progress: (_done, _total, message) => {
    if (message) writeSync(2, `${message}\n`);
  },
  cancelled: false,
  throwIfCancelled: () => undefined,
  checkpoint: async () => undefined,
};
const result = await commitImport(host.context, { kind: 'people', fileName: basename(file), base64: readFileSync(file).toString('base64'), mode: 'valid' }, reporter);
writeSync(1, `${JSON.stringify(result)}\n`);
await host.close();
