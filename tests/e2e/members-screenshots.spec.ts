/**
 * Not a check: renders the 发展党员 pages into LEDGER_SHOTS (e.g. /tmp/shots-members) for a human to look at.
 * Skipped unless that variable is set.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { discardChanges, expect, pickOption, test } from './fixtures';

const dir = process.env.LEDGER_SHOTS;
test.skip(!dir, '设置 LEDGER_SHOTS=目录 后才截图');
test.use({ serverOptions: { demo: true } });

const shot = async (page: Page, name: string, fullPage = false) => {
  mkdirSync(dir!, { recursive: true });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(dir!, `${name}.png`), fullPage });
};

test('发展党员各页面', async ({ app: page }) => {
  test.setTimeout(120_000);
  await expect(page.getByTestId('members-stage-1')).toContainText(/\d+\s*人/);
  await shot(page, 'm01-home');

  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await expect(page.getByText(/共 \d+ 人/)).toBeVisible();
  await shot(page, 'm02-list');
  await page.getByText('台账', { exact: true }).click();
  await shot(page, 'm03-ledger');
  await page.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => (el.scrollLeft = 900));
  await shot(page, 'm03b-ledger-scrolled');
  await page.getByText('列表', { exact: true }).click();
  await page.getByRole('button', { name: '新建档案' }).click();
  await page.getByRole('dialog', { name: '新建发展档案' }).getByRole('combobox', { name: '人员' }).click();
  await shot(page, 'm04-create');
  await page.getByRole('dialog', { name: '新建发展档案' }).getByRole('button', { name: '取消' }).click();

  await page.getByRole('menuitem', { name: '合规检查' }).click();
  await expect(page.getByRole('table').getByRole('row', { name: /R09/ })).toBeVisible();
  await shot(page, 'm05-check');
  await pickOption(page, page.getByRole('combobox', { name: '规则' }), 'R09', '');
  await page.getByRole('table').getByRole('row', { name: /R09/ }).getByRole('link').click();
  await expect(page.getByTestId('violations-panel')).toContainText('R09');
  await shot(page, 'm06-person');
  await shot(page, 'm06b-person-full', true);

  await page.getByTestId('step-7').getByRole('button', { name: /^7 / }).click();
  const drawer = page.getByRole('dialog', { name: /流程节点：7 / });
  await drawer.getByLabel('日期', { exact: true }).fill('2025-08-01');
  await drawer.getByLabel('日期', { exact: true }).press('Tab');
  await shot(page, 'm07-step-form-error');
  await page.keyboard.press('Escape');
  // A typed date is unsaved input: closing asks first.
  await discardChanges(page);
  await expect(drawer).toBeHidden();

  await page.getByRole('button', { name: /^15 / }).click();
  await shot(page, 'm08-step-form-meeting');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: '政治审查' }).click();
  await shot(page, 'm09-review');
  await page.getByRole('tab', { name: /考察与思想汇报/ }).click();
  await shot(page, 'm10-periodic');
  await page.getByRole('tab', { name: '延长/取消/终止' }).click();
  await shot(page, 'm11-exits');

  await page.getByRole('menuitem', { name: '合规检查' }).click();
  await page.getByRole('tab', { name: '规则设置' }).click();
  await pickOption(page, page.getByRole('combobox', { name: 'R02级别' }), '提醒', '');
  await shot(page, 'm12-rules');
  await page.getByRole('button', { name: /保存（1 条）/ }).click();
  await shot(page, 'm13-rules-confirm');
  await page.getByRole('button', { name: '取消' }).click();

  await page.goto(page.url().replace(/#.*$/, '#/members?view=indicators'));
  await expect(page.getByText('新接收预备党员')).toBeVisible();
  await shot(page, 'm14-indicators');
});
