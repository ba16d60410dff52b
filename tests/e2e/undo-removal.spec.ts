import type { Page } from '@playwright/test';
import { CLEAN_PATH } from '../helpers/members';
import { apiCall } from './api';
import { expect, setUpTown, test, validIdNumber } from './fixtures';

/** A 入党积极分子 (steps 1–3 on record) arranged through the contract; the clicks under test follow. */
async function activist(page: Page, name = '马文明'): Promise<number> {
  const units = await apiCall<{ id: number; name: string }[]>(page, 'org.listUnits', {});
  const person = await apiCall<{ id: number }>(page, 'people.create', { name, idNumber: validIdNumber('1994-05-10', '135'), ethnicity: '03', unitId: units[0]!.id });
  const { id } = await apiCall<{ id: number }>(page, 'members.create', { personId: person.id, applicationDate: '2023-01-10' });
  for (const no of [2, 3]) await apiCall(page, 'members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no] });
  return id;
}

async function openRecord(page: Page, id: number) {
  await page.evaluate(`location.hash = '#/members?record=${id}'`);
  await expect(page.getByTestId('step-3')).toContainText('2023-03-01');
}

test('撤销流程节点后又重新记录，旧提示里的“恢复”不会覆盖新记录', async ({ app: page }) => {
  await setUpTown(page, '多巴镇');
  const id = await activist(page);
  await openRecord(page, id);

  await page.getByTestId('step-3').getByRole('button', { name: '撤销' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByTestId('step-3')).not.toContainText('2023-03-01');
  const restore = page.locator('.ant-message').getByRole('button', { name: '恢复' });
  await expect(restore).toBeVisible();
  // Meanwhile the step is recorded again with the right date (another window, or the form on this page).
  await apiCall(page, 'members.recordStep', { recordId: id, stepNo: 3, date: '2023-03-05' });
  await restore.click();
  await expect(page.getByText('在此之后已有新的修改，恢复会覆盖新的内容，已取消恢复')).toBeVisible();
  await expect(page.getByTestId('step-3')).toContainText('2023-03-05');
  await expect(page.getByTestId('step-3')).not.toContainText('2023-03-01');
});

test('删除有进行中发展档案的人员：提示档案所在阶段，确认后才删除，可撤销', async ({ app: page }) => {
  await setUpTown(page, '多巴镇');
  await activist(page);
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('row', { name: /马文明/ }).getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '马文明有进行中的发展档案，仍要删除该人员？' });
  await expect(confirm).toContainText('该人员有进行中的发展档案（第二阶段　入党积极分子的确定和培养教育，当前为入党积极分子）');
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('row', { name: /马文明/ })).toBeVisible();

  await page.getByRole('row', { name: /马文明/ }).getByRole('button', { name: '删除' }).click();
  await confirm.getByRole('button', { name: '仍然删除' }).click();
  await expect(page.getByRole('row', { name: /马文明/ })).toHaveCount(0);
  await page.locator('.ant-message').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('row', { name: /马文明/ })).toBeVisible();
});

test('误建的发展档案可以删除（不是终止培养），列表中消失，可撤销，也可在“已删除的档案”中恢复', async ({ app: page }) => {
  await setUpTown(page, '多巴镇');
  const id = await activist(page);
  await openRecord(page, id);

  await page.getByRole('button', { name: '删除档案' }).click();
  const confirm = page.getByRole('dialog', { name: '删除马文明的发展档案？' });
  await expect(confirm).toContainText('只用于建错了的档案');
  await expect(confirm).toContainText('请不要删除，而是在“延长/取消/终止”中办理“终止培养”');
  await confirm.getByRole('button', { name: '删除档案' }).click();
  await expect(page).toHaveURL(/#\/members$/);
  await expect(page.getByText('暂无发展档案')).toBeVisible();
  await page.locator('.ant-message').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByTestId('record-name')).toHaveText('马文明');

  await page.getByRole('button', { name: '删除档案' }).click();
  await page.getByRole('dialog', { name: '删除马文明的发展档案？' }).getByRole('button', { name: '删除档案' }).click();
  await expect(page.getByText('暂无发展档案')).toBeVisible();
  await page.getByRole('button', { name: '已删除的档案' }).click();
  const deleted = page.getByRole('dialog', { name: '已删除的发展档案' });
  await expect(deleted.getByRole('row', { name: /马文明/ })).toContainText('2023-01-10');
  await deleted.getByRole('row', { name: /马文明/ }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByTestId('record-name')).toHaveText('马文明');
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('row', { name: /马文明/ })).toBeVisible();
});
