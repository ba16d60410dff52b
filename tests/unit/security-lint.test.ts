/**
 * The security linter's wiring (scripts/security-lint.ts): it really finds a dangerous window (so a pass means
 * something), it runs offline, and the project itself has no HIGH or MEDIUM finding without a written reason.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExceptions, scan, unaddressed } from '../../scripts/security-lint';
import { tempDir } from '../helpers/ledger';

const tmp = tempDir('ledger-lint-');
afterAll(() => tmp.cleanup());

describe('scripts/security-lint.ts', () => {
  it('reports a window without isolation, sandbox or web security, and no navigation or permission limits, as HIGH/MEDIUM', async () => {
    mkdirSync(join(tmp.dir, 'electron'));
    writeFileSync(
      join(tmp.dir, 'electron', 'bad.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, webSecurity: false } });\n",
    );
    const { findings } = await scan(tmp.dir, ['electron']);
    const blocking = unaddressed(findings, {});
    const ids = new Set(blocking.map((f) => f.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) expect(ids, id).toContain(id);
  }, 120_000);

  it('passes on the project, every exception has a reason, and each is explained in docs/security.md', async () => {
    const { findings, errors } = await scan();
    const exceptions = loadExceptions();
    expect(errors).toEqual([]);
    expect(unaddressed(findings, exceptions)).toEqual([]);
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'security.md'), 'utf8');
    for (const [id, e] of Object.entries(exceptions)) {
      expect(e.reason.length, id).toBeGreaterThan(40);
      expect(doc, id).toContain(id);
    }
    // An exception that no longer matches a finding is stale and would hide a future one: none are.
    for (const [id, e] of Object.entries(exceptions)) for (const file of e.files) expect(findings.some((f) => f.id === id && f.file === file), `${id} ${file}`).toBe(true);
  }, 120_000);
});
