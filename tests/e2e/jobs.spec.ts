/** The one progress bar for long work, on 规则设置: 重新校验全部档案 runs as a job and ends 已完成. */
import { expect, pickOption, test } from './fixtures';
import { shot } from './members-helpers';

test.use({ serverOptions: { demo: true } });

test('规则设置：点“重新校验全部档案”，进度条走到 100%，显示已完成和校验的档案数', async ({ app: page }) => {
  await page.getByRole('menuitem', { name: '合规检查' }).click();
  await page.getByRole('tab', { name: '规则设置' }).click();
  await expect(page.getByTestId('rule-version')).toContainText('第 1 版');
  await expect(page.getByTestId('job-progress')).toHaveCount(0);

  await page.getByRole('button', { name: '重新校验全部档案' }).click();
  const progress = page.getByTestId('job-progress');
  await expect(progress).toContainText('重新校验全部发展档案');
  await expect(progress.getByTestId('job-state')).toHaveText('已完成');
  await expect(progress.getByTestId('job-message')).toHaveText(/^已重新校验 \d+ 份发展档案$/);
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  // A finished job offers nothing to cancel; the toast repeats the outcome.
  await expect(progress.getByRole('button', { name: '取消' })).toHaveCount(0);
  await expect(page.getByText(/已重新校验 \d+ 份发展档案/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '重新校验全部档案' })).toBeEnabled();
  await shot(page, 'jobs-rejudge-done');
});

test('进度条上的“取消”要先确认：选“继续进行”不取消，“确定取消”后显示已取消', async ({ app: page }) => {
  // The demo township's files are judged in a blink, so the ledger's answers are held at mid-run here: the real job
  // starts, and its status reads 运行中 until the page has asked to cancel, then 已取消.
  let cancelAsked: { jobId?: string } | null = null;
  const held = (data: Record<string, unknown>) =>
    cancelAsked
      ? { ...data, state: '已取消', cancelRequested: true, message: '重新校验全部发展档案已取消，数据保持原样', result: undefined }
      : { ...data, state: '运行中', done: 20, total: 54, message: '正在校验发展档案：20 / 54', endedAt: null, result: undefined };
  await page.route('**/api/call/jobs.status', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; data: Record<string, unknown> };
    await route.fulfill({ response, json: { ...body, data: held(body.data) } });
  });
  await page.route('**/api/call/jobs.cancel', async (route) => {
    cancelAsked = route.request().postDataJSON() as { jobId?: string };
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; data: Record<string, unknown> };
    await route.fulfill({ response, json: { ...body, data: { ...held(body.data), state: '运行中', cancelRequested: true, message: '正在取消…' } } });
  });

  await page.getByRole('menuitem', { name: '合规检查' }).click();
  await page.getByRole('tab', { name: '规则设置' }).click();
  await pickOption(page, page.getByRole('combobox', { name: 'R02级别' }), '提醒', '');
  await expect(page.getByRole('button', { name: /保存（1 条）/ })).toBeEnabled();
  await page.getByRole('button', { name: '重新校验全部档案' }).click();
  const progress = page.getByTestId('job-progress');
  await expect(progress.getByTestId('job-message')).toHaveText('正在校验发展档案：20 / 54');
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '37');
  // While it runs, 保存 waits: the ledger would refuse the write anyway.
  await expect(page.getByRole('button', { name: /保存（1 条）/ })).toBeDisabled();

  await progress.getByRole('button', { name: '取消' }).click();
  const confirm = page.getByRole('tooltip');
  await expect(confirm).toContainText('取消“重新校验全部发展档案”？');
  await expect(confirm).toContainText('已做的部分不会保存，数据保持原样。');
  await shot(page, 'jobs-cancel-confirm');
  await confirm.getByRole('button', { name: '继续进行' }).click();
  await expect(progress.getByTestId('job-state')).toHaveText('运行中');
  expect(cancelAsked).toBeNull();

  await progress.getByRole('button', { name: '取消' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确定取消' }).click();
  await expect(progress.getByTestId('job-state')).toHaveText('已取消');
  await expect(progress.getByTestId('job-message')).toHaveText('重新校验全部发展档案已取消，数据保持原样');
  expect(cancelAsked).toMatchObject({ jobId: expect.any(String) });
  await expect(progress.getByRole('button', { name: '取消' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /保存（1 条）/ })).toBeEnabled();
});
