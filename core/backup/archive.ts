/**
 * The zip underneath a backup: yazl writes it as a stream (no archive is ever held in memory), yauzl reads it entry by
 * entry. Everything here is about bytes; what the entries mean is in create.ts / verify.ts.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, closeSync, fsyncSync, openSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable, type Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

export type ZipItem = { name: string; file: string; compress: boolean } | { name: string; buffer: Buffer };

/** Writes the zip to `target` and flushes it to the disk, so a power cut after the rename cannot leave it half there. */
export async function writeZip(target: string, items: ZipItem[], onItem?: (index: number) => void | Promise<void>): Promise<void> {
  const zip = new yazl.ZipFile();
  const out = createWriteStream(target, { flags: 'wx' });
  const written = pipeline(zip.outputStream, out);
  try {
    for (const [i, item] of items.entries()) {
      await onItem?.(i);
      if ('file' in item) zip.addFile(item.file, item.name, { compress: item.compress });
      else zip.addBuffer(item.buffer, item.name, { compress: true });
    }
  } finally {
    zip.end();
  }
  await written;
  fsyncFile(target);
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entry list (a rename into it); a no-op where the platform cannot (Windows). */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

export async function sha256OfFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export interface ZipReader {
  entries: Map<string, yauzl.Entry>;
  /** The entry's bytes through `sink` (a file, or nothing), hashed on the way. */
  extract(name: string, sink?: string): Promise<{ sha256: string; size: number }>;
  readBuffer(name: string, max: number): Promise<Buffer>;
  close(): void;
}

export function openZip(file: string): Promise<ZipReader> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      const entries = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('error', (e: Error) => {
        zip.close();
        reject(e);
      });
      zip.on('end', () => resolve(reader(zip, entries)));
      zip.readEntry();
    });
  });
}

function reader(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): ZipReader {
  const stream = (name: string) =>
    new Promise<Readable>((resolve, reject) => {
      const entry = entries.get(name);
      if (!entry) return reject(new Error(`no entry ${name}`));
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('entry')) : resolve(s)));
    });
  return {
    entries,
    async extract(name, sink) {
      const hash = createHash('sha256');
      let size = 0;
      const count = (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
      };
      const source = await stream(name);
      if (sink) {
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            count(chunk);
            done(null, chunk);
          },
        });
        await pipeline(source, tap, createWriteStream(sink, { flags: 'wx' }));
      } else {
        await pipeline(
          source,
          new Writable({
            write(chunk: Buffer, _enc, done) {
              count(chunk);
              done();
            },
          }),
        );
      }
      return { sha256: hash.digest('hex'), size };
    },
    async readBuffer(name, max) {
      const entry = entries.get(name);
      if (!entry || entry.uncompressedSize > max) throw new Error(`entry ${name} too large`);
      const chunks: Buffer[] = [];
      for await (const c of await stream(name)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}
