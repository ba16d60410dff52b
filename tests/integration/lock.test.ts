/** The app lock's password: set, checked, changed and removed only with the old one; the log never holds the hash. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/audit/schemas';
import { LedgerError } from '../../core/errors';
import { startHost } from '../helpers/ledger';

type Started = Awaited<ReturnType<typeof startHost>>;

async function refusal(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('app lock', () => {
  let ledger: Started;
  let clock = new Date(2026, 10, 27, 9, 0);
  beforeAll(async () => {
    ledger = await startHost({ now: () => clock });
  });
  afterAll(() => ledger?.close());
  const call = (method: string, input: unknown) => ledger.host.invoke(method, input);

  it('starts with no password and a 10-minute idle lock', async () => {
    expect(await call('lock.status', {})).toEqual({ hasPassword: false, idleMinutes: 10 });
    // Nothing to guard: any answer unlocks.
    expect(await call('lock.unlock', { password: '' })).toEqual({ unlocked: true });
  });

  it('sets a password, stored only as a salted scrypt hash', async () => {
    expect(await call('lock.setPassword', { newPassword: '多巴2026' })).toEqual({ hasPassword: true, idleMinutes: 10 });
    const row = ledger.host.context.sqlite.prepare("SELECT value FROM settings WHERE key = 'app.lock'").pluck().get() as string;
    expect(row).not.toContain('多巴2026');
    expect(JSON.parse(row)).toMatchObject({ password: { algo: 'scrypt', N: 32768, r: 8, p: 1 } });
    expect(await call('lock.unlock', { password: '多巴2026' })).toEqual({ unlocked: true });
    expect(await call('lock.unlock', { password: '多巴2025' })).toEqual({ unlocked: false });
  });

  it('five wrong passwords in a row make the next try wait 30 seconds, even the right one', async () => {
    // A right answer starts the count afresh (the test before ended on a wrong one).
    expect(await call('lock.unlock', { password: '多巴2026' })).toEqual({ unlocked: true });
    for (let i = 1; i < 5; i++) expect(await call('lock.unlock', { password: `guess${i}` })).toEqual({ unlocked: false });
    expect(await call('lock.unlock', { password: 'guess5' })).toEqual({ unlocked: false, waitSeconds: 30 });
    expect(await call('lock.unlock', { password: '多巴2026' })).toMatchObject({ unlocked: false, waitSeconds: expect.any(Number) });
    clock = new Date(clock.getTime() + 31_000);
    expect(await call('lock.unlock', { password: '多巴2026' })).toEqual({ unlocked: true });
  });

  it('changing the password needs the old one', async () => {
    const missing = await refusal(call('lock.setPassword', { newPassword: 'new-pass' }));
    expect(missing.message).toBe('请输入原密码：修改锁屏密码需要原密码。');
    const wrong = await refusal(call('lock.setPassword', { oldPassword: 'nope', newPassword: 'new-pass' }));
    expect(wrong.message).toBe('原密码不正确，锁屏密码未修改。');
    expect(wrong.fields).toEqual({ oldPassword: '原密码不正确' });
    expect(await call('lock.unlock', { password: '多巴2026' })).toEqual({ unlocked: true });

    await call('lock.setPassword', { oldPassword: '多巴2026', newPassword: 'new-pass' });
    expect(await call('lock.unlock', { password: '多巴2026' })).toEqual({ unlocked: false });
    expect(await call('lock.unlock', { password: 'new-pass' })).toEqual({ unlocked: true });
  });

  it('refuses a too-short password with a Chinese message', async () => {
    const short = await refusal(call('lock.setPassword', { oldPassword: 'new-pass', newPassword: '12' }));
    expect(short.code).toBe('INVALID_INPUT');
    expect(short.message).toContain('锁屏密码至少 4 个字符');
  });

  it('sets the idle minutes (0 = never) and refuses out-of-range values', async () => {
    expect(await call('lock.setIdle', { idleMinutes: 0 })).toEqual({ hasPassword: true, idleMinutes: 0 });
    expect(await call('lock.setIdle', { idleMinutes: 30 })).toEqual({ hasPassword: true, idleMinutes: 30 });
    expect((await refusal(call('lock.setIdle', { idleMinutes: 241 }))).code).toBe('INVALID_INPUT');
    expect((await call('lock.status', {})) as object).toEqual({ hasPassword: true, idleMinutes: 30 });
  });

  it('removing the password needs the old one', async () => {
    expect((await refusal(call('lock.clear', { oldPassword: 'wrong' }))).message).toBe('原密码不正确，锁屏密码未删除。');
    expect(await call('lock.clear', { oldPassword: 'new-pass' })).toEqual({ hasPassword: false, idleMinutes: 30 });
  });

  it('the audit log says what happened to the password, never the hash', async () => {
    const { items } = (await call('audit.list', { entity: 'app_lock', page: 1, pageSize: 20, sortOrder: 'ascend' })) as { items: AuditEntry[] };
    expect(items.map((e) => `${e.action} ${e.summary}`)).toEqual([
      '设置 设置锁屏密码',
      '修改 修改锁屏密码',
      '修改 锁屏：不再因无操作自动锁定',
      '修改 锁屏：无操作 30 分钟后自动锁定',
      '删除 删除锁屏密码（不再锁定屏幕）',
    ]);
    const text = JSON.stringify(items);
    expect(text).not.toMatch(/scrypt|salt|hash"|多巴2026|new-pass/);
  });

  it('a forgotten password is cleared with `ledger lock-reset`, which the app cannot call', async () => {
    await call('lock.setPassword', { newPassword: 'forgotten' });
    const dir = ledger.dir;
    await ledger.host.close();
    const run = spawnSync(process.execPath, ['bin/ledger.mjs', 'lock-reset', '--data-dir', dir], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, hasPassword: false });
    await ledger.host.start();
    expect(await call('lock.status', {})).toMatchObject({ hasPassword: false });
    const { items } = (await call('audit.list', { entity: 'app_lock', page: 1, pageSize: 1 })) as { items: AuditEntry[] };
    expect(items[0]!.summary).toBe('在命令行清除锁屏密码（忘记密码时，由本机 Windows 账户操作）');
    expect(Object.keys((await import('../../core/api/contract')).contract).filter((m) => /reset/i.test(m) && m.startsWith('lock.'))).toEqual([]);
  });
});
