import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test.describe('数据文件损坏', () => {
  test.use({ serverOptions: { prepareDataDir: (dir) => writeFileSync(join(dir, 'ledger.db'), '这不是数据库文件'.repeat(200)) } });

  test('显示中文错误页、数据文件夹和重试按钮，而不是空白页', async ({ app: page, server }) => {
    await expect(page.getByText('台账数据无法打开')).toBeVisible();
    await expect(page.getByText(server.dataDir, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: '重试' }).click();
    await expect(page.getByText('台账数据无法打开')).toBeVisible();
  });
});
