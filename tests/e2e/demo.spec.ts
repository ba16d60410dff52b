import { expect, test } from './fixtures';

test.describe('演示数据', () => {
  test.use({ serverOptions: { demo: true } });

  test('以 --demo 启动：显示演示数据横幅和已有的统计数，可返回正式数据', async ({ app: page }) => {
    await expect(page.getByText('演示数据 — 此处数据仅供体验，与正式数据完全分开')).toBeVisible();
    await expect(page.getByTestId('town-name')).toContainText('多巴镇');
    const people = Number((await page.getByTestId('stat-people').locator('.ant-statistic-content-value').innerText()).replace(/\D/g, ''));
    expect(people).toBeGreaterThan(100);
    await expect(page.getByTestId('stat-units')).toContainText('46');

    await page.getByTestId('stat-people').click();
    await expect(page.getByText(new RegExp(`共 ${people} 人`))).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(21);

    // The banner persists across pages, and 返回正式数据 leads to the (empty) real ledger's first run.
    await page.getByRole('menuitem', { name: '操作日志' }).click();
    await expect(page.getByText('演示数据 — 此处数据仅供体验，与正式数据完全分开')).toBeVisible();
    await page.getByRole('button', { name: '返回正式数据' }).click();
    await expect(page.getByRole('heading', { name: /首次设置/ })).toBeVisible();
    await expect(page.getByText('演示数据 — 此处数据仅供体验')).toHaveCount(0);
  });
});

test('首次设置页可以先看演示数据', async ({ app: page }) => {
  await page.getByRole('button', { name: '先看看演示数据' }).click();
  await expect(page.getByText('演示数据 — 此处数据仅供体验，与正式数据完全分开')).toBeVisible();
  await expect(page.getByTestId('stat-units')).toContainText('46');
});
