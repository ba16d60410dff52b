/**
 * Backpressure for exceljs's streaming writer, which has none: a sheet's rows go into an in-memory buffer
 * (exceljs's StreamBuf) that the zip reads only when its turn comes and then hands on to the compressor
 * without waiting. Written in one synchronous run, a 100k-row roster's XML would pile up there whole. Every
 * few hundred rows the writer waits until the zip has taken the sheet's data and the compressor has caught up.
 */
import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

export const YIELD_EVERY = 500;

/** StreamBuf internals (exceljs/lib/utils/stream-buf.js): the 64 KB buffers not yet handed on, and its readers. */
interface SheetStream {
  buffers?: unknown[];
  pipes?: Pipe[];
}
/** The zip's entry stream: a PassThrough of the old readable-stream package, so its state is read directly. */
type Pipe = Writable & { _writableState?: { length: number; needDrain: boolean; highWaterMark: number } };

/** While the zip is still busy with an earlier entry, this many buffers (4 MB) may wait for it. */
const MAX_WAITING = 64;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 2));

function drained(pipe: Pipe): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      pipe.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    pipe.on('drain', done).on('close', done).on('error', done);
  });
}

export async function drain(ws: ExcelJS.Worksheet): Promise<void> {
  await turn();
  const stream = (ws as unknown as { stream?: SheetStream }).stream;
  if (!stream) return;
  while (!stream.pipes?.length && (stream.buffers?.length ?? 0) > MAX_WAITING) await pause();
  for (const pipe of stream.pipes ?? []) {
    const state = pipe._writableState;
    while (state?.needDrain && state.length > 0 && !pipe.destroyed) await drained(pipe);
  }
}
