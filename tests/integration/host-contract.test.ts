/** The contract methods the CLI and web mode now reach only through the host. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerHost } from '../../core/host';
import { tempDir } from '../helpers/ledger';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function freshHost() {
  const tmp = tempDir();
  const host = new LedgerHost({ dataDir: tmp.dir });
  cleanups.push(tmp.cleanup, () => host.close());
  return { host, dir: tmp.dir };
}

describe('app.generateDemo', () => {
  it('refuses on the real data, which stays untouched and not set up', async () => {
    const { host } = freshHost();
    await host.start();
    const result = await host.call('app.generateDemo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('正式数据') } });
    expect(await host.invoke('app.status', {})).toMatchObject({ state: 'setup', demo: false });
    expect(await host.invoke('dashboard.summary', {})).toMatchObject({ people: 0, units: 0 });
  });

  it('in the demo folder, reports the demo data set, made on first use', async () => {
    const { host, dir } = freshHost();
    await host.start();
    await host.invoke('app.openDemo', {});
    const result = await host.call('app.generateDemo', {});
    expect(result).toMatchObject({ ok: true, data: { dataDir: join(dir, 'demo'), units: expect.any(Number) } });
    const data = (result as { data: { people: number; units: number } }).data;
    expect(data.people).toBeGreaterThan(100);
    expect(await host.invoke('dashboard.summary', {})).toMatchObject({ people: data.people, units: data.units });
  });
});

describe('methods that need no data file', () => {
  it('answers the report catalogue before any data file is opened, and creates none', async () => {
    const { host, dir } = freshHost();
    const result = await host.call('reports.list', {});
    expect(result).toMatchObject({ ok: true, data: expect.arrayContaining([expect.objectContaining({ id: 'people-roster' })]) });
    expect(existsSync(join(dir, 'ledger.db'))).toBe(false);
    expect(await host.call('people.list', {})).toMatchObject({ ok: false, error: { code: 'DB_OPEN_FAILED' } });
  });
});
