/**
 * `npm run lint:security`: Doyensec's Electronegativity over the desktop shell (electron/), the renderer
 * (renderer/index.html and renderer/src) and package.json, failing on any HIGH or MEDIUM finding that is not listed
 * in scripts/security-lint.json with its reason (docs/security.md explains each one).
 *
 * The scan runs offline. Electronegativity would otherwise reach the internet twice: for translations of its
 * messages, and for Electron's release notes (AvailableSecurityFixesGlobalCheck, left out here). Both go through the
 * `got` package, which is replaced for it by one that fails at once, so the scan never waits on, or talks to, a
 * network. Electron's version is pinned in package.json and upgraded on purpose, not by this check.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** What is scanned, relative to the project root. */
export const SCANNED = ['electron', 'renderer/index.html', 'renderer/src', 'package.json'];
const BLOCKING = ['HIGH', 'MEDIUM'];

export interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
}

interface RawIssue {
  id: string;
  file: string;
  location?: { line: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview?: boolean;
}

type Loader = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
const offline = Object.assign(() => Promise.reject(new Error('offline: the security lint makes no network requests')), {
  head: () => Promise.reject(new Error('offline')),
  get: () => Promise.reject(new Error('offline')),
});
const mod = Module as unknown as { _load: Loader };
const load = mod._load;
mod._load = function (this: unknown, request, parent, isMain) {
  if (request === 'got' && parent?.filename?.includes(`${sep}@doyensec${sep}electronegativity${sep}`)) return offline;
  return load.call(this, request, parent, isMain);
};

/** Runs the scan over `parts` of `root` (the project by default); paths in the findings are relative to root. */
export async function scan(root = ROOT, parts = SCANNED): Promise<{ findings: Finding[]; errors: string[]; checks: number }> {
  const stage = mkdtempSync(join(tmpdir(), 'ledger-security-lint-'));
  try {
    for (const part of parts) cpSync(join(root, part), join(stage, part), { recursive: true });
    const loaded = require('@doyensec/electronegativity') as { default?: unknown };
    const run = (loaded.default ?? loaded) as (options: object) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string; tolerable: boolean }[]; atomicChecks: number; globalChecks: number }>;
    const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    // The console is muted while it runs: the scanner prints progress and an "offline" notice for its translations.
    const log = console.log;
    console.log = () => undefined;
    let result: Awaited<ReturnType<typeof run>>;
    try {
      result = await run({ input: stage, isRelative: false, excludeFromScan: ['availablesecurityfixesglobalcheck'], electronVersionOverride: electronVersion, parserPlugins: [] });
    } finally {
      console.log = log;
    }
    const findings = result.issues.map((i) => ({
      id: i.id,
      file: relative(stage, i.file).split(sep).join('/'),
      line: i.location?.line ?? 0,
      severity: i.severity.name,
      confidence: i.confidence.name,
      manualReview: !!i.manualReview,
    }));
    const errors = result.errors.filter((e) => !e.tolerable).map((e) => `${relative(stage, e.file)}：${e.message}`);
    return { findings, errors, checks: result.atomicChecks + result.globalChecks };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export type Exceptions = Record<string, { files: string[]; reason: string }>;

/** scripts/security-lint.json: a finding is excused only by its check id and file, each with a written reason. */
export function loadExceptions(): Exceptions {
  return (JSON.parse(readFileSync(join(ROOT, 'scripts', 'security-lint.json'), 'utf8')) as { exceptions: Exceptions }).exceptions;
}

export function unaddressed(findings: Finding[], exceptions: Exceptions): Finding[] {
  return findings.filter((f) => BLOCKING.includes(f.severity) && !(exceptions[f.id]?.files ?? []).includes(f.file));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { findings, errors, checks } = await scan();
  const open = unaddressed(findings, loadExceptions());
  for (const e of errors) console.error(`无法分析 ${e}`);
  for (const f of findings) {
    const mark = open.includes(f) ? '未处理' : BLOCKING.includes(f.severity) ? '已说明' : '提示';
    console.log(`[${mark}] ${f.severity}/${f.confidence} ${f.id} ${f.file}:${f.line}`);
  }
  if (open.length > 0 || errors.length > 0) {
    console.error(
      `安全检查未通过：${open.length} 个高/中风险问题未处理${errors.length ? `，${errors.length} 个文件无法分析` : ''}。` +
        '请修复，或在 scripts/security-lint.json 与 docs/security.md 中写明理由。',
    );
    process.exit(1);
  }
  console.log(`安全检查通过：${checks} 项检查，${findings.length} 条结果，高/中风险均已修复或写明理由。`);
}
