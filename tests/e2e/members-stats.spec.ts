/** What the 指标 page, 首页 and 单位设置 say about counting 发展党员 by 上级党委审批 and "多年不发展党员". */
import { expect, test } from './fixtures';

test.use({ serverOptions: { demo: true } });

test('指标页说明按上级党委审批日期统计；首页显示多年不发展党员；单位设置可改年限且限 1～10 年', async ({ app: page }) => {
  test.setTimeout(120_000);
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.getByRole('button', { name: /指标/ }).click();
  await expect(page.getByTestId('indicator-basis')).toContainText('按上级党委审批日期（节点17）统计');
  await expect(page.getByText('审批期间')).toBeVisible();

  await page.getByRole('menuitem', { name: '首页' }).click();
  // The demo's branches were all entered today: too new to be judged idle.
  await expect(page.getByTestId('home-dormant')).toContainText('没有连续 3 年以上未经上级党委审批发展党员的党支部');

  await page.getByRole('menuitem', { name: '组织设置' }).click();
  await page.getByRole('tab', { name: '单位设置' }).click();
  const years = page.getByLabel('提醒年限');
  await expect(years).toHaveValue('3');
  await years.fill('5');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('单位设置已保存')).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByTestId('home-dormant')).toContainText('没有连续 5 年以上');
});
