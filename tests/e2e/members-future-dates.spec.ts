/**
 * What has not happened cannot be recorded: the 考察/思想汇报 and 函调 forms refuse a date after the ledger's today
 * as it is typed, with the same words the service would use, and nothing is added.
 */
import { expect, setUpTown, test, validIdNumber } from './fixtures';
import { fillDate, newFile } from './members-helpers';

test.use({ serverOptions: { today: '2025-06-15' } });

test('考察和函调的日期晚于今天时当场提示，不添加记录', async ({ app: page }) => {
  await setUpTown(page, '多巴镇');
  await newFile(page, { name: '祁未来', idNumber: validIdNumber('1995-04-12', '317'), search: '祁未', applied: '2024-03-01' });

  // Refused in the form itself: the request never leaves the page.
  const sent: string[] = [];
  page.on('request', (r) => {
    const method = /\/api\/call\/([\w.]+)/.exec(r.url())?.[1];
    if (method) sent.push(method);
  });
  await page.getByRole('tab', { name: /考察与思想汇报/ }).click();
  const periodic = page.getByTestId('periodic-panel');
  await fillDate(periodic, '考察或思想汇报日期', '2025-07-01');
  await periodic.getByRole('button', { name: '添加' }).click();
  await expect(periodic.getByText('考察日期（2025-07-01）晚于今天（2025-06-15），尚未发生的事项不能记录')).toBeVisible();
  await expect(periodic.getByRole('button', { name: /附件 2025-07-01/ })).toHaveCount(0);

  await page.getByRole('tab', { name: /政治审查/ }).click();
  const letters = page.getByRole('form', { name: '添加函调' });
  await fillDate(letters, '函调日期', '2025-06-20');
  await letters.getByLabel('函调单位').fill('某县公安局');
  await letters.getByRole('button', { name: /添加/ }).click();
  await expect(page.getByText('函调日期（2025-06-20）晚于今天（2025-06-15），尚未发生的事项不能记录')).toBeVisible();
  await expect(page.getByText('某县公安局')).toHaveCount(0);
  expect(sent.filter((m) => m === 'members.addPeriodic' || m === 'members.addLetter')).toEqual([]);
});
