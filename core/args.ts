/** Flags shared by every entry point (desktop, web, CLI): --data-dir DIR, --demo, --port N, --migrations DIR. */
export interface CommonArgs {
  dataDir?: string;
  demo: boolean;
  rest: string[];
  options: Record<string, string | true>;
}

/** Flags that never take a value, so `--demo export` does not swallow the subcommand. */
const BOOLEAN_FLAGS = new Set(['demo', 'help', 'no-mask', 'reset', 'recompute', 'accept-edited', 'dry-run']);

export function parseArgs(argv: string[]): CommonArgs {
  const options: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const next = argv[i + 1];
      if (inline !== undefined) options[key] = inline;
      else if (!BOOLEAN_FLAGS.has(key) && next !== undefined && !next.startsWith('--')) {
        options[key] = next;
        i++;
      } else options[key] = true;
    } else rest.push(arg);
  }
  const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : undefined;
  return { dataDir, demo: options.demo === true || options.demo === 'true', rest, options };
}
