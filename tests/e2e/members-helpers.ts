/** Steps the 发展党员 specs share: screenshots on demand, typed dates, and a new file made through the UI. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, pickOption } from './fixtures';

/** Saved only when LEDGER_SHOTS names a folder, so the normal run stays fast. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.LEDGER_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Types a date and tabs on: the picker commits a typed date on blur, as a clerk moving to the next box does. */
export async function fillDate(scope: Locator, label: string, date: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).fill(date);
  await scope.getByLabel(label, { exact: true }).press('Tab');
}

export function stepDrawer(page: Page, no: number): Locator {
  return page.getByRole('dialog', { name: new RegExp(`流程节点：${no} `) });
}

/** A person entered in 人员库, then 新建档案 for them (saved with Enter), ending on their development page. */
export async function newFile(page: Page, person: { name: string; idNumber: string; search: string; applied: string }): Promise<void> {
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const personDrawer = page.getByRole('dialog', { name: '新增人员' });
  await personDrawer.getByLabel('姓名').fill(person.name);
  await personDrawer.getByLabel('公民身份号码').fill(person.idNumber);
  await pickOption(page, personDrawer.getByRole('combobox', { name: '所在村（社区）' }), '多巴一村', '多巴一');
  await personDrawer.getByLabel('公民身份号码').press('Enter');
  await expect(personDrawer).toBeHidden();

  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.getByRole('button', { name: '新建档案' }).click();
  const create = page.getByRole('dialog', { name: '新建发展档案' });
  await pickOption(page, create.getByRole('combobox', { name: '人员' }), person.name, person.search);
  await fillDate(create, '递交入党申请书日期', person.applied);
  // Enter saves here as in every form.
  await create.getByRole('checkbox', { name: '共青团员' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step-1')).toContainText(person.applied);
}
