/** 发展党员 pages over the demo township, whose files carry deliberate faults (R02, R09 with a 特殊情况说明 …). */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { expect, pickOption, test } from './fixtures';

test.use({ serverOptions: { demo: true } });

test('合规检查列出 R02、R09 等问题，可筛选，导出的 Excel 含这些问题', async ({ app: page }, testInfo) => {
  await page.getByRole('menuitem', { name: '合规检查' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /R02/ }).first()).toBeVisible();
  await expect(table.getByRole('row', { name: /R09/ }).first()).toBeVisible();

  await pickOption(page, page.getByRole('combobox', { name: '规则' }), 'R09', '');
  const r09 = table.getByRole('row', { name: /R09/ });
  await expect(r09).toHaveCount(1);
  await expect(r09).toContainText('错误');
  await expect(r09).toContainText('不满一年');
  // The demo file with a short 培养 period carries a 特殊情况说明, shown beside the finding.
  await expect(r09).toContainText('提前列为发展对象');

  // The name leads to the person's page, where the same finding is listed.
  const name = await r09.getByRole('link').innerText();
  await r09.getByRole('link').click();
  await expect(page.getByTestId('record-name')).toHaveText(name);
  await expect(page.getByTestId('violations-panel')).toContainText('R09');
  await page.goBack();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^程序合规检查表.*\.xlsx$/);
  const file = join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const texts: string[] = [];
  book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text ?? ''))));
  expect(texts.join('\n')).toContain('R09');
  expect(texts.join('\n')).toContain('R02');
});

test('首页的阶段人数可点击，进入按该阶段筛选的发展党员列表', async ({ app: page }) => {
  const tile = page.getByTestId('members-stage-2');
  await expect(tile).toContainText(/入党积极分子\s*\d+\s*人/);
  const count = Number((await tile.innerText()).match(/(\d+)\s*人/)![1]);
  expect(count).toBeGreaterThan(0);
  await tile.click();

  await expect(page).toHaveURL(/#\/members\?stage=2$/);
  await expect(page.getByRole('combobox', { name: '阶段' }).locator('..')).toContainText('入党积极分子的确定和培养教育');
  await expect(page.getByText(`共 ${count} 人`)).toBeVisible();
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: /阶段/ });
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain('第二阶段');

  // And back on 首页 the 有问题 count opens the files that have problems.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await page.getByTestId('members-problems').click();
  await expect(page).toHaveURL(/onlyViolations=1/);
  await expect(page.getByRole('switch', { name: '只看有问题' })).toBeChecked();
});

test('规则设置：把 R02 改为“提醒”生成新版本，合规检查随之按提醒显示', async ({ app: page }) => {
  await page.getByRole('menuitem', { name: '合规检查' }).click();
  await page.getByRole('tab', { name: '规则设置' }).click();
  await expect(page.getByTestId('rule-version')).toContainText('第 1 版');
  await expect(page.getByRole('row', { name: /R11b/ })).toContainText('未经核实');

  await pickOption(page, page.getByRole('combobox', { name: 'R02级别' }), '提醒', '');
  await page.getByRole('button', { name: /保存（1 条）/ }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText(`将生成第 2 版规则，自 ${dayjs().format('YYYY-MM-DD')} 起施行`);
  await confirm.getByRole('button', { name: '保存' }).click();
  // Saving re-judges every file as a job: the clerk is told how many files the new rules judged.
  await expect(page.getByText(/已生成第 2 版规则，已按新规则重新校验 \d+ 份发展档案/).first()).toBeVisible();
  await expect(page.getByTestId('rule-version')).toContainText('第 2 版');

  await page.getByRole('tab', { name: '合规检查' }).click();
  const r02 = page.getByRole('table').getByRole('row', { name: /R02/ }).first();
  await expect(r02).toContainText('提醒');
  await expect(r02).not.toContainText('错误');
});

test('发展党员列表按截止时间排序：逾期的档案排在最前', async ({ app: page }) => {
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.getByRole('columnheader', { name: '截止时间' }).click();
  const firstRow = page.getByRole('table').getByRole('row').nth(1);
  await expect(firstRow).toContainText('已逾期');
  await page.getByRole('columnheader', { name: '姓名' }).click();
  await expect(page.getByRole('columnheader', { name: '姓名' })).toHaveAttribute('aria-sort', 'ascending');
});
