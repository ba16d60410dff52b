import type { Locator, Page } from '@playwright/test';
import { CLEAN_PATH } from '../helpers/members';
import { apiCall } from './api';
import { expect, setUpTown, test, validIdNumber } from './fixtures';

const confirmDialog = (page: Page) => page.getByRole('dialog', { name: '放弃未保存的修改？' });

/** Esc on a dirty form asks; 继续填写 keeps what was typed; 放弃修改 closes. */
async function expectGuarded(page: Page, form: Locator, typed: Locator, kept: (typed: Locator) => Promise<void>) {
  await typed.focus();
  await page.keyboard.press('Escape');
  await expect(confirmDialog(page)).toBeVisible();
  await confirmDialog(page).getByRole('button', { name: '继续填写' }).click();
  // Let the confirmation finish closing, or it takes the next Esc for itself.
  await expect(confirmDialog(page)).toHaveCount(0);
  await expect(form).toBeVisible();
  await kept(typed);
  await typed.focus();
  await page.keyboard.press('Escape');
  await confirmDialog(page).getByRole('button', { name: '放弃修改' }).click();
  await expect(form).toBeHidden();
}

test('人员表单填了一半：关闭先询问，刷新或关闭窗口时浏览器也询问；没填过则直接关闭', async ({ app: page }) => {
  test.setTimeout(120_000);
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });

  await page.getByRole('button', { name: '新增人员' }).click();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(confirmDialog(page)).toHaveCount(0);

  await page.getByRole('button', { name: '新增人员' }).click();
  await drawer.getByLabel('姓名').fill('马文明');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  await expect(drawer.getByLabel('姓名')).toHaveValue('马文明');

  await expectGuarded(page, drawer, drawer.getByLabel('姓名'), (t) => expect(t).toHaveValue('马文明'));
  // Once closed, nothing guards the page any more.
  await page.reload();
  await expect(page.getByRole('button', { name: '新增人员' })).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);
});

test('新建档案、流程节点、修改基本信息表单填了一半关闭时都先询问', async ({ app: page }) => {
  test.setTimeout(180_000);
  await setUpTown(page, '多巴镇');
  const person = await apiCall<{ id: number }>(page, 'people.create', { name: '马文明', idNumber: validIdNumber('1994-05-10', '135'), ethnicity: '03' });
  const { id } = await apiCall<{ id: number }>(page, 'members.create', { personId: person.id, applicationDate: '2023-01-10' });
  await apiCall(page, 'members.recordStep', { recordId: id, stepNo: 2, ...CLEAN_PATH[2] });

  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.getByRole('button', { name: '新建档案' }).click();
  const create = page.getByRole('dialog', { name: '新建发展档案' });
  const league = create.getByRole('checkbox', { name: '共青团员' });
  await league.check();
  await expectGuarded(page, create, league, (t) => expect(t).toBeChecked());

  await page.evaluate(`location.hash = '#/members?record=${id}'`);
  await page.getByTestId('step-3').getByRole('button', { name: /^3 / }).click();
  const step = page.getByRole('dialog', { name: /流程节点：3 / });
  const note = step.getByLabel('备注');
  await note.fill('支委会讨论');
  await expectGuarded(page, step, note, (t) => expect(t).toHaveValue('支委会讨论'));

  await page.getByRole('button', { name: '修改基本信息' }).click();
  const edit = page.getByRole('dialog', { name: '修改基本信息：马文明' });
  const recordNote = edit.getByLabel('备注');
  await recordNote.fill('本人在外务工');
  await expectGuarded(page, edit, recordNote, (t) => expect(t).toHaveValue('本人在外务工'));
  // Opening it again starts clean: Esc closes straight away.
  await page.getByRole('button', { name: '修改基本信息' }).click();
  await expect(edit).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(confirmDialog(page)).toHaveCount(0);
});
