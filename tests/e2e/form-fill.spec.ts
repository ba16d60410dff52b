/**
 * 按上级模板填报 in the browser: the clerk opens a blank form written by openpyxl (tests/helpers/make_forms.py), sees
 * each column placed, maps the one the ledger could not place (家庭人口 → 户籍地, as this office uses it), downloads
 * the filled form, and the file is read back with openpyxl: the people under the right headers, the 合计 formula
 * stretched over them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { apiCall } from './api';
import { expect, pickOption, setUpTown, test, validIdNumber } from './fixtures';

interface Unit {
  id: number;
  name: string;
}

/** The page, saved only when LEDGER_SHOTS names a folder (to look at the panel by eye). */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.LEDGER_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(300);
  await page.getByTestId('form-fill-panel').screenshot({ path: join(dir, `${name}.png`) });
}

/** Writes the openpyxl forms into `dir` and opens `name` in 报表中心's panel, as the clerk picks the file. */
async function openForm(page: Page, dir: string, name: string) {
  mkdirSync(dir, { recursive: true });
  execFileSync('/usr/bin/python3', ['tests/helpers/make_forms.py', dir]);
  const form = readFileSync(join(dir, name));
  await page.getByRole('menuitem', { name: '报表中心' }).click();
  const panel = page.getByTestId('form-fill-panel');
  await upload(panel, form);
  return { dir, form, panel };
}

const upload = (panel: Locator, buffer: Buffer) =>
  panel.locator('input[type=file]').setInputFiles({ name: '人员登记表.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });

const PEOPLE = [
  { name: '韩卫东', birth: '1980-03-12', seq: '131', hukou: '多巴镇多巴一村3社' },
  { name: '马秀兰', birth: '1986-07-01', seq: '242', hukou: '多巴镇多巴二村1社' },
  { name: '祁永福', birth: '1979-11-20', seq: '353', hukou: '多巴镇多巴一村5社' },
];

test('按上级模板填报：打开上级表格、改一列的对应、填报并下载，下次打开时记得', async ({ app: page }, testInfo) => {
  test.setTimeout(120_000);
  await setUpTown(page, '多巴镇');
  const units = await apiCall<Unit[]>(page, 'org.listUnits', {});
  for (const [i, p] of PEOPLE.entries()) {
    await apiCall(page, 'people.create', { name: p.name, idNumber: validIdNumber(p.birth, p.seq), ethnicity: '01', education: '31', birthDate: p.birth, unitId: units[i % 2]!.id, phone: `1389710000${i}`, hukou: p.hukou });
  }
  const { dir, form, panel } = await openForm(page, testInfo.outputDir, 'roster-form.xlsx');
  await expect(panel).toContainText('湟中区村级人员基本情况登记表');
  await expect(panel).toContainText('第 3–4 行');
  const mapping = page.getByTestId('form-fill-mapping');
  await expect(mapping.getByRole('row').filter({ hasText: '出生年月' })).toContainText('出生日期');
  await expect(mapping.getByRole('row').filter({ hasText: '身份证号码' })).toContainText('公民身份号码');
  await expect(page.getByTestId('form-fill-unmapped')).toContainText('I列“家庭人口”');

  // The clerk's correction: this office puts the 户籍地 in that column.
  await pickOption(page, mapping.getByRole('combobox', { name: '第 I 列填写' }), '户籍地');
  await expect(mapping.getByRole('row').filter({ hasText: '家庭人口' })).toContainText('已手动修改');
  await expect(page.getByTestId('form-fill-unmapped')).toHaveCount(0);
  await shot(page, 'form-fill-mapping');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('form-fill-submit').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('人员登记表（已填报）.xlsx');
  const file = join(dir, 'filled.xlsx');
  await download.saveAs(file);
  await expect(page.getByTestId('form-fill-result')).toContainText('已填报 3 行');
  await shot(page, 'form-fill-result');

  const read = JSON.parse(execFileSync('/usr/bin/python3', ['tests/helpers/read_form.py', file], { encoding: 'utf8' })) as { cells: Record<string, string | number> };
  const rows = [5, 6, 7].map((r) => ({ seq: read.cells[`A${r}`], name: read.cells[`B${r}`], hukou: read.cells[`I${r}`], born: read.cells[`E${r}`] }));
  expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
  for (const p of PEOPLE) expect(rows).toContainEqual({ seq: expect.any(Number), name: p.name, hukou: p.hukou, born: p.birth });
  expect(read.cells.A8).toBe('合计');
  expect(read.cells.C8).toBe('=COUNTA(B5:B7)&"人"');
  expect(String(read.cells.A9)).toMatch(/^填表人/);

  // The same form opened again comes with the corrected mapping.
  await upload(panel, form);
  await expect(panel).toContainText('已按上次的对应关系填好');
  await expect(mapping.getByRole('row').filter({ hasText: '家庭人口' })).toContainText('户籍地');
  await expect(mapping.getByRole('row').filter({ hasText: '家庭人口' })).toContainText('上次的对应');
});

test('按上级模板填报：表格第一页是填表说明时自动找到有表头的工作表，也可以换工作表', async ({ app: page }, testInfo) => {
  test.setTimeout(120_000);
  await setUpTown(page, '多巴镇');
  const units = await apiCall<Unit[]>(page, 'org.listUnits', {});
  const p = PEOPLE[0]!;
  await apiCall(page, 'people.create', { name: p.name, idNumber: validIdNumber(p.birth, p.seq), ethnicity: '01', education: '31', birthDate: p.birth, unitId: units[0]!.id });
  const { dir, panel } = await openForm(page, testInfo.outputDir, 'roster-form-with-notes.xlsx');
  await expect(panel).toContainText('湟中区村级人员基本情况登记表');
  const sheet = panel.getByRole('combobox', { name: '工作表' });
  await expect(sheet).toBeVisible();
  await expect(panel.getByText('登记表', { exact: true })).toBeVisible();

  // The clerk tries the instructions sheet: told plainly it has no header; the form stays as it was found.
  await pickOption(page, sheet, '填表说明', '');
  await expect(page.getByText('在工作表“填表说明”的前 20 行中没有找到表头')).toBeVisible();
  await expect(panel).toContainText('湟中区村级人员基本情况登记表');
  await expect(page.getByTestId('form-fill-mapping').getByRole('row').filter({ hasText: '姓名' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('form-fill-submit').click();
  const file = join(dir, 'filled.xlsx');
  await (await downloading).saveAs(file);
  await expect(page.getByTestId('form-fill-result')).toContainText('已填报 1 行');
  const py = "import openpyxl,json,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(json.dumps([wb.sheetnames, wb['填表说明']['A3'].value, wb['登记表']['B5'].value], ensure_ascii=False))";
  const [names, note, first] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' })) as [string[], string, string];
  expect(names).toEqual(['填表说明', '登记表']);
  expect(note).toBe('1. 请各村如实填写，不得漏报。');
  expect(first).toBe(p.name);
});
