/**
 * The app lock: an optional password that guards the screen (after idle minutes, or on 锁定 / Ctrl+L). It guards
 * the UI only; the data file and the `ledger` CLI are protected by the Windows account (docs/security.md).
 * Stored as one JSON setting; the audit log records that the password was set, changed or removed, never the hash.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { settings } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { readJsonSetting } from '../org/json-setting';
import { hashPassword, storedHash, verifyPassword, type StoredHash } from './password';
import { DEFAULT_IDLE_MINUTES, IDLE_MINUTES_MAX, type LockStatus } from './schemas';

export const LOCK_SETTING = 'app.lock';

const lockConfig = z.object({
  password: storedHash.nullable(),
  idleMinutes: z.number().int().min(0).max(IDLE_MINUTES_MAX),
});
type LockConfig = z.infer<typeof lockConfig>;

const DEFAULTS: LockConfig = { password: null, idleMinutes: DEFAULT_IDLE_MINUTES };

function readConfig(ctx: LedgerContext): LockConfig {
  return readJsonSetting(ctx, LOCK_SETTING, lockConfig, DEFAULTS, (stored) => ({ ...DEFAULTS, ...stored }));
}

function statusOf(config: LockConfig): LockStatus {
  return { hasPassword: config.password !== null, idleMinutes: config.idleMinutes };
}

export function lockStatus(ctx: LedgerContext): LockStatus {
  return statusOf(readConfig(ctx));
}

function save(ctx: LedgerContext, next: LockConfig, action: string, summary: string): LockStatus {
  return inTransaction(ctx, () => {
    const before = statusOf(readConfig(ctx));
    const value = JSON.stringify(next);
    ctx.db.insert(settings).values({ key: LOCK_SETTING, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    const after = statusOf(next);
    recordAudit(ctx, { entity: 'app_lock', action, summary, before, after });
    return after;
  });
}

async function assertOldPassword(stored: StoredHash, oldPassword: string | null | undefined, what: string): Promise<void> {
  if (!oldPassword) {
    throw new LedgerError('INVALID_INPUT', `请输入原密码：${what}锁屏密码需要原密码。`, { fields: { oldPassword: '请输入原密码' } });
  }
  if (!(await verifyPassword(oldPassword, stored))) {
    throw new LedgerError('INVALID_INPUT', `原密码不正确，锁屏密码未${what}。`, { fields: { oldPassword: '原密码不正确' }, hint: '请重新输入原密码；忘记密码时请联系技术人员。' });
  }
}

export async function setLockPassword(ctx: LedgerContext, input: { oldPassword?: string | null; newPassword: string }): Promise<LockStatus> {
  const current = readConfig(ctx);
  if (current.password) await assertOldPassword(current.password, input.oldPassword, '修改');
  const password = await hashPassword(input.newPassword);
  // Re-read after the slow hash: the idle setting may have been changed meanwhile by another window.
  const latest = readConfig(ctx);
  return save(ctx, { ...latest, password }, current.password ? '修改' : '设置', current.password ? '修改锁屏密码' : '设置锁屏密码');
}

export async function clearLockPassword(ctx: LedgerContext, input: { oldPassword: string }): Promise<LockStatus> {
  const current = readConfig(ctx);
  if (!current.password) return statusOf(current);
  await assertOldPassword(current.password, input.oldPassword, '删除');
  return save(ctx, { ...readConfig(ctx), password: null }, '删除', '删除锁屏密码（不再锁定屏幕）');
}

export function setIdleMinutes(ctx: LedgerContext, idleMinutes: number): LockStatus {
  const current = readConfig(ctx);
  if (current.idleMinutes === idleMinutes) return statusOf(current);
  const summary = idleMinutes === 0 ? '锁屏：不再因无操作自动锁定' : `锁屏：无操作 ${idleMinutes} 分钟后自动锁定`;
  return save(ctx, { ...current, idleMinutes }, '修改', summary);
}

/** After this many wrong passwords in a row, the lock screen makes the next try wait. */
export const MAX_TRIES = 5;
export const WAIT_SECONDS = 30;
/** Per open file, in memory: a reload of the page does not reset it, a restart of the program does. */
const failures = new WeakMap<object, { count: number; until: number }>();

/**
 * A wrong password is an answer, not an error: the lock screen says so and waits for the next try. Five wrong
 * answers in a row make the next one wait 30 seconds, so guessing at the locked screen is slow.
 */
export async function unlock(ctx: LedgerContext, password: string): Promise<{ unlocked: boolean; waitSeconds?: number }> {
  const stored = readConfig(ctx).password;
  if (!stored) return { unlocked: true };
  const now = ctx.now().getTime();
  const tries = failures.get(ctx.sqlite) ?? { count: 0, until: 0 };
  if (tries.until > now) return { unlocked: false, waitSeconds: Math.ceil((tries.until - now) / 1000) };
  if (await verifyPassword(password, stored)) {
    failures.delete(ctx.sqlite);
    return { unlocked: true };
  }
  const count = tries.count + 1;
  if (count >= MAX_TRIES) {
    failures.set(ctx.sqlite, { count: 0, until: now + WAIT_SECONDS * 1000 });
    return { unlocked: false, waitSeconds: WAIT_SECONDS };
  }
  failures.set(ctx.sqlite, { count, until: 0 });
  return { unlocked: false };
}

/**
 * For a forgotten password: `ledger lock-reset`, run by someone logged in to this PC's Windows account, who can read
 * the data file anyway. Not in the contract, so neither the window nor web mode can call it.
 */
export function resetLockPassword(ctx: LedgerContext): LockStatus {
  const current = readConfig(ctx);
  if (!current.password) return statusOf(current);
  return save(ctx, { ...current, password: null }, '删除', '在命令行清除锁屏密码（忘记密码时，由本机 Windows 账户操作）');
}
