import { apiCall } from './api';
import { expect, setUpTown, test, validIdNumber } from './fixtures';

const NAMES = ['张伟', '阿依古丽', '马_兰', '马秀兰', '白玛'];

async function seedPeople(page: import('@playwright/test').Page) {
  for (const [i, name] of NAMES.entries()) {
    await apiCall(page, 'people.create', { name, idNumber: validIdNumber(`1985-03-1${i}`, `0${i}2`), ethnicity: '01' });
  }
}

const nameColumn = (page: import('@playwright/test').Page) => page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)');

test('人员库搜索把 % 和 _ 当作普通字符，搜索与页码保存在地址中，刷新后仍在', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await seedPeople(page);
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await expect(page.getByText(`共 ${NAMES.length} 人`)).toBeVisible();

  await page.getByLabel('搜索人员').fill('马_');
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(page.getByRole('row', { name: /马_兰/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /马秀兰/ })).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]q=%E9%A9%AC_/);

  await page.getByLabel('搜索人员').fill('%');
  await expect(page.getByText('没有符合条件的人员')).toBeVisible();

  // A reload (or coming back from another page) keeps the search box and its results.
  await page.getByLabel('搜索人员').fill('马');
  await expect(page.getByText('共 2 人')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('搜索人员')).toHaveValue('马');
  await expect(page.getByText('共 2 人')).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await page.goBack();
  await expect(page.getByLabel('搜索人员')).toHaveValue('马');
  await expect(page.getByText('共 2 人')).toBeVisible();
});

test('人员库按姓名排序用拼音顺序（与发展党员列表一致），排序和页码写在地址中', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await seedPeople(page);
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await expect(page.getByText(`共 ${NAMES.length} 人`)).toBeVisible();
  await page.getByRole('columnheader', { name: '姓名' }).click();
  await expect(page).toHaveURL(/sort=name&order=ascend/);
  await expect(nameColumn(page)).toHaveText(['阿依古丽', '白玛', '马_兰', '马秀兰', '张伟']);
  await page.getByRole('columnheader', { name: '姓名' }).click();
  await expect(nameColumn(page)).toHaveText(['张伟', '马秀兰', '马_兰', '白玛', '阿依古丽']);

  await page.getByRole('menuitem', { name: '首页' }).click();
  await page.evaluate("location.hash = '#/people?sort=name&order=ascend'");
  await expect(nameColumn(page).first()).toHaveText('阿依古丽');
});

test('从菜单打开人员库：直接显示人员，不先闪一下“暂无人员”或加载中', async ({ app: page }) => {
  await setUpTown(page, '康川街道');
  await seedPeople(page);
  await expect(page.getByTestId('home-reminders')).toBeVisible();
  // Everything the content area shows between the click and the rows (source text: the tests have no DOM types).
  await page.evaluate(`(() => {
    const seen = [];
    window.seenWhileOpening = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="page-loading"]')) seen.push('加载中');
      if (document.querySelector('.ant-table-placeholder')) seen.push('空表');
    }).observe(document.body, { subtree: true, childList: true });
  })()`);
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await expect(page.getByText(`共 ${NAMES.length} 人`)).toBeVisible();
  await expect(nameColumn(page)).toHaveCount(NAMES.length);
  expect(await page.evaluate('window.seenWhileOpening')).toEqual([]);
});
