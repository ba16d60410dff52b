/**
 * Every file of tests/fixtures/import (made by scripts/make-import-fixtures.py with openpyxl, LibreOffice and by
 * hand) previewed through the host: rows per status and the specific error cells expected.json lists, or the
 * refusal's message; a refused file writes nothing, even when committed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { ImportPreviewOut } from '../../core/import/schemas';
import type { JobStatus } from '../../core/jobs/schemas';
import { startHost } from '../helpers/ledger';

const DIR = resolve(__dirname, '..', 'fixtures', 'import');

interface Cell {
  row: number;
  col: string | null;
  message: string;
}
interface Entry {
  file: string;
  kind: string;
  describe: string;
  generate?: 'oversize';
  refused?: string;
  sheet?: string;
  headerRow?: number;
  counts?: Record<string, number>;
  errors?: Cell[];
  notes?: Cell[];
  columns?: Record<string, string | null>;
  statuses?: Record<string, string>;
  maxMs?: number;
}
interface Expected {
  today: string;
  setup: { people: { name: string; idNumber: string; ethnicity: string; education?: string; unit?: string; phone?: string }[] };
  files: Entry[];
}

const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected;
let host: LedgerHost;
let close: () => Promise<void>;

function bytesOf(e: Entry): Buffer {
  if (e.generate === 'oversize') return Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(21 * 1024 * 1024)]);
  return readFileSync(join(DIR, e.file));
}

async function job<T>(method: 'import.preview' | 'import.commit', input: Record<string, unknown>): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw new Error(`${done.error?.message ?? done.state} ${done.error?.hint ?? ''}`);
  return done.result as T;
}

const peopleCount = async () => ((await host.invoke('people.list', {})) as { total: number }).total;

beforeAll(async () => {
  ({ host, close } = await startHost({ now: () => new Date(`${expected.today}T09:00:00+08:00`) }));
  const units = (await host.invoke('org.listUnits', {})) as { id: number; name: string }[];
  for (const p of expected.setup.people) {
    const { unit, ...rest } = p;
    await host.invoke('people.create', { ...rest, unitId: units.find((u) => u.name === unit)?.id ?? null });
  }
});
afterAll(() => close());

describe('import fixtures', { timeout: 120_000 }, () => {
  it('holds at least 25 files, each with an expected outcome', () => {
    expect(expected.files.length).toBeGreaterThanOrEqual(25);
    expect(expected.files.filter((e) => e.refused).length).toBeGreaterThanOrEqual(8);
  });

  for (const e of expected.files) {
    it(`${e.file}: ${e.describe}`, async () => {
      const input = { kind: e.kind, fileName: e.file, base64: bytesOf(e).toString('base64') };
      if (e.refused) {
        const before = await peopleCount();
        await expect(job('import.preview', input)).rejects.toThrow(e.refused);
        await expect(job('import.commit', { ...input, mode: 'valid' })).rejects.toThrow(e.refused);
        expect(await peopleCount()).toBe(before);
        return;
      }
      const start = performance.now();
      const p = await job<ImportPreviewOut>('import.preview', input);
      const ms = performance.now() - start;
      if (e.maxMs) expect(ms).toBeLessThan(e.maxMs);
      if (e.sheet) expect(p.sheet).toBe(e.sheet);
      if (e.headerRow) expect(p.headerRow).toBe(e.headerRow);
      expect(p.counts).toEqual(e.counts);
      if (e.columns) expect(Object.fromEntries(p.columns.map((c) => [c.col, c.key]))).toEqual(e.columns);
      if (e.statuses) expect(Object.fromEntries(p.rows.map((r) => [String(r.row), r.status]))).toEqual(e.statuses);
      // The rows in error are exactly the ones listed, each with the listed cell's message.
      const errorRows = p.rows.filter((r) => r.status === '错误');
      expect(errorRows.map((r) => r.row).sort((a, b) => a - b)).toEqual([...new Set((e.errors ?? []).map((x) => x.row))].sort((a, b) => a - b));
      for (const want of e.errors ?? []) {
        const row = p.rows.find((r) => r.row === want.row)!;
        expect(row.problems, `row ${want.row}`).toContainEqual(expect.objectContaining({ row: want.row, col: want.col, message: expect.stringContaining(want.message) }));
      }
      for (const want of e.notes ?? []) {
        const row = p.rows.find((r) => r.row === want.row)!;
        expect(row.notes, `row ${want.row}`).toContainEqual(expect.objectContaining({ row: want.row, col: want.col, message: expect.stringContaining(want.message) }));
      }
    });
  }
});
