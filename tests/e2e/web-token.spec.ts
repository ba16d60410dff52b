/**
 * Web mode's token as a clerk meets it: the start URL works, the address bar no longer shows the token afterwards,
 * a reload (F5) keeps working, and the browser holds no cookie that another server on 127.0.0.1 would be sent.
 */
import { apiCall } from './api';
import { expect, setUpTown, test } from './fixtures';

test('the token leaves the address bar after the first load, and a reload still works', async ({ app, server }) => {
  const start = new URL(server.url);
  const token = start.searchParams.get('token')!;
  expect(token).toBeTruthy();
  await setUpTown(app);

  await expect.poll(() => app.url()).not.toContain('token=');
  expect(app.url()).not.toContain(token);
  expect(new URL(app.url()).origin).toBe(start.origin);

  await app.getByRole('menuitem', { name: '人员库' }).click();
  // The router writes the new address after the click: wait for it before taking it as the route to come back to.
  await expect.poll(() => new URL(app.url()).hash).toContain('people');
  const route = new URL(app.url()).hash;
  await app.reload();
  // Same page, same data, still no token in sight.
  await expect(app.getByTestId('town-name')).toContainText('多巴镇');
  expect(new URL(app.url()).hash).toBe(route);
  expect(app.url()).not.toContain(token);
  const units = await apiCall<unknown[]>(app, 'org.listUnits', {});
  expect(units.length).toBeGreaterThan(0);

  // No cookie at all: a cookie would be sent to every other server on 127.0.0.1, whatever its port.
  expect(await app.context().cookies()).toEqual([]);
});

test('the bare address without the token opens the page but no data, with a Chinese message', async ({ browser, server }) => {
  const fresh = await browser.newPage();
  const origin = new URL(server.url).origin;
  const res = await fresh.goto(`${origin}/`);
  expect(res?.status()).toBe(200);
  const answer = await fresh.evaluate(async () => {
    const r = await fetch('/api/call/org.listUnits', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return { status: r.status, body: (await r.json()) as { error: { message: string } } };
  });
  expect(answer.status).toBe(401);
  expect(answer.body.error.message).toContain('访问令牌无效');
  await expect(fresh.getByText('访问令牌无效', { exact: false }).first()).toBeVisible();
  await fresh.close();
});
