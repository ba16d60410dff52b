import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputStreams } from '../../cli/output';

/** A reader that takes each chunk only after a delay, like a pipe whose consumer lags. */
function slowSink(delayMs: number) {
  const received: string[] = [];
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      setTimeout(() => {
        received.push(chunk.toString('utf8'));
        done();
      }, delayMs);
    },
  });
  return { stream, text: () => received.join('') };
}

describe('CLI output', () => {
  it('exits only after a slow reader has taken every byte', async () => {
    const stdout = slowSink(20);
    const stderr = slowSink(5);
    let seenAtExit: { out: string; err: string; code: number } | null = null;
    const output = new OutputStreams(stdout.stream, stderr.stream, (code) => {
      seenAtExit = { out: stdout.text(), err: stderr.text(), code };
      return undefined as never;
    });
    const big = 'x'.repeat(200_000);
    output.out(big);
    output.out('{"done":true}');
    output.err('problem');
    await output.exit(0);
    expect(seenAtExit).toEqual({ out: `${big}\n{"done":true}\n`, err: 'problem\n', code: 0 });
  });

  it('keeps the exit code when the reader hangs up (| head), and reports 1 when output was lost otherwise', async () => {
    const failing = (code: string) =>
      new Writable({
        write(_chunk, _enc, done) {
          done(Object.assign(new Error(code), { code }));
        },
      });
    const codes: number[] = [];
    const exit = (code: number) => {
      codes.push(code);
      return undefined as never;
    };
    const hungUp = new OutputStreams(failing('EPIPE'), slowSink(0).stream, exit);
    hungUp.out('a');
    await hungUp.exit(0);
    const broken = new OutputStreams(failing('EIO'), slowSink(0).stream, exit);
    broken.out('a');
    await broken.exit(0);
    expect(codes).toEqual([0, 1]);
  });
});
