/**
 * District IT pipes everything. Every command's output is read here through a real pipe whose reader lags behind
 * (tests/helpers/slow_pipe_reader.py), as `ledger methods | python3 -m json.tool` meets it on a busy PC: before the
 * CLI waited for its output to drain, everything past the pipe's 64 KB was lost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/ledger';

const tmp = tempDir('ledger-pipe-');
afterAll(() => tmp.cleanup());

const PIPE_CAPACITY = 64 * 1024;

function piped(stream: 'stdout' | 'stderr', ...args: string[]) {
  const run = spawnSync('python3', ['tests/helpers/slow_pipe_reader.py', stream, process.execPath, 'bin/ledger.mjs', ...args, '--data-dir', tmp.dir], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, piped: run.stdout, other: run.stderr };
}

describe('ledger output through a pipe', { timeout: 180_000 }, () => {
  it('methods: the whole description arrives and parses, though it is larger than the pipe', () => {
    const run = piped('stdout', 'methods');
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.piped)).toBeGreaterThan(PIPE_CAPACITY);
    const listed = JSON.parse(run.piped) as { method: string; writes: boolean; output: object; file?: { field: string; note: string } }[];
    expect(listed.find((m) => m.method === 'app.generateDemo')).toMatchObject({ writes: true });
    expect(listed.find((m) => m.method === 'reports.export')).toMatchObject({ output: { type: 'object' }, file: { field: 'base64', note: expect.stringContaining('base64') } });
  });

  it('reports: the catalogue parses, and listing it creates no data file', () => {
    const run = piped('stdout', 'reports');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.piped)).toContainEqual(expect.objectContaining({ id: 'people-roster', title: '人员花名册' }));
    expect(existsSync(join(tmp.dir, 'ledger.db'))).toBe(false);
  });

  it('demo: the summary parses', () => {
    const run = piped('stdout', 'demo');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.piped)).toMatchObject({ ok: true, dataDir: join(tmp.dir, 'demo'), people: expect.any(Number) });
  });

  it('call: a page of 500 records, far larger than the pipe, parses whole', () => {
    const run = piped('stdout', 'call', 'people.list', '{"pageSize":500}', '--demo');
    expect(run.code).toBe(0);
    expect(Buffer.byteLength(run.piped)).toBeGreaterThan(PIPE_CAPACITY);
    const page = JSON.parse(run.piped) as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(Math.min(page.total, 500));
  });

  it('check: every finding of the demo data parses', () => {
    const run = piped('stdout', 'check', '--demo');
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.piped) as { ruleId: string }[];
    expect(findings.length).toBeGreaterThan(0);
  });

  it('export: the result parses and the decoded file is a workbook; --paper takes A4 or A3 only', async () => {
    const out = join(tmp.dir, '台账.xlsx');
    // The wide 全程纪实台账 is the report that takes a paper size.
    const run = piped('stdout', 'export', 'members-roster', '--out', out, '--paper', 'A3', '--demo');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.piped)).toMatchObject({ ok: true, file: out, rowCount: expect.any(Number) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.length).toBeGreaterThan(0);

    const wrong = piped('stderr', 'export', 'members-roster', '--out', out, '--paper', 'B5', '--demo');
    expect(wrong.code).toBe(2);
    expect(wrong.piped).toContain('--paper 只能是 A4 或 A3（收到：B5）');
  });

  it('an error arrives whole on stderr, as JSON, with exit code 2', () => {
    const run = piped('stderr', 'export', 'no-such-report', '--out', join(tmp.dir, 'x.xlsx'), '--demo');
    expect(run.code).toBe(2);
    const body = JSON.parse(run.piped) as { ok: boolean; error: { code: string; message: string; hint: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-report') } });
    expect(body.error.hint).toContain('people-roster');
  });
});
