/**
 * `ledger`: the contract in-process, for district IT staff who script batch work.
 * Exit codes: 0 success, 1 failure (data folder, disk …), 2 invalid input or usage.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from '../core/args';
import { LedgerHost, clockFromEnv } from '../core/host';
import { defaultDataDir } from '../core/paths';
import { runCommand, USAGE } from './commands';

const args = parseArgs(process.argv.slice(2));
const [command, ...rest] = args.rest;

if (!command || command === 'help' || args.options.help) {
  console.log(USAGE);
  process.exit(command || args.options.help ? 0 : 2);
}

const host = new LedgerHost({ dataDir: resolve(args.dataDir ?? defaultDataDir()), startInDemo: args.demo || command === 'demo', now: clockFromEnv() });
let code: number;
try {
  code = await runCommand(host, command, rest, args, {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    writeFile: (path, data) => writeFileSync(path, data),
  });
} finally {
  await host.close();
}
process.exit(code);
