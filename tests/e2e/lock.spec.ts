/**
 * Personal data in the browser: the app lock (set in 组织设置, 锁定 and Ctrl+L, wrong password refused, idle lock,
 * a reload starts locked) and the 上报用 export, which asks first and leaves an entry in 操作日志.
 */
import { readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readWorkbook } from '../../core/excel/read';
import { apiCall } from './api';
import { expect, setUpTown, test, validIdNumber } from './fixtures';

async function setPasswordInSettings(page: Page, password: string): Promise<void> {
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('tab', { name: '锁屏密码' }).click();
  const form = page.getByTestId('lock-password-form');
  await form.getByLabel('新密码', { exact: true }).fill(password);
  await form.getByLabel('再次输入新密码').fill(password);
  await form.getByRole('button', { name: '设置密码' }).click();
  await expect(page.getByText(/锁屏密码已设置/)).toBeVisible();
}

async function unlockWith(page: Page, password: string): Promise<void> {
  const screen = page.getByTestId('lock-screen');
  await screen.getByLabel('锁屏密码').fill(password);
  await screen.getByRole('button', { name: '解锁' }).click();
}

test('锁屏：在组织设置中设置密码后可锁定（按钮与 Ctrl+L），错误密码不能解锁，正确密码解锁', async ({ app: page }) => {
  await setUpTown(page);
  // Without a password, 锁定 says where to set one instead of locking.
  await page.getByTestId('lock-button').click();
  await expect(page.getByText('尚未设置锁屏密码：请先在“组织设置 → 锁屏密码”中设置密码，之后可随时锁定。')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);

  await setPasswordInSettings(page, '多巴2026');
  await page.getByTestId('lock-button').click();
  const screen = page.getByTestId('lock-screen');
  await expect(screen).toBeVisible();
  await expect(screen.getByRole('heading', { name: '台账已锁定' })).toBeVisible();
  // The shell behind it cannot be clicked or tabbed into.
  await expect(page.locator('#root')).toHaveAttribute('inert', '');

  await unlockWith(page, '错误的密码');
  await expect(screen.getByText('密码不正确，请重新输入。')).toBeVisible();
  await expect(screen).toBeVisible();

  await unlockWith(page, '多巴2026');
  await expect(screen).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '锁屏密码' })).toBeVisible();

  await page.keyboard.press('Control+l');
  await expect(screen).toBeVisible();
  await unlockWith(page, '多巴2026');
  await expect(screen).toHaveCount(0);
});

test('锁屏：刷新页面后仍需密码；修改密码须输入原密码', async ({ app: page }) => {
  await setUpTown(page);
  await apiCall(page, 'lock.setPassword', { newPassword: '多巴2026' });
  // A reload would otherwise be a way round the lock.
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await unlockWith(page, '多巴2026');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);

  // Changing the password needs the old one.
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('tab', { name: '锁屏密码' }).click();
  const form = page.getByTestId('lock-password-form');
  await form.getByLabel('原密码').fill('不对');
  await form.getByLabel('新密码', { exact: true }).fill('new-pass');
  await form.getByLabel('再次输入新密码').fill('new-pass');
  await form.getByRole('button', { name: '修改密码' }).click();
  await expect(form.getByText('原密码不正确', { exact: true })).toBeVisible();
});

test('锁屏：无操作达到设置的分钟数后自动锁定', async ({ app: page }) => {
  await setUpTown(page);
  await apiCall(page, 'lock.setPassword', { newPassword: 'idle-pass' });
  await apiCall(page, 'lock.setIdle', { idleMinutes: 1 });
  await page.clock.install();
  await page.reload();
  await unlockWith(page, 'idle-pass');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);

  // Activity keeps it open…
  await page.clock.fastForward(40_000);
  await page.mouse.move(200, 200);
  await page.clock.fastForward(40_000);
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  // …a full minute without any locks it.
  await page.clock.fastForward(65_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

test('上报用导出：先确认，文件含完整身份证号，操作日志记下 Windows 用户、计算机、报表和身份证号个数', async ({ app: page }, testInfo) => {
  await setUpTown(page);
  const units = await apiCall<{ id: number }[]>(page, 'org.listUnits', {});
  const id = validIdNumber('1990-04-12', '135');
  await apiCall(page, 'people.create', { name: '马文明', idNumber: id, ethnicity: '03', unitId: units[0]!.id });

  await page.getByRole('menuitem', { name: '报表中心' }).click();
  const card = page.getByTestId('report-people-roster');
  await expect(card.getByRole('radio', { name: '脱敏导出（默认）' })).toBeChecked();
  await card.getByText('上报用（含完整身份证号，将记入操作日志）').click();

  // Cancelling the confirmation exports nothing.
  await card.getByRole('button', { name: /导出 Excel/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '导出含完整身份证号的报表？' });
  await expect(confirm).toContainText('记入操作日志');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();

  const downloading = page.waitForEvent('download');
  await card.getByRole('button', { name: /导出 Excel/ }).click();
  await confirm.getByRole('button', { name: '确认导出' }).click();
  const download = await downloading;
  const file = join(testInfo.outputDir, download.suggestedFilename());
  await download.saveAs(file);
  const book = await readWorkbook(readFileSync(file));
  expect(JSON.stringify(book.sheets[0]!.rows)).toContain(id);

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  const row = page.getByRole('row').filter({ hasText: '上报用导出“人员花名册”' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`含完整身份证号 1 个（Windows 用户 ${userInfo().username}，计算机 ${hostname()}）`);
  await row.click();
  await expect(page.getByText('完整身份证号（个）')).toBeVisible();

  // The log itself exports, with the ID numbers in it masked.
  const logDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const log = await logDownload;
  expect(log.suggestedFilename()).toMatch(/^操作日志_.*\.xlsx$/);
  const logFile = join(testInfo.outputDir, log.suggestedFilename());
  await log.saveAs(logFile);
  const logText = JSON.stringify((await readWorkbook(readFileSync(logFile))).sheets.map((s) => s.rows));
  expect(logText).toContain('上报用导出');
  expect(logText).not.toContain(id);
});
