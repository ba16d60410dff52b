import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { expect, setUpTown, test, validIdNumber } from './fixtures';

test('报表中心：导出人员花名册，下载的文件含标题和刚录入的人员', async ({ app: page }, testInfo) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  const id = validIdNumber('1992-11-08', '246');
  await drawer.getByLabel('姓名').fill('韩春花');
  await drawer.getByLabel('公民身份号码').fill(id);
  await drawer.getByLabel('公民身份号码').press('Enter');
  await expect(drawer).toBeHidden();

  await page.getByRole('menuitem', { name: '报表中心' }).click();
  const card = page.getByTestId('report-people-roster');
  await expect(card).toContainText('人员花名册');
  await expect(card.getByRole('radio', { name: '脱敏导出（默认）' })).toBeChecked();

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: /导出 Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^人员花名册.*\.xlsx$/);
  await expect(page.getByText(/已导出：人员花名册/)).toBeVisible();

  const file = join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text ?? ''))));
  const title = String(sheet.getRow(1).getCell(1).text);
  expect(title).toContain('人员花名册');
  expect(texts).toContain('韩春花');
  // The default export is masked: the full number must not travel in the file.
  expect(texts.join('\n')).not.toContain(id);
  expect(texts).toContain(`${id.slice(0, 4)}**********${id.slice(-4)}`);
});

test('报表中心：全程纪实台账默认 A3 横向，可改选 A4 导出', async ({ app: page }, testInfo) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '报表中心' }).click();
  const card = page.getByTestId('report-members-roster');
  await expect(card.getByRole('radio', { name: 'A3 横向' })).toBeChecked();
  // Only the wide 台账 offers a paper choice; the others print on A4.
  await expect(page.getByTestId('report-people-roster').getByText('打印纸张')).toHaveCount(0);
  await card.getByText('A4 横向').click();

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: /导出 Excel/ }).click();
  const download = await downloading;
  const file = join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets[0]!.pageSetup.paperSize).toBe(9);
});
