/**
 * The layers of docs/architecture.md, checked on the real import graph: lib/ at the bottom, then db/, then core/,
 * with core/api/ (the contract) on top of core and the transports reaching core only through it.
 */
import { describe, expect, it } from 'vitest';
import { describeEdges, importsOf, into, sourceFiles } from '../helpers/imports';

const OURS = ['lib/', 'db/', 'core/', 'cli/', 'server/', 'electron/', 'renderer/', 'bin/', 'scripts/', 'tests/'];

function ownImports(folder: string) {
  return into(importsOf(sourceFiles(folder)), OURS);
}

function outside(folder: string, allowed: string[]) {
  return describeEdges(ownImports(folder).filter((e) => !allowed.some((a) => (a.endsWith('/') ? e.to.startsWith(a) : e.to === a))));
}

describe('layering', () => {
  it('lib/ imports nothing of ours', () => {
    expect(outside('lib', ['lib/'])).toEqual([]);
  });

  it('db/ stays below core/: it imports only itself and lib/', () => {
    expect(outside('db', ['db/', 'lib/'])).toEqual([]);
  });

  it('core/ never reaches up into a transport, the shell or the renderer', () => {
    expect(outside('core', ['core/', 'db/', 'lib/'])).toEqual([]);
  });

  it('core/api/ (the contract) is imported only by the host, the transports and the renderer, never by a module', () => {
    const importers = into(importsOf(sourceFiles('core')), ['core/api/']).filter((e) => !e.from.startsWith('core/api/') && e.from !== 'core/host.ts');
    expect(describeEdges(importers)).toEqual([]);
  });

  it('core/schema/ (the shared zod helpers) sits below the module schemas and the contract', () => {
    expect(outside('core/schema', ['core/schema/', 'core/errors.ts', 'lib/'])).toEqual([]);
  });
});

describe('transports reach core only through the host and the contract', () => {
  // Startup plumbing (argument parsing, the default data folder) is not a service: entry points may use it.
  const allowed = ['core/host.ts', 'core/api/contract.ts', 'core/api/result.ts', 'core/errors.ts', 'core/args.ts', 'core/paths.ts', 'lib/errors.ts', 'lib/atomic-write.ts'];

  for (const transport of ['cli', 'server']) {
    it(`${transport}/ imports no core service module`, () => {
      const own = ownImports(transport).filter((e) => !e.to.startsWith(`${transport}/`));
      expect(own.length).toBeGreaterThan(0);
      expect(outside(transport, [`${transport}/`, ...allowed])).toEqual([]);
    });
  }
});
