import type { Writable } from 'node:stream';

/**
 * stdout and stderr for the CLI, with an exit that waits until everything written has reached the pipe or file.
 * A pipe holds 64 KB; Node queues the rest until the reader takes it, and process.exit() drops that queue, which is
 * how `ledger methods | python3 -m json.tool` used to get cut off at 64 KB.
 */
export class OutputStreams {
  private readonly pending: Promise<void>[] = [];
  private failed = false;

  constructor(
    private readonly stdout: Writable,
    private readonly stderr: Writable,
    private readonly exitProcess: (code: number) => never = (code) => process.exit(code),
  ) {
    for (const stream of [stdout, stderr]) {
      stream.on('error', (err: NodeJS.ErrnoException) => {
        // EPIPE: the reader stopped reading (`| head`); that is its choice, not our failure. Anything else means
        // the output was not delivered, so a script must not read success from the exit code.
        if (err.code !== 'EPIPE') this.failed = true;
      });
    }
  }

  out(text: string): void {
    this.write(this.stdout, text);
  }

  err(text: string): void {
    this.write(this.stderr, text);
  }

  /** Exits once every write so far has been handed to the operating system (or has failed). */
  async exit(code: number): Promise<never> {
    await Promise.all(this.pending);
    return this.exitProcess(code === 0 && this.failed ? 1 : code);
  }

  private write(stream: Writable, text: string): void {
    const line = text.endsWith('\n') ? text : `${text}\n`;
    this.pending.push(new Promise((resolve) => stream.write(line, () => resolve())));
  }
}
