import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { SETUP_INPUT, makeIdNumber, tempDir } from '../helpers/ledger';

const tmp = tempDir('ledger-cli-');
afterAll(() => tmp.cleanup());

function ledger(...args: string[]) {
  const run = spawnSync(process.execPath, ['bin/ledger.mjs', ...args, '--data-dir', tmp.dir], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each run starts a fresh process through tsx: seconds apiece on a loaded 2-core machine.
describe('ledger CLI', { timeout: 120_000 }, () => {
  it('lists every contract method with its input schema', () => {
    const run = ledger('methods');
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { method: string; input: { type?: string } }[];
    expect(listed.map((m) => m.method)).toContain('people.create');
    expect(listed.find((m) => m.method === 'people.create')?.input).toMatchObject({ type: 'object' });
  });

  it('runs a method and prints JSON; invalid input exits 2 with a Chinese message', () => {
    expect(ledger('call', 'org.setup', JSON.stringify(SETUP_INPUT)).code).toBe(0);
    const created = ledger('call', 'people.create', JSON.stringify({ name: '马秀兰', idNumber: makeIdNumber('1990-05-12', '女'), ethnicity: '03' }));
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ name: '马秀兰', gender: '女' });

    const bad = ledger('call', 'people.create', JSON.stringify({ name: '错号', idNumber: '630122199001011235', ethnicity: '01' }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('校验位');
    expect(ledger('call', 'people.create', '{not json').code).toBe(2);
    expect(ledger('call', 'no.such.method', '{}').code).toBe(2);
    const listed = JSON.parse(ledger('call', 'people.list', '{}').stdout) as { total: number };
    expect(listed.total).toBe(1);
  });

  it('an import of a file that is not Excel says so in Chinese with the input-error code and exit 2, not 程序内部错误', () => {
    const notExcel = join(tmp.dir, '花名册.xlsx');
    writeFileSync(notExcel, '姓名,身份证号\n马秀兰,630122199005120027\n');
    const run = ledger('import', 'people', notExcel, '--dry-run');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('这不是 Excel（.xlsx）文件');
    expect(run.stderr).toContain('"code": "INVALID_INPUT"');
    expect(run.stderr).not.toContain('程序内部错误');
  });

  it('lists reports and exports the roster for one village', async () => {
    const reports = JSON.parse(ledger('reports').stdout) as { id: string; title: string }[];
    expect(reports).toContainEqual(expect.objectContaining({ id: 'people-roster', title: '人员花名册' }));
    const out = join(tmp.dir, '花名册.xlsx');
    const run = ledger('export', 'people-roster', '--out', out);
    expect(run.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const text = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(text).toContain('马秀兰');
    expect(ledger('export', 'people-roster', '--out', out, '--unit', '不存在村').code).toBe(2);
    expect(ledger('export', 'no-such-report', '--out', out).code).toBe(2);
  });

  it('prints every 发展党员 finding of the demo data as JSON and exits 0', () => {
    expect(ledger('demo').code).toBe(0);
    const run = ledger('check', '--demo');
    expect(run.code).toBe(0);
    const findings = JSON.parse(run.stdout) as { personName: string; ruleId: string; level: string; message: string; dates: Record<string, string> }[];
    const rules = new Set(findings.filter((f) => f.level === 'error').map((f) => f.ruleId));
    for (const id of ['R02', 'R03', 'R09', 'R17']) expect(rules).toContain(id);
    expect(findings[0]).toMatchObject({ personName: expect.any(String), message: expect.any(String), dates: expect.any(Object) });
  });

  it('makes the demo data set in its own folder', () => {
    const run = ledger('demo');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { dataDir: string; people: number };
    expect(result.dataDir).toBe(join(tmp.dir, 'demo'));
    expect(result.people).toBeGreaterThan(100);
    expect(existsSync(join(tmp.dir, 'demo', 'ledger.db'))).toBe(true);
    const real = JSON.parse(ledger('call', 'people.list', '{}').stdout) as { total: number };
    expect(real.total).toBe(1);
  });
});
