/**
 * Crash safety: a child process commits the 10,000-row fixture and is killed with SIGKILL part way (once it prints
 * 正在写入, i.e. inside or just before the one write transaction). The database must pass integrity_check and hold
 * either none or all of that batch: the people count before or before + 10,000, with 0 or 1 import_batches rows.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerHost } from '../../core/host';
import { SETUP_INPUT, makeIdNumber, tempDir } from '../helpers/ledger';

const ROOT = resolve(__dirname, '..', '..');
const FILE = join(ROOT, 'tests', 'fixtures', 'import', '24-ten-thousand.xlsx');
const ROWS = 10_000;
const tmp = tempDir('ledger-import-kill-');
afterAll(() => tmp.cleanup());

/** Runs the child; kills it `delayMs` after it says 正在写入. Resolves with whether it had finished by then. */
function commitAndKill(dataDir: string, delayMs: number): Promise<{ finished: boolean; killed: boolean; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/import-commit-child.ts', dataDir, FILE], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const first = !stderr.includes('正在写入');
      stderr += d.toString();
      if (first && stderr.includes('正在写入')) {
        setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, delayMs);
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (!stderr.includes('正在写入')) return fail(new Error(`the child ended (${code ?? signal}) before writing: ${stderr}`));
      done({ finished: stdout.includes('"batchId"'), killed: killed && signal === 'SIGKILL', stderr });
    });
  });
}

describe('killing an import mid-commit', { timeout: 180_000 }, () => {
  for (const delayMs of [0, 150, 20_000]) {
    it(`leaves an intact database with none or all of the batch (killed ${delayMs} ms after 正在写入)`, async () => {
      const dataDir = join(tmp.dir, `kill-${delayMs}`);
      const host = new LedgerHost({ dataDir });
      await host.start();
      await host.invoke('org.setup', SETUP_INPUT);
      await host.invoke('people.create', { name: '李梅', idNumber: makeIdNumber('1988-07-15', '女', 2), ethnicity: '01' });
      await host.close();

      const run = await commitAndKill(dataDir, delayMs);
      const db = new Database(join(dataDir, 'ledger.db'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const count = db.prepare('SELECT count(*) FROM people').pluck().get() as number;
        const batches = db.prepare('SELECT count(*) FROM import_batches').pluck().get() as number;
        const items = db.prepare('SELECT count(*) FROM import_batch_items').pluck().get() as number;
        console.log(`killed ${delayMs} ms after 正在写入: ${run.killed ? 'SIGKILL landed' : 'child had exited'}; people ${count}, batches ${batches}`);
        expect([[1, 0, 0], [1 + ROWS, 1, ROWS]]).toContainEqual([count, batches, items]);
        if (run.finished) expect(count).toBe(1 + ROWS);
      } finally {
        db.close();
      }
      // The ledger opens the file again as usual.
      const again = new LedgerHost({ dataDir });
      await again.start();
      expect(((await again.invoke('people.list', {})) as { total: number }).total).toBeGreaterThanOrEqual(1);
      await again.close();
    });
  }
});
