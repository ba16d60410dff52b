/**
 * Not a check: renders every page into LEDGER_SHOTS (e.g. /tmp/shots) for a human to look at. Skipped unless that
 * variable is set, so `npm test` stays fast.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { discardChanges, expect, pickOption, setUpTown, test, validIdNumber } from './fixtures';

const dir = process.env.LEDGER_SHOTS;
test.skip(!dir, '设置 LEDGER_SHOTS=目录 后才截图');

const shot = async (page: Page, name: string) => {
  mkdirSync(dir!, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir!, `${name}.png`) });
};

test('正式数据各页面', async ({ app: page }) => {
  await shot(page, '01-first-run');
  await pickOption(page, page.getByRole('combobox', { name: '乡镇（街道）' }), '多巴镇');
  await page.getByRole('button', { name: '下一步' }).click();
  await shot(page, '02-first-run-units');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('填报人').fill('李文华');
  await shot(page, '03-first-run-settings');
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('town-name')).toContainText('多巴镇');

  await page.getByRole('menuitem', { name: '人员库' }).click();
  for (const [name, birth, seq] of [['马文明', '1990-01-01', '123'], ['祁玉兰', '1986-07-15', '042']] as const) {
    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.getByRole('dialog', { name: '新增人员' });
    await drawer.getByLabel('姓名').fill(name);
    await drawer.getByLabel('公民身份号码').fill(validIdNumber(birth, seq));
    await pickOption(page, drawer.getByRole('combobox', { name: '所在村（社区）' }), '', '');
    await drawer.getByLabel('公民身份号码').press('Enter');
    await expect(drawer).toBeHidden();
  }
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('stat-people')).toContainText('2');
  await shot(page, '04-home');

  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  await drawer.getByLabel('姓名').fill('韩春花');
  await drawer.getByLabel('公民身份号码').fill('630122199001011235');
  await drawer.getByLabel('性别').click();
  await shot(page, '05-people-form-id-error');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  // The form holds what was typed: closing asks first.
  await discardChanges(page);
  await expect(drawer).toBeHidden();
  await shot(page, '06-people-list');

  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('row').nth(1).getByRole('button', { name: /展开/ }).click();
  await shot(page, '07-org-units');
  await page.getByRole('tab', { name: '单位设置' }).click();
  await shot(page, '08-org-settings');

  await page.getByRole('menuitem', { name: '报表中心' }).click();
  await expect(page.getByTestId('report-people-roster')).toBeVisible();
  await shot(page, '09-reports');

  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('row', { name: /马文明/ }).getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: /修改人员/ });
  await edit.getByLabel('出生日期').fill('1990-02-01');
  await edit.getByLabel('出生日期').press('Tab');
  await edit.getByLabel('联系电话').fill('13897001234');
  await shot(page, '10-people-form-mismatch');
  await edit.getByRole('button', { name: /保存/ }).click();
  await expect(edit).toBeHidden();
  await shot(page, '11-people-list-mismatch');

  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await page.getByRole('row', { name: /修改人员：马文明/ }).click();
  await page.getByRole('row', { name: /新增人员：祁玉兰/ }).click();
  await shot(page, '12-audit');
});

test.describe('演示数据', () => {
  test.use({ serverOptions: { demo: true } });
  test('演示数据各页面', async ({ app: page }) => {
    await expect(page.getByTestId('stat-people')).toBeVisible();
    await shot(page, '13-demo-home');
    await page.getByTestId('stat-people').click();
    await expect(page.getByText(/共 \d+ 人/)).toBeVisible();
    await shot(page, '14-demo-people');
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await shot(page, '15-demo-audit');
  });
});

test.describe('数据文件损坏', () => {
  test.use({ serverOptions: { prepareDataDir: (d) => writeFileSync(join(d, 'ledger.db'), 'x'.repeat(4096)) } });
  test('错误页', async ({ app: page }) => {
    await expect(page.getByText('台账数据无法打开')).toBeVisible();
    await shot(page, '16-error');
  });
});
