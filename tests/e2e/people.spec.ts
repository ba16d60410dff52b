import { discardChanges, expect, pickOption, setUpTown, test, validIdNumber } from './fixtures';

test('身份证号校验位错误：错误显示在身份证号栏，不保存任何数据', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });

  // The name field has focus on open, so the clerk can type straight away.
  await expect(drawer.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('马文明');
  await drawer.getByLabel('公民身份号码').fill('630122199001011235');
  await expect(drawer.getByText('身份证号校验位不正确，请核对是否录错')).toBeVisible();

  // Enter submits; the form refuses and the message stays at the field.
  await drawer.getByLabel('姓名').press('Enter');
  const idItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('公民身份号码') });
  await expect(idItem).toContainText('身份证号校验位不正确');
  await expect(drawer).toBeVisible();

  // The form holds what was typed, so closing it asks first.
  await page.keyboard.press('Escape');
  await discardChanges(page);
  await expect(drawer).toBeHidden();
  await expect(page.getByText('暂无人员')).toBeVisible();
  await page.reload();
  await expect(page.getByText('暂无人员')).toBeVisible();
  await expect(page.getByText('共 0 人')).toHaveCount(0);
});

test('服务端拒绝时，错误也落在对应栏目（例如重复的身份证号）', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  const id = validIdNumber('1988-03-15', '031');
  for (const name of ['王秀英', '王秀兰']) {
    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.getByRole('dialog', { name: '新增人员' });
    await drawer.getByLabel('姓名').fill(name);
    await drawer.getByLabel('公民身份号码').fill(id);
    await drawer.getByRole('button', { name: /保存/ }).click();
    if (name === '王秀英') await expect(drawer).toBeHidden();
  }
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  await expect(drawer.getByText('已登记为“王秀英”')).toBeVisible();
  await drawer.getByText('查看已登记人员').click();
  await expect(page.getByRole('dialog', { name: '修改人员：王秀英' })).toBeVisible();
});

test('有效身份证号：自动带出出生日期和性别，保存后列表显示脱敏号码，刷新后仍在', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });

  const id = validIdNumber('1990-01-01', '123');
  await drawer.getByLabel('姓名').fill('马文明');
  // Lowercase x, full-width digits and spaces are normalised on blur; this number has a digit check char.
  await drawer.getByLabel('公民身份号码').fill(` ${id.slice(0, 6)} ${id.slice(6)}`);
  await drawer.getByLabel('公民身份号码').blur();
  await expect(drawer.getByLabel('公民身份号码')).toHaveValue(id);
  await expect(drawer.getByLabel('出生日期')).toHaveValue('1990-01-01');
  await expect(drawer.locator('.ant-form-item').filter({ has: page.getByLabel('性别') })).toContainText('男');

  await pickOption(page, drawer.getByRole('combobox', { name: '民族' }), '回族');
  await pickOption(page, drawer.getByRole('combobox', { name: '所在村（社区）' }), '伊信苑社区', '伊信');
  await drawer.getByLabel('联系电话').fill('13897000001');
  await drawer.getByLabel('联系电话').press('Enter');
  await expect(drawer).toBeHidden();

  const masked = `${id.slice(0, 4)}**********${id.slice(-4)}`;
  const row = page.getByRole('row', { name: /马文明/ });
  await expect(row).toContainText(masked);
  await expect(row).toContainText('回族');
  await expect(row).toContainText('伊信苑社区');
  await expect(row).toContainText('1990-01-01');
  await expect(row).not.toContainText(id);

  await page.reload();
  await expect(page.getByRole('row', { name: /马文明/ })).toContainText(masked);
  await expect(page.getByText('共 1 人')).toBeVisible();
});

test('删除后可撤销，已删除中可恢复', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  await drawer.getByLabel('姓名').fill('祁玉兰');
  await drawer.getByLabel('公民身份号码').fill(validIdNumber('1975-06-30', '042'));
  await drawer.getByLabel('公民身份号码').press('Enter');
  await expect(drawer).toBeHidden();

  await page.getByRole('row', { name: /祁玉兰/ }).getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除人员：祁玉兰？' });
  await expect(confirm).toContainText('删除后可在“已删除”中恢复');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('row', { name: /祁玉兰/ })).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByRole('row', { name: /祁玉兰/ })).toBeVisible();

  await page.getByRole('row', { name: /祁玉兰/ }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog', { name: '删除人员：祁玉兰？' }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('switch', { name: '已删除' }).click();
  await page.getByRole('row', { name: /祁玉兰/ }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByRole('row', { name: /祁玉兰/ })).toHaveCount(0);
  await page.getByRole('switch', { name: '已删除' }).click();
  await expect(page.getByRole('row', { name: /祁玉兰/ })).toBeVisible();
});

test('先填的性别、出生日期与身份证号不符时，在栏目处提示但允许保存并在列表标出', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = page.getByRole('dialog', { name: '新增人员' });
  await drawer.getByLabel('姓名').fill('星卓玛');
  await pickOption(page, drawer.getByRole('combobox', { name: '性别' }), '男', '');
  await drawer.getByLabel('出生日期').fill('1990-02-01');
  await drawer.getByLabel('出生日期').press('Enter');
  // Sequence 124 is even: the number says 女, born 1990-01-01.
  await drawer.getByLabel('公民身份号码').fill(validIdNumber('1990-01-01', '124'));
  await expect(drawer.getByText('身份证号显示为 1990-01-01')).toBeVisible();
  await expect(drawer.getByText('身份证号显示为女性')).toBeVisible();
  await drawer.getByRole('button', { name: /保存/ }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('row', { name: /星卓玛/ })).toContainText('出生日期、性别与身份证号不符');
});

test('搜索框按姓名即时筛选', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await page.getByRole('menuitem', { name: '人员库' }).click();
  for (const [name, birth, seq] of [['马德福', '1980-05-05', '011'], ['韩玉芳', '1982-08-08', '022']] as const) {
    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.getByRole('dialog', { name: '新增人员' });
    await drawer.getByLabel('姓名').fill(name);
    await drawer.getByLabel('公民身份号码').fill(validIdNumber(birth, seq));
    await drawer.getByLabel('公民身份号码').press('Enter');
    await expect(drawer).toBeHidden();
  }
  await expect(page.getByText('共 2 人')).toBeVisible();
  await page.getByLabel('搜索人员').fill('韩玉');
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(page.getByRole('row', { name: /韩玉芳/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /马德福/ })).toHaveCount(0);
});
