/** Importing 组织: villages matched by name with or without 村委会, 党组织 by name within their village, and undone. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerHost } from '../../core/host';
import type { ImportPreviewOut } from '../../core/import/schemas';
import type { JobStatus } from '../../core/jobs/schemas';
import { startHost } from '../helpers/ledger';

let host: LedgerHost;
let close: () => Promise<void>;

async function run<T>(method: 'import.preview' | 'import.commit', input: Record<string, unknown>): Promise<T> {
  const { jobId } = (await host.invoke(method, input)) as { jobId: string };
  const done = (await host.jobs.settled(jobId)) as JobStatus;
  if (done.state !== '已完成') throw new Error(done.error?.message ?? done.state);
  return done.result as T;
}

async function sheet(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织');
  ws.addRow(['多巴镇村（社区）及党组织一览表']);
  ws.addRow(['村名', '类别', '党支部名称']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

beforeAll(async () => {
  ({ host, close } = await startHost());
});
afterAll(() => close());

describe('组织 import', () => {
  it('skips what the ledger has, adds new villages and 党组织, refuses a bad 类别, and undoes exactly', async () => {
    const before = (await host.invoke('org.listUnits', {})) as { name: string }[];
    const base64 = await sheet([
      ['多巴一村委会', '村', null], // 多巴一村 exists: 跳过
      ['多巴一村', null, '多巴一村第二党支部'], // a new 党组织 in an existing village
      ['康城村', null, '中共多巴镇康城村支部委员会'], // a new village with its 党组织
      ['幸福社区', null, null], // kind from the name: 社区
      ['某某单位', '工厂', null], // not a 类别 the tree has
    ]);
    const p = await run<ImportPreviewOut>('import.preview', { kind: 'org', fileName: '组织.xlsx', base64 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [3, '跳过'],
      [4, '新增'],
      [5, '新增'],
      [6, '新增'],
      [7, '错误'],
    ]);
    expect(p.rows[4]!.problems[0]).toMatchObject({ col: 'B', value: '工厂', message: expect.stringContaining('应为 村、社区、机关、两新组织 之一') });
    const r = await run<{ batchId: number; inserted: number }>('import.commit', { kind: 'org', fileName: '组织.xlsx', base64 });
    expect(r.inserted).toBe(4);
    const units = (await host.invoke('org.listUnits', {})) as { id: number; name: string; kind: string }[];
    expect(units.find((u) => u.name === '幸福社区')?.kind).toBe('社区');
    const kangcheng = units.find((u) => u.name === '康城村')!;
    expect(((await host.invoke('org.listBranches', { unitId: kangcheng.id })) as { name: string }[]).map((b) => b.name)).toEqual(['中共多巴镇康城村支部委员会']);
    await host.invoke('import.undo', { batchId: r.batchId });
    expect(((await host.invoke('org.listUnits', {})) as { name: string }[]).map((u) => u.name)).toEqual(before.map((u) => u.name));
  });
});
