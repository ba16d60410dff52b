/**
 * 操作日志 cannot be edited from the app: no contract method changes or removes its rows, no source file holds a
 * statement that would, and the data file itself refuses an UPDATE or DELETE (migration 0008) while the undo paths,
 * which only read the log and append to it, keep working.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methods } from '../../core/api/contract';
import { makeIdNumber, startHost } from '../helpers/ledger';

type Started = Awaited<ReturnType<typeof startHost>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });
}

describe('the audit log is append-only', () => {
  let ledger: Started;
  beforeAll(async () => {
    ledger = await startHost();
  });
  afterAll(() => ledger?.close());

  it('every audit.* contract method only reads', () => {
    const audit = methods.filter((m) => m.startsWith('audit.'));
    expect(audit.length).toBeGreaterThan(0);
    for (const m of audit) expect(contract[m].writes, m).toBe(false);
    expect(methods.filter((m) => /^audit\.(update|delete|remove|clear|edit|purge|set)/i.test(m))).toEqual([]);
  });

  it('no source file updates or deletes audit rows', () => {
    const files = ['core', 'server', 'cli', 'electron', 'db'].flatMap((d) => sourceFiles(d));
    const offending = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /\.(update|delete)\(\s*auditLog\b/.test(text) || /(UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?audit_log\b/i.test(text);
    });
    expect(offending).toEqual([]);
  });

  it('the data file refuses UPDATE and DELETE of audit rows, in Chinese', () => {
    const { sqlite } = ledger.host.context;
    const count = sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(count).toBeGreaterThan(0);
    expect(() => sqlite.prepare("UPDATE audit_log SET summary = '改过'").run()).toThrow('操作日志只能追加，不能修改。');
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow('操作日志只能追加，不能删除。');
    expect(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(count);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE summary = '改过'").pluck().get()).toBe(0);
  });

  it('delete and undo still work, and leave every earlier row as it was', async () => {
    const { sqlite } = ledger.host.context;
    const person = (await ledger.host.invoke('people.create', { name: '马晓东', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' })) as { id: number };
    const before = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all();
    const removed = (await ledger.host.invoke('people.remove', { id: person.id })) as { undoVersion: number };
    await ledger.host.invoke('people.restore', { id: person.id, since: removed.undoVersion });
    const after = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBe(before.length + 2);
  });
});
