/**
 * `ledger`: the contract in-process, for district IT staff who script batch work.
 * Exit codes: 0 success, 1 failure (data folder, disk …), 2 invalid input or usage.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomicSync } from '../lib/atomic-write';
import { parseArgs } from '../core/args';
import { serializeError } from '../core/errors';
import { LedgerHost, clockFromEnv } from '../core/host';
import { defaultDataDir } from '../core/paths';
import { runCommand, USAGE } from './commands';
import { OutputStreams } from './output';

const output = new OutputStreams(process.stdout, process.stderr);
const args = parseArgs(process.argv.slice(2));
const [command, ...rest] = args.rest;

if (!command || command === 'help' || args.options.help) {
  output.out(USAGE);
  await output.exit(command || args.options.help ? 0 : 2);
}

const host = new LedgerHost({ dataDir: resolve(args.dataDir ?? defaultDataDir()), startInDemo: args.demo || command === 'demo', now: clockFromEnv(), ...(typeof args.options.town === 'string' ? { demoTown: args.options.town } : {}) });
let code: number;
try {
  code = await runCommand(host, command!, rest, args, {
    out: (text) => output.out(text),
    err: (text) => output.err(text),
    // Temporary file, then rename: a failed write leaves no half-written .xlsx under the --out name.
    writeFile: (path, data) => writeFileAtomicSync(path, data),
    readFile: (path) => readFileSync(path),
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  });
} catch (err) {
  output.err(JSON.stringify({ ok: false, error: serializeError(err) }, null, 2));
  code = 1;
}
await host.close();
await output.exit(code);
