/**
 * 区县汇总 in the browser, as the district's clerk does it: first-run setup in 区县 mode (no villages), then the
 * 区县汇总 page with two townships' 人员花名册 (made by the `ledger` CLI from two demo townships, as a township's clerk
 * would export them): the preview names both townships and the one missing from the county's list, the merge
 * downloads one file whose rows are both townships' people, each once, under a 乡镇（街道） column.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TOWNS = ['田家寨镇', '上新庄镇'];

function ledger(dataDir: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
}

/** Rows of a file's `_data`, read by openpyxl: an independent reader. */
function dataRows(file: string): { town: string; idNumber: string }[] {
  const py = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], read_only=True)['_data']
rows = list(ws.iter_rows(values_only=True))
head = list(rows[0])
print(json.dumps([dict(zip(head, r)) for r in rows[1:]], ensure_ascii=False, default=str))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' })) as { town: string; idNumber: string }[];
}

test('区县汇总：区县模式设置后，选两个乡镇的花名册，检查、合并并下载', async ({ app: page }, testInfo) => {
  test.setTimeout(180_000);
  const work = mkdtempSync(join(tmpdir(), 'ledger-e2e-district-'));
  try {
    const files: string[] = [];
    const people: number[] = [];
    for (const [i, town] of TOWNS.entries()) {
      const dir = join(work, `town${i}`);
      ledger(dir, 'demo', '--town', town);
      const file = join(work, `${town}-人员花名册.xlsx`);
      const out = JSON.parse(ledger(dir, 'export', 'people-roster', '--demo', '--out', file)) as { rowCount: number };
      files.push(file);
      people.push(out.rowCount);
    }

    await expect(page.getByRole('heading', { name: /首次设置/ })).toBeVisible();
    await page.getByText('区县组织部（区县汇总）').click();
    await page.getByLabel('区县名称').fill('湟中区');
    await page.getByLabel('填报单位（汇总表落款）').fill('中共西宁市湟中区委组织部');
    await page.getByLabel('本区县的乡镇（街道），每行一个').fill([...TOWNS, '鲁沙尔镇'].join('\n'));
    await page.getByRole('button', { name: '完成设置' }).click();

    await page.getByRole('menuitem', { name: '区县汇总' }).click();
    const districtPage = page.getByTestId('district-page');
    await expect(districtPage).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件（可多选）' }).click();
    await (await chooser).setFiles(files);
    for (const f of TOWNS) await expect(districtPage.getByText(`${f}-人员花名册.xlsx`)).toBeVisible();

    await page.getByRole('button', { name: '检查文件' }).click();
    const preview = page.getByTestId('district-preview');
    await expect(preview).toBeVisible({ timeout: 60_000 });
    // The county's list names 鲁沙尔镇, whose file is not among those chosen.
    await expect(preview.getByText(/鲁沙尔镇/).first()).toBeVisible();
    for (const t of TOWNS) await expect(preview.getByText(t).first()).toBeVisible();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '合并并保存汇总文件' }).click();
    const download = await downloading;
    const merged = testInfo.outputPath('merged.xlsx');
    await download.saveAs(merged);

    const rows = dataRows(merged);
    expect(rows.length).toBe(people[0]! + people[1]!);
    const townKey = Object.keys(rows[0]!).find((k) => rows.every((r) => TOWNS.includes(String((r as unknown as Record<string, unknown>)[k]))));
    expect(townKey, '汇总文件的 _data 有一列写明乡镇（街道）').toBeDefined();
    for (const [i, t] of TOWNS.entries()) {
      expect(rows.filter((r) => (r as unknown as Record<string, unknown>)[townKey!] === t).length).toBe(people[i]);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
