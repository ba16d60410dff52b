import { z } from 'zod';

/** Long enough for a passphrase, short enough that a pasted novel is refused before it reaches scrypt. */
const MAX_PASSWORD = 128;
const password = z.string().max(MAX_PASSWORD, `密码不能超过 ${MAX_PASSWORD} 个字符`);

export const IDLE_MINUTES_MAX = 240;
export const DEFAULT_IDLE_MINUTES = 10;

export const lockStatus = z.object({
  hasPassword: z.boolean(),
  /** Minutes without mouse or keyboard before the screen locks; 0 = never (only 锁定 / Ctrl+L lock it). */
  idleMinutes: z.number().int().min(0).max(IDLE_MINUTES_MAX),
});
export type LockStatus = z.infer<typeof lockStatus>;

export const setPasswordInput = z.object({
  /** Required once a password is set: changing it needs the old one. */
  oldPassword: password.nullish(),
  newPassword: password.min(4, '锁屏密码至少 4 个字符').refine((p) => p.trim().length > 0, '锁屏密码不能全是空格'),
});

export const clearPasswordInput = z.object({ oldPassword: password.min(1, '请输入原密码') });

export const unlockInput = z.object({ password });
export const unlockResult = z.object({
  unlocked: z.boolean(),
  /** Set after too many wrong passwords in a row: the next try is answered only after this many seconds. */
  waitSeconds: z.number().int().positive().optional(),
});

export const idleInput = z.object({
  idleMinutes: z.number().int('请填写整数分钟').min(0, '不能小于 0（0 表示不自动锁定）').max(IDLE_MINUTES_MAX, `不能超过 ${IDLE_MINUTES_MAX} 分钟`),
});
