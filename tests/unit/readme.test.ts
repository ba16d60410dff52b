/**
 * The README is what a district IT person follows on a fresh PC: the Node version it names must be the one
 * package.json enforces and the build tools accept, and the `ledger check` output it shows must be the real shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finding } from '../../core/members/schemas';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = (name: string) => JSON.parse(readFileSync(join(root, name === '.' ? 'package.json' : `node_modules/${name}/package.json`), 'utf8')) as { engines?: { node?: string } };

/** "20.19" out of ">=20.19" or "^20.19.0 || >=22.12.0" (the Node 20 branch). */
function node20Minimum(range: string): number[] {
  const m = /(?:>=|\^)\s*20\.(\d+)/.exec(range);
  if (!m) throw new Error(`no Node 20 branch in ${range}`);
  return [20, Number(m[1])];
}

describe('README', () => {
  it('names the Node version package.json enforces, which vite and electron-vite accept', () => {
    const engines = pkg('.').engines?.node ?? '';
    const [major, minor] = node20Minimum(engines);
    expect(readme).toContain(`Node.js **${major}.${minor} 或更高**`);
    expect(readme).toContain(`\`${engines}\``);
    for (const tool of ['vite', 'electron-vite']) {
      const [, toolMinor] = node20Minimum(pkg(tool).engines?.node ?? '');
      expect(minor, `${tool} needs Node 20.${toolMinor}`).toBeGreaterThanOrEqual(toolMinor!);
    }
  });

  it('shows `ledger check` findings with exactly the fields the command prints', () => {
    const section = readme.slice(readme.indexOf('`ledger check` 把全部问题'));
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const parsed = finding.strict().parse(JSON.parse(example!));
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(finding.shape).sort());
  });
});
