/**
 * 备份与恢复 in the browser: the clerk backs up (the verified .zip downloads), adds a person, picks the downloaded file
 * under 从备份恢复, sees what it holds, confirms, and the person is gone again, with the state before the restore kept
 * as an automatic backup.
 */
import { apiCall } from './api';
import { expect, setUpTown, test, validIdNumber } from './fixtures';

test('立即备份、新增人员、从备份恢复后该人员不再存在', async ({ app: page }, testInfo) => {
  await setUpTown(page);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即备份' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^中共.+委员会-台账备份-\d{8}-\d{6}\.zip$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByTestId('job-message').first()).toContainText('备份完成，已校验');
  await expect(page.getByRole('row').filter({ hasText: '手动备份' })).toBeVisible();

  await apiCall(page, 'people.create', { name: '马文明', idNumber: validIdNumber('1990-04-12', '135'), ethnicity: '03' });
  expect((await apiCall<{ total: number }>(page, 'people.list', {})).total).toBe(1);

  await page.locator('input[type=file][accept=".zip"]').setInputFiles(file);
  const inspect = page.getByTestId('backup-inspect');
  await expect(inspect).toContainText('完整，可以恢复');
  await expect(inspect.getByRole('row').filter({ hasText: '人员' })).toContainText('0');
  await inspect.getByRole('button', { name: '恢复这个备份' }).click();
  await page.getByRole('button', { name: '确定恢复' }).click();
  await expect(page.locator('.ant-message-notice').filter({ hasText: /已从备份恢复（备份于 .+），恢复前的数据已自动备份为/ })).toBeVisible({ timeout: 20_000 });

  await expect.poll(async () => (await apiCall<{ total: number }>(page, 'people.list', {})).total).toBe(0);
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await expect(page.getByText('马文明')).toHaveCount(0);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  await expect(page.getByRole('row').filter({ hasText: '恢复前自动备份' })).toBeVisible();
});

test('选择一个不是台账备份的文件：说明原因，不能恢复', async ({ app: page }, testInfo) => {
  await setUpTown(page);
  await page.getByRole('menuitem', { name: '备份与恢复' }).click();
  const bogus = testInfo.outputPath('照片.zip');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(bogus, 'not a zip at all');
  await page.locator('input[type=file][accept=".zip"]').setInputFiles(bogus);
  await expect(page.getByText('无法使用备份文件“照片.zip”：无法作为 zip 压缩包读取')).toBeVisible();
  await expect(page.getByTestId('backup-inspect')).toHaveCount(0);
});
