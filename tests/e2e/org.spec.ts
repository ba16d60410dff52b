import { expect, pickOption, setUpTown, test, visibleOption } from './fixtures';

test('组织设置：新增村后出现在列表和人员表单的村（社区）选项中', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('button', { name: '新增村（社区）' }).click();

  const dialog = page.getByRole('dialog', { name: '新增村（社区）' });
  await dialog.getByLabel('名称').fill('新添村');
  await dialog.getByLabel('统计代码').fill('630106101299');
  await dialog.getByLabel('名称').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /新添村/ })).toContainText('630106101299');

  // Still there after a reload, so it was saved, not just drawn.
  await page.reload();
  await expect(page.getByRole('row', { name: /新添村/ })).toBeVisible();

  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  await drawer.getByRole('combobox', { name: '所在村（社区）' }).fill('新添');
  await expect(visibleOption(page, '新添村')).toBeVisible();
});

test('组织设置：首次设置建立的党支部在本村下，可改名，也可再添加党组织', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  const firstRow = page.getByRole('row').nth(1);
  const unitName = (await firstRow.getByRole('cell').nth(2).innerText()).trim();
  // First-run setup created the village's 党支部, named by the town's pattern.
  await expect(firstRow.getByRole('cell').nth(6)).toHaveText('1');
  await firstRow.getByRole('button', { name: /展开/ }).click();
  await expect(page.getByRole('cell', { name: `中共康川街道${unitName}支部委员会`, exact: true })).toBeVisible();

  await page.getByRole('button', { name: '改名' }).click();
  await page.getByRole('textbox').and(page.locator(':focus')).fill(`中共康川街道${unitName}党支部`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('cell', { name: `中共康川街道${unitName}党支部`, exact: true })).toBeVisible();

  // The add box proposes the same pattern; a second organisation (e.g. a 党总支) is added beside it.
  await expect(page.getByLabel('新党组织名称')).toHaveValue(`中共康川街道${unitName}支部委员会`);
  await page.getByLabel('新党组织名称').fill(`中共康川街道${unitName}总支部委员会`);
  await page.getByRole('button', { name: '添加党组织' }).click();
  await expect(page.getByRole('cell', { name: `中共康川街道${unitName}总支部委员会`, exact: true })).toBeVisible();
  await expect(firstRow.getByRole('cell').nth(6)).toHaveText('2');
});

test('组织设置：合并村（社区）后原单位显示为已并入，可撤销空的村并恢复', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('row', { name: /锦绣苑社区/ }).getByRole('button', { name: '合并到…' }).click();
  const dialog = page.getByRole('dialog', { name: '合并：锦绣苑社区' });
  await pickOption(page, dialog.getByRole('combobox'), '伊信苑社区', '伊信');
  await dialog.getByRole('button', { name: '合并' }).click();
  await expect(page.getByText('确定把 锦绣苑社区 并入 伊信苑社区？')).toBeVisible();
  await page.getByRole('tooltip').getByRole('button', { name: '确定合并' }).click();
  await expect(page.getByText(/锦绣苑社区 已并入 伊信苑社区/)).toBeVisible();
  await expect(page.getByRole('row', { name: /锦绣苑社区/ })).toHaveCount(0);

  await page.getByRole('switch', { name: '显示已撤销' }).first().click();
  await expect(page.getByRole('row', { name: /锦绣苑社区/ })).toContainText('已并入伊信苑社区');

  await page.getByRole('row', { name: /海欣苑社区/ }).getByRole('button', { name: '撤销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('row', { name: /海欣苑社区/ })).toContainText('已撤销');
  await page.getByRole('row', { name: /海欣苑社区/ }).getByRole('button', { name: '恢复' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('row', { name: /海欣苑社区/ })).not.toContainText('已撤销');
});

test('单位设置：修改填报单位后页头随之更新', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('tab', { name: '单位设置' }).click();
  await page.getByLabel('填报单位').fill('中共西宁市湟中区康川街道工作委员会');
  await page.getByLabel('审核人').fill('张建军');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('单位设置已保存')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('中共西宁市湟中区康川街道工作委员会');
  await page.reload();
  await page.getByRole('tab', { name: '单位设置' }).click();
  await expect(page.getByLabel('审核人')).toHaveValue('张建军');
});
