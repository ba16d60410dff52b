/**
 * A child for tests/integration/db-faults-env.test.ts: starts a host on a data folder (as another user, for the
 * read-only folder test) and prints its status as JSON; with `write`, also tries one write and prints its result.
 * Usage: node --import tsx tests/helpers/open-child.ts DATA_DIR [write]
 */
import { writeSync } from 'node:fs';
import { LedgerHost } from '../../core/host';

const [dataDir, write] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: open-child.ts DATA_DIR [write]');
const host = new LedgerHost({ dataDir });
const status = await host.start();
const wrote = write ? await host.call('people.create', { name: '王芳', idNumber: '63012219900101002X', ethnicity: '01' }) : null;
writeSync(1, `${JSON.stringify({ status, wrote })}\n`);
await host.close();
