import { expect, pickOption, test, visibleOption } from './fixtures';

test('首次设置：选择多巴镇后进入工作台，首页显示村（社区）数', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: /首次设置/ })).toBeVisible();

  await page.getByRole('combobox', { name: '乡镇（街道）' }).click();
  await expect(visibleOption(page, '多巴镇（46个村/社区）')).toBeVisible();
  await visibleOption(page, '多巴镇（46个村/社区）').click();
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 2 lists the seed villages, editable; drop one and rename another to prove edits are kept.
  await expect(page.getByText('已选 46 个村（社区）')).toBeVisible();
  const nameInputs = page.getByPlaceholder('村（社区）名称');
  const firstName = await nameInputs.first().inputValue();
  await page.getByRole('checkbox', { name: `纳入${firstName}` }).uncheck();
  await expect(page.getByText('已选 45 个村（社区）')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByLabel('填报单位')).toHaveValue('中共湟中区多巴镇委员会');
  await page.getByLabel('填报人').fill('李文华');
  await page.getByLabel('联系电话').fill('0971-2231234');
  await page.getByRole('button', { name: '完成' }).click();

  await expect(page.getByTestId('town-name')).toHaveText('湟中区多巴镇');
  await expect(page.getByRole('banner').getByText('中共湟中区多巴镇委员会')).toBeVisible();
  const units = page.getByTestId('stat-units');
  await expect(units).toContainText('45');
  // The unchecked first row was a 社区, so all 44 villages remain.
  await expect(page.getByTestId('stat-villages')).toContainText('44');
  await expect(page.getByTestId('stat-communities')).toContainText('1');
  await units.click();
  await expect(page).toHaveURL(/#\/org$/);
  await expect(page.getByRole('row', { name: new RegExp(firstName) })).toHaveCount(0);

  // Setup survives a reload: the wizard is not shown again.
  await page.reload();
  await expect(page.getByTestId('town-name')).toHaveText('湟中区多巴镇');
  await expect(page.getByRole('heading', { name: /首次设置/ })).toHaveCount(0);
});

test('首次设置向导可以只用回车键走完', async ({ app: page }) => {
  await page.getByRole('combobox', { name: '乡镇（街道）' }).fill('康川');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText('已选 3 个村（社区）')).toBeVisible();
  await page.keyboard.press('Enter');
  // 街道 is led by a 党工委, so its default 填报单位 reads 工作委员会.
  await expect(page.getByLabel('填报单位')).toHaveValue('中共湟中区康川街道工作委员会');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('town-name')).toHaveText('湟中区康川街道');
  await expect(page.getByTestId('stat-units')).toContainText('3');
});

test('首次设置：名单中没有的乡镇可以自定义，并手工添加村', async ({ app: page }) => {
  await page.getByRole('radio', { name: '自定义（名单中没有）' }).check();
  await expect(page.getByLabel('县（区）')).toHaveValue('湟中区');
  await page.getByLabel('乡镇（街道）', { exact: true }).fill('新城镇');
  await page.getByLabel('乡镇（街道）', { exact: true }).press('Enter');
  await expect(page.getByText('已选 0 个村（社区）')).toBeVisible();
  await page.getByRole('button', { name: '添加一行' }).click();
  await page.getByPlaceholder('村（社区）名称').fill('新城村');
  await expect(page.getByText('已选 1 个村（社区）')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByLabel('填报单位')).toHaveValue('中共湟中区新城镇委员会');
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('town-name')).toHaveText('湟中区新城镇');
  await expect(page.getByTestId('stat-villages')).toContainText('1');
});

test('首次设置同时建立党支部：按乡镇名称拟定、可改名、可取消，新建档案中即可选用', async ({ app: page }) => {
  await pickOption(page, page.getByRole('combobox', { name: '乡镇（街道）' }), '多巴镇');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('同时建立 46 个党支部')).toBeVisible();
  // Proposed from the town's pattern for villages and communities alike.
  await expect(page.getByRole('textbox', { name: '多巴一村党支部名称' })).toHaveValue('中共多巴镇多巴一村支部委员会');
  await expect(page.getByRole('textbox', { name: '多巴金城社区党支部名称' })).toHaveValue('中共多巴镇多巴金城社区支部委员会');
  await page.getByRole('textbox', { name: '多巴一村党支部名称' }).fill('中共多巴镇多巴一村党总支部委员会');
  await page.getByRole('checkbox', { name: '建立多巴二村党支部' }).uncheck();
  await expect(page.getByText('同时建立 45 个党支部')).toBeVisible();
  // Renaming a village renames its untouched proposal with it.
  await page.getByRole('textbox', { name: '多巴三村党支部名称' }).waitFor();
  const third = page.locator('tr').filter({ has: page.getByRole('textbox', { name: '多巴三村党支部名称' }) });
  await third.getByPlaceholder('村（社区）名称').fill('多巴新三村');
  await expect(page.getByRole('textbox', { name: '多巴新三村党支部名称' })).toHaveValue('中共多巴镇多巴新三村支部委员会');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('town-name')).toContainText('多巴镇');

  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.getByRole('button', { name: '新建档案' }).click();
  const create = page.getByRole('dialog', { name: '新建发展档案' });
  const branch = create.getByRole('combobox', { name: '党支部' });
  await branch.click();
  await branch.fill('多巴一村');
  await expect(visibleOption(page, '中共多巴镇多巴一村党总支部委员会')).toBeVisible();
  await branch.fill('多巴二村');
  await expect(visibleOption(page, '多巴二村')).toHaveCount(0);
  await branch.fill('多巴新三村');
  await expect(visibleOption(page, '中共多巴镇多巴新三村支部委员会')).toBeVisible();
  await expect(create.getByTestId('no-branches-hint')).toHaveCount(0);
});

test('没有党组织时，新建档案的党支部栏说明到哪里添加，并可直接前往', async ({ app: page }) => {
  await page.getByRole('radio', { name: '自定义（名单中没有）' }).check();
  await page.getByLabel('乡镇（街道）', { exact: true }).fill('新城镇');
  await page.getByLabel('乡镇（街道）', { exact: true }).press('Enter');
  await page.getByRole('button', { name: '添加一行' }).click();
  await page.getByPlaceholder('村（社区）名称').fill('新城村');
  await expect(page.getByRole('textbox', { name: '新城村党支部名称' })).toHaveValue('中共新城镇新城村支部委员会');
  await page.getByRole('checkbox', { name: '建立新城村党支部' }).uncheck();
  await expect(page.getByText('同时建立 0 个党支部')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成' }).click();
  await expect(page.getByTestId('town-name')).toContainText('新城镇');

  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.getByRole('button', { name: '新建档案' }).click();
  const create = page.getByRole('dialog', { name: '新建发展档案' });
  const hint = create.getByTestId('no-branches-hint');
  await expect(hint).toContainText('请到“组织设置”→“村（社区）”，展开本村（社区）后在“党组织”中添加');
  await hint.getByRole('link', { name: '去组织设置添加党组织' }).click();
  await expect(page).toHaveURL(/#\/org$/);
  await expect(create).toBeHidden();
  // 组织设置 proposes the same pattern for a branch added by hand.
  await page.getByRole('row', { name: /新城村/ }).getByRole('button', { name: /展开/ }).click();
  await expect(page.getByLabel('新党组织名称')).toHaveValue('中共新城镇新城村支部委员会');
});
