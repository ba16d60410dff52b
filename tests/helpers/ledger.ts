import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerHost } from '../../core/host';
import { idCheckChar } from '../../core/people/idcard';

export function tempDir(prefix = 'ledger-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A valid 公民身份号码 for tests: 湟中's old address code, the given birth date and gender parity. */
export function makeIdNumber(birth: string, gender: '男' | '女' = '男', seq = 1): string {
  const sequence = (seq * 2 + (gender === '男' ? 1 : 0)) % 1000;
  const first17 = `630122${birth.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export const SETUP_INPUT = {
  countyName: '湟中区',
  townName: '多巴镇',
  unitName: '中共湟中区多巴镇委员会',
  units: [
    { name: '多巴一村', kind: '村' as const },
    { name: '多巴二村', kind: '村' as const },
    { name: '多巴金城社区', kind: '社区' as const },
  ],
  fillerName: '张明',
  reviewerName: '李红梅',
  phone: '0971-2231234',
};

/** A started host in its own temp folder, already set up as 多巴镇 unless told otherwise. */
export async function startHost(opts: { setUp?: boolean; now?: () => Date } = {}) {
  const tmp = tempDir();
  const host = new LedgerHost({ dataDir: tmp.dir, now: opts.now });
  await host.start();
  if (opts.setUp !== false) await host.invoke('org.setup', SETUP_INPUT);
  return {
    host,
    dir: tmp.dir,
    close: async () => {
      await host.close();
      tmp.cleanup();
    },
  };
}

/** `count` plain people straight into the table (numbered from `from`), for tests that need volume, not realism. */
export function addPeople(host: LedgerHost, from: number, count: number): void {
  host.context.sqlite
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO people (name, gender, ethnicity, birth_date, id_number, sort_key) SELECT '测试' || i, '男', '01', '1990-01-01', 'T' || printf('%017d', i), 'ce shi ' || i FROM n`,
    )
    .run(from, from + count - 1);
}
