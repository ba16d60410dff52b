/** `ledger lock-reset`: clears a forgotten lock password. The Windows account guards the CLI, as it guards the file. */
import type { LedgerHost } from '../core/host';

export function lockResetCommand(host: LedgerHost, io: { out(text: string): void }): number {
  const status = host.resetLockPassword();
  io.out(JSON.stringify({ ok: true, message: status.hasPassword ? '锁屏密码未能清除。' : '锁屏密码已清除：打开台账不再需要锁屏密码，可在“组织设置 → 锁屏密码”重新设置。', ...status }, null, 2));
  return status.hasPassword ? 1 : 0;
}
