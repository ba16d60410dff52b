/** The project's own import graph, read with TypeScript's pre-processor, for the layering tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '..', '..');

export interface ImportEdge {
  /** Repository-relative path of the importing file, with forward slashes. */
  from: string;
  /** Repository-relative path of the imported file, or the bare package name. */
  to: string;
}

const SOURCE = /\.(ts|tsx|mts)$/;

export function sourceFiles(folder: string): string[] {
  const abs = join(ROOT, folder);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [folder];
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.split(sep).includes('node_modules'))
    .map((f) => posix(join(folder, f)));
}

/** Every import, export-from and dynamic import() of the given files, relative ones resolved to a file path. */
export function importsOf(files: string[]): ImportEdge[] {
  return files.flatMap((from) => {
    const text = readFileSync(join(ROOT, from), 'utf8');
    return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => ({ from, to: resolveSpecifier(from, fileName) }));
  });
}

function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = join(dirname(join(ROOT, from)), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
  return posix(relative(ROOT, found));
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

/** Edges whose target is inside one of the folders (a trailing slash) or is one of the files. */
export function into(edges: ImportEdge[], targets: string[]): ImportEdge[] {
  return edges.filter((e) => targets.some((t) => (t.endsWith('/') ? e.to.startsWith(t) : e.to === t)));
}

export function describeEdges(edges: ImportEdge[]): string[] {
  return edges.map((e) => `${e.from} → ${e.to}`);
}
