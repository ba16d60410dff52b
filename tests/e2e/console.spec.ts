import type { Page } from '@playwright/test';
import { expect, setUpTown, test } from './fixtures';

/** Collects what a clerk's browser console would show: errors and every CSP violation, from the first byte on. */
async function watchConsole(page: Page): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // A violation the page swallows still fires this event; listen before any script of the page runs.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  return { errors };
}

test('打开程序时浏览器控制台没有 CSP 违规或其他错误（首次设置与工作台）', async ({ page, server }) => {
  const watched = await watchConsole(page);
  await page.goto(server.url);
  await setUpTown(page, '康川街道');
  // Pages that parse inputs with zod: 人员库 and 发展党员.
  await page.getByRole('menuitem', { name: '人员库' }).click();
  await expect(page.getByRole('button', { name: '新增人员' })).toBeVisible();
  await page.getByRole('menuitem', { name: '发展党员' }).click();
  await page.reload();
  await expect(page.getByTestId('town-name')).toContainText('康川街道');
  expect(watched.errors.filter((e) => /Content Security Policy|CSP violation|unsafe-eval/i.test(e))).toEqual([]);
  expect(watched.errors).toEqual([]);
});
