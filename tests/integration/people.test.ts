import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../core/errors';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost } from '../helpers/ledger';

let host: LedgerHost;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ host, close } = await startHost());
});
afterEach(() => close());

const person = (over: Record<string, unknown> = {}) => ({
  name: '马秀兰',
  idNumber: makeIdNumber('1990-05-12', '女'),
  ethnicity: '03',
  education: '31',
  occupation: '农牧渔民',
  ...over,
});

async function list(input: Record<string, unknown> = {}) {
  return (await host.invoke('people.list', input)) as { total: number; items: Record<string, unknown>[] };
}

async function rejection(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('expected the call to be refused');
}

describe('people register', () => {
  it('derives birth date and gender from the ID number and normalises what the clerk typed', async () => {
    const id = makeIdNumber('1985-02-28', '男').replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const saved = (await host.invoke('people.create', person({ idNumber: ` ${id} ` }))) as Record<string, unknown>;
    expect(saved).toMatchObject({ birthDate: '1985-02-28', gender: '男', idNumber: makeIdNumber('1985-02-28', '男'), idMismatch: [] });
  });

  it('refuses an invalid ID number at its field and saves nothing', async () => {
    const err = await rejection(host.invoke('people.create', person({ idNumber: '630122199001011235' })));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.fields?.idNumber).toContain('校验位');
    expect((await list()).total).toBe(0);
  });

  it('refuses a duplicate ID number and points at the existing person, even a deleted one', async () => {
    const first = (await host.invoke('people.create', person())) as { id: number };
    const dup = await rejection(host.invoke('people.create', person({ name: '马秀兰2' })));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.details).toMatchObject({ existingPersonId: first.id, deleted: false });
    await host.invoke('people.remove', { id: first.id });
    const again = await rejection(host.invoke('people.create', person({ name: '另一人' })));
    expect(again.fields?.idNumber).toContain('已删除');
  });

  it('searches for % and _ literally, not as wildcards', async () => {
    const names = ['马秀兰', '马_兰', '百分之100%'];
    for (const [i, name] of names.entries()) await host.invoke('people.create', person({ name, idNumber: makeIdNumber(`1990-05-1${i}`, '女') }));
    const found = async (q: string) => (await list({ q })).items.map((p) => p.name);
    expect(await found('_')).toEqual(['马_兰']);
    expect(await found('马_兰')).toEqual(['马_兰']);
    expect(await found('%')).toEqual(['百分之100%']);
    expect(await found('\\')).toEqual([]);
  });

  it('操作日志 search treats % and _ literally too', async () => {
    const names = ['马秀兰', '马_兰'];
    for (const [i, name] of names.entries()) await host.invoke('people.create', person({ name, idNumber: makeIdNumber(`1990-06-1${i}`, '女') }));
    const log = (await host.invoke('audit.list', { entity: 'person', q: '马_' })) as { items: { summary: string }[] };
    expect(log.items.map((e) => e.summary).join('|')).toContain('马_兰');
    expect(log.items.map((e) => e.summary).join('|')).not.toContain('马秀兰');
  });

  it('sorts names by pinyin, as the 发展党员 list does, across pages', async () => {
    const names = ['张伟', '阿依古丽', '马秀兰', '白玛', '祁永福'];
    for (const [i, name] of names.entries()) await host.invoke('people.create', person({ name, idNumber: makeIdNumber(`1980-01-0${i + 1}`, '女') }));
    const page = async (n: number, sortOrder: string) => (await list({ sortField: 'name', sortOrder, page: n, pageSize: 2 })).items.map((p) => p.name);
    expect([...(await page(1, 'ascend')), ...(await page(2, 'ascend')), ...(await page(3, 'ascend'))]).toEqual(['阿依古丽', '白玛', '马秀兰', '祁永福', '张伟']);
    expect(await page(1, 'descend')).toEqual(['张伟', '祁永福']);
    expect((await list({ sortField: 'name', sortOrder: 'ascend', page: 1, pageSize: 2 })).total).toBe(5);
  });

  it('flags a birth date or gender that disagrees with the number without refusing it', async () => {
    const saved = (await host.invoke('people.create', person({ birthDate: '1990-05-13', gender: '男' }))) as { idMismatch: string[] };
    expect(saved.idMismatch.sort()).toEqual(['birthDate', 'gender']);
  });

  it('masks the number in lists and searches by name, ID fragment and unit', async () => {
    const units = (await host.invoke('org.listUnits', {})) as { id: number; name: string }[];
    await host.invoke('people.create', person({ unitId: units[0]!.id }));
    await host.invoke('people.create', person({ name: '祁永福', idNumber: makeIdNumber('1970-01-01', '男'), unitId: units[1]!.id }));
    const all = await list();
    expect(all.total).toBe(2);
    expect(all.items[0]).not.toHaveProperty('idNumber');
    expect(String(all.items[0]!.idNumberMasked)).toMatch(/^6301\*{10}.{4}$/);
    expect((await list({ q: '永福' })).items.map((p) => p.name)).toEqual(['祁永福']);
    expect((await list({ q: '19700101' })).items.map((p) => p.name)).toEqual(['祁永福']);
    expect((await list({ unitId: units[0]!.id })).items.map((p) => p.name)).toEqual(['马秀兰']);
    expect((await list({ sortField: 'birthDate', sortOrder: 'ascend' })).items.map((p) => p.name)).toEqual(['祁永福', '马秀兰']);
  });

  it('soft-deletes and restores, and logs every write with before and after', async () => {
    const saved = (await host.invoke('people.create', person())) as { id: number };
    await host.invoke('people.update', { id: saved.id, ...person({ phone: '13900000000' }) });
    await host.invoke('people.remove', { id: saved.id });
    expect((await list()).total).toBe(0);
    expect((await list({ deleted: true })).total).toBe(1);
    await host.invoke('people.restore', { id: saved.id });
    expect((await list()).total).toBe(1);
    const log = (await host.invoke('audit.list', { entity: 'person' })) as { items: { action: string; before: unknown; after: unknown }[] };
    expect(log.items.map((e) => e.action)).toEqual(['恢复', '删除', '修改', '新增']);
    const edit = log.items[2]!;
    expect(edit.before).toMatchObject({ phone: null });
    expect(edit.after).toMatchObject({ phone: '13900000000' });
    expect(JSON.stringify(log.items)).not.toContain(makeIdNumber('1990-05-12', '女'));
  });

  it('pages through a large register quickly enough to browse', async () => {
    const { generateDemo } = await import('../../core/demo/generate');
    const fresh = await startHost({ setUp: false });
    try {
      generateDemo(fresh.host.context, { peoplePerUnit: 220 });
      const page = (await fresh.host.invoke('people.list', { page: 3, pageSize: 50, q: '马' })) as { total: number; items: unknown[] };
      expect(page.items.length).toBeGreaterThan(0);
      const all = (await fresh.host.invoke('people.list', { pageSize: 20 })) as { total: number };
      expect(all.total).toBeGreaterThanOrEqual(10_000);
    } finally {
      await fresh.close();
    }
  });
});
