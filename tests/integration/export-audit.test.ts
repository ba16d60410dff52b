import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/audit/schemas';
import type { Unit } from '../../core/org/schemas';
import { makeIdNumber, startHost } from '../helpers/ledger';

type Started = Awaited<ReturnType<typeof startHost>>;

/** 上报用 exports leave an audit entry saying who took full ID numbers out, and how many. */
describe('unmasked exports in the audit log', () => {
  let ledger: Started;
  let units: Unit[];

  beforeAll(async () => {
    ledger = await startHost({ now: () => new Date(2026, 10, 27, 9, 30) });
    units = (await ledger.host.invoke('org.listUnits', {})) as Unit[];
    const people = [
      { name: '马文明', idNumber: makeIdNumber('1980-03-01', '男', 1), unitId: units[0]!.id },
      { name: '李秀梅', idNumber: makeIdNumber('1991-07-12', '女', 2), unitId: units[0]!.id },
      { name: '卓玛', idNumber: makeIdNumber('1995-11-30', '女', 3), unitId: units[1]!.id },
    ];
    for (const p of people) await ledger.host.invoke('people.create', { ...p, ethnicity: '01' });
  });
  afterAll(() => ledger?.close());

  const exports = async () =>
    ((await ledger.host.invoke('audit.list', { entity: 'report_export', page: 1, pageSize: 50 })) as { items: AuditEntry[] }).items;

  it('a masked export (the default) writes no entry', async () => {
    await ledger.host.invoke('reports.export', { reportId: 'people-roster' });
    await ledger.host.invoke('reports.export', { reportId: 'people-roster', maskIdNumbers: true });
    expect(await exports()).toEqual([]);
  });

  it('an unmasked export records the Windows user, the computer, the time, the report and the ID count', async () => {
    const file = (await ledger.host.invoke('reports.export', { reportId: 'people-roster', maskIdNumbers: false })) as { fileName: string; rowCount: number };
    const [entry] = await exports();
    expect(entry).toMatchObject({
      at: '2026-11-27 09:30:00',
      entity: 'report_export',
      action: '导出',
      summary: `上报用导出“人员花名册”，含完整身份证号 3 个（Windows 用户 ${userInfo().username}，计算机 ${hostname()}）`,
      after: { report: '人员花名册', reportId: 'people-roster', fileName: file.fileName, idNumbers: 3, rowCount: 3, windowsUser: userInfo().username, computer: hostname() },
    });
  });

  it('counts only the ID numbers the file carries: one village', async () => {
    await ledger.host.invoke('reports.export', { reportId: 'people-roster', maskIdNumbers: false, unitIds: [units[1]!.id] });
    const [entry] = await exports();
    expect(entry!.after).toMatchObject({ idNumbers: 1, rowCount: 1, unitIds: [units[1]!.id] });
  });

  it('the CLI --no-mask export is logged too, and a failed write leaves no file', async () => {
    await ledger.host.close();
    const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/ledger.mjs', ...args, '--data-dir', ledger.dir], { encoding: 'utf8', timeout: 60_000 });
    const out = join(ledger.dir, '花名册.xlsx');
    expect(cli('export', 'people-roster', '--out', out, '--no-mask').status).toBe(0);
    const missing = join(ledger.dir, '没有这个文件夹', '花名册.xlsx');
    const failed = cli('export', 'people-roster', '--out', missing);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('无法保存“花名册.xlsx”：所选文件夹不存在或 U 盘已拔出。');
    expect(failed.stderr).not.toMatch(/ENOENT/);
    expect(readdirSync(ledger.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(missing)).toBe(false);
    await ledger.host.start();
    const entries = await exports();
    expect(entries).toHaveLength(3);
    expect(entries[0]!.after).toMatchObject({ idNumbers: 3, windowsUser: userInfo().username });
  });
});
