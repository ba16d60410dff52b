/**
 * The built desktop main process (out/main, from `npm run build`) without an Electron binary: under plain Node, with
 * a stand-in for the `electron` module, it must evaluate every module it carries (the core, and the packages
 * scripts/main-bundle.ts bundles into it), and it must not ask node_modules for those packages at start.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { BUNDLED_DEPS } from '../../scripts/main-bundle';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'out', 'main');

test('the built main process loads all its modules, with zod, drizzle-orm and dayjs inside the bundle', () => {
  const out = execFileSync(
    process.execPath,
    ['--import', pathToFileURL(join(ROOT, 'tests/helpers/electron-stub/register.mjs')).href, '--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(MAIN, 'index.js')).href)}); console.log('loaded');`],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(out.trim()).toBe('loaded');

  const files = readdirSync(MAIN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const imported = new Set(files.flatMap((f) => [...readFileSync(join(MAIN, f), 'utf8').matchAll(/from "([^".][^"]*)"/g)].map((m) => m[1]!.split('/')[0]!)));
  expect(imported).toContain('better-sqlite3');
  for (const dep of BUNDLED_DEPS) expect(imported.has(dep), `${dep} is imported from node_modules`).toBe(false);
});
