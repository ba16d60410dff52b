import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../core/errors';
import { insertPeopleBatch } from '../../core/people/bulk';
import { comparePinyin, pinyinSortKey } from '../../core/people/pinyin';
import type { PersonInput } from '../../core/people/schemas';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate, readShippedMigrations } from '../../db/migrate';
import { defaultMigrationsDir, DB_FILE_NAME } from '../../db/open';
import { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost, tempDir } from '../helpers/ledger';

let host: LedgerHost;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ host, close } = await startHost());
});
afterEach(() => close());

type Row = { id: number; name: string; unitId: number | null; unitName: string | null; gender: string; phone: string | null };
async function list(input: Record<string, unknown> = {}) {
  return (await host.invoke('people.list', input)) as { total: number; items: Row[] };
}

/** Every page of a query, pageSize at a time, and the total each page reported. */
async function allPages(input: Record<string, unknown>, pageSize = 4) {
  const first = await list({ ...input, page: 1, pageSize });
  const names = first.items.map((r) => r.name);
  for (let page = 2; (page - 1) * pageSize < first.total; page++) {
    const next = await list({ ...input, page, pageSize });
    expect(next.total).toBe(first.total);
    names.push(...next.items.map((r) => r.name));
  }
  return { total: first.total, names };
}

/** Names free of homophones and polyphonic surnames, where the key and the ICU collator must agree. */
const NAMES = ['张伟', '阿依古丽', '马秀兰', '白玛', '祁永福', '韩明', '冶福明', '李_兰', '星海', '鲁才让', '朱红霞', '何安', '罗成', '吕芳'];

interface Seeded {
  id: number;
  name: string;
  gender: '男' | '女';
  birthDate: string;
  unitId: number | null;
  unitOrder: number;
  ethnicity: string;
  education: string;
  occupation: string;
  phone: string;
  idNumber: string;
}

/** A small register through the bulk path: varied units (one with none), genders, codes, phones and birth dates. */
async function seed(): Promise<Seeded[]> {
  const units = (await host.invoke('org.listUnits', {})) as { id: number; sortOrder: number }[];
  const unitChoices = [units[2]!, units[0]!, null, units[1]!];
  const rows: PersonInput[] = NAMES.map((name, i) => {
    const gender = i % 3 === 0 ? '男' : '女';
    const birthDate = `19${60 + ((i * 7) % 30)}-0${1 + (i % 9)}-1${i % 10}`;
    return {
      name,
      idNumber: makeIdNumber(birthDate, gender, i + 1),
      ethnicity: ['01', '03', '04'][i % 3]!,
      education: ['31', '61'][i % 2]!,
      occupation: i % 4 === 0 ? '学生' : '农牧渔民',
      unitId: unitChoices[i % 4]?.id ?? null,
      phone: `139${String(i * 1234567).padStart(8, '0')}`,
    };
  });
  const ids = insertPeopleBatch(host.context, rows);
  return rows.map((r, i) => {
    const unit = unitChoices[i % 4];
    return {
      ...(r as Omit<Seeded, 'id' | 'unitOrder' | 'gender' | 'birthDate'>),
      id: ids[i]!,
      gender: i % 3 === 0 ? '男' : '女',
      birthDate: `19${60 + ((i * 7) % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      unitId: unit?.id ?? null,
      unitOrder: unit?.sortOrder ?? -1,
    } as Seeded;
  });
}

const byId = (dir: 1 | -1) => (a: Seeded, b: Seeded) => dir * (a.id - b.id);

describe('人员库 list in SQL', () => {
  it('orders names by pinyin across pages, and a renamed person moves to their new place', async () => {
    const people = await seed();
    const expected = [...NAMES].sort(comparePinyin);
    expect((await allPages({ sortField: 'name', sortOrder: 'ascend' })).names).toEqual(expected);
    expect((await allPages({ sortField: 'name', sortOrder: 'descend' })).names).toEqual([...expected].reverse());

    const zhang = people.find((p) => p.name === '张伟')!;
    const { id: _id, unitOrder: _o, ...input } = zhang;
    await host.invoke('people.update', { id: zhang.id, ...input, name: '艾伟' });
    const created = (await host.invoke('people.create', { name: '周明', idNumber: makeIdNumber('1991-02-03', '男', 77), ethnicity: '01' })) as { id: number };
    const renamed = [...NAMES.filter((n) => n !== '张伟'), '艾伟', '周明'].sort(comparePinyin);
    expect((await allPages({ sortField: 'name', sortOrder: 'ascend' }, 5)).names).toEqual(renamed);
    expect(renamed[0]).toBe('阿依古丽');
    expect(renamed[1]).toBe('艾伟');
    const stored = host.context.sqlite.prepare('SELECT sort_key FROM people WHERE id = ?').pluck();
    expect(stored.get(zhang.id)).toBe(pinyinSortKey('艾伟'));
    expect(stored.get(created.id)).toBe(pinyinSortKey('周明'));
  });

  it('sorts by every column the page offers, each way, with ties by id, and pages without gaps or repeats', async () => {
    const people = await seed();
    const sorts: [string, (a: Seeded, b: Seeded) => number][] = [
      ['birthDate', (a, b) => a.birthDate.localeCompare(b.birthDate)],
      ['unitName', (a, b) => a.unitOrder - b.unitOrder || (a.unitId ?? 0) - (b.unitId ?? 0)],
      // Created and updated in one batch, in the same second: the tie-break alone decides.
      ['createdAt', () => 0],
      ['updatedAt', () => 0],
    ];
    for (const [field, compare] of sorts) {
      for (const [order, dir] of [['ascend', 1], ['descend', -1]] as const) {
        const expected = [...people].sort((a, b) => dir * compare(a, b) || byId(dir)(a, b)).map((p) => p.name);
        const got = await allPages({ sortField: field, sortOrder: order }, 3);
        expect({ field, order, names: got.names }).toEqual({ field, order, names: expected });
        expect(got.total).toBe(people.length);
      }
    }
    // No sort chosen: the most recently changed first.
    expect((await list({ pageSize: 1 })).items[0]!.name).toBe(NAMES[NAMES.length - 1]);
  });

  it('filters by unit, gender, ethnicity, education and occupation, alone and together, under every sort', async () => {
    const people = await seed();
    const unitId = people.find((p) => p.unitId)!.unitId;
    const filters: [Record<string, unknown>, (p: Seeded) => boolean][] = [
      [{ unitId }, (p) => p.unitId === unitId],
      [{ gender: '女' }, (p) => p.gender === '女'],
      [{ ethnicity: '03' }, (p) => p.ethnicity === '03'],
      [{ education: '61' }, (p) => p.education === '61'],
      [{ occupation: '学生' }, (p) => p.occupation === '学生'],
      [{ gender: '男', education: '31' }, (p) => p.gender === '男' && p.education === '31'],
      [{ unitId, gender: '女' }, (p) => p.unitId === unitId && p.gender === '女'],
    ];
    for (const [filter, keep] of filters) {
      const expected = people.filter(keep).map((p) => p.name);
      expect(expected.length).toBeGreaterThan(0);
      for (const sortField of ['name', 'birthDate', 'unitName', 'updatedAt']) {
        const got = await allPages({ ...filter, sortField, sortOrder: 'ascend' }, 2);
        expect(got.total).toBe(expected.length);
        expect([...got.names].sort()).toEqual([...expected].sort());
      }
      const byName = await allPages({ ...filter, sortField: 'name' }, 2);
      expect(byName.names).toEqual([...expected].sort(comparePinyin));
    }
  });

  it('searches name, phone and ID number, short and long, literally, and keeps up with edits and deletions', async () => {
    const people = await seed();
    const search = async (q: string, extra: Record<string, unknown> = {}) => (await allPages({ q, sortField: 'name', ...extra }, 2)).names;
    expect(await search('马')).toEqual(['马秀兰']);
    expect(await search('古丽')).toEqual(['阿依古丽']);
    expect(await search('阿依古丽')).toEqual(['阿依古丽']);
    expect(await search('_')).toEqual(['李_兰']);
    expect(await search('李_兰')).toEqual(['李_兰']);
    expect(await search('%')).toEqual([]);
    const target = people[5]!;
    expect(await search(target.phone)).toEqual([target.name]);
    expect(await search(target.phone.slice(-6))).toEqual(people.filter((p) => p.phone.includes(target.phone.slice(-6))).map((p) => p.name).sort(comparePinyin));
    expect(await search(target.idNumber)).toEqual([target.name]);
    // Typed as a clerk might: lower-case x and spaces in the number.
    const withX = people.find((p) => p.idNumber.endsWith('X'));
    if (withX) expect(await search(`${withX.idNumber.slice(0, 6)} ${withX.idNumber.slice(6).toLowerCase()}`)).toEqual([withX.name]);
    expect(await search(target.birthDate.replace(/-/g, ''))).toEqual(people.filter((p) => p.idNumber.includes(target.birthDate.replace(/-/g, ''))).map((p) => p.name).sort(comparePinyin));
    expect(await search('古丽', { gender: '男' })).toEqual([]);

    const { id: _id, unitOrder: _o, ...input } = target;
    await host.invoke('people.update', { id: target.id, ...input, name: '铁木尔', phone: '13800001111' });
    expect(await search(target.name)).toEqual([]);
    expect(await search('铁木尔')).toEqual(['铁木尔']);
    expect(await search('00001111')).toEqual(['铁木尔']);
    expect(await search(target.phone)).toEqual([]);

    await host.invoke('people.remove', { id: target.id });
    expect(await search('铁木尔')).toEqual([]);
    expect(await search('铁木尔', { deleted: true })).toEqual(['铁木尔']);
    expect((await list({ deleted: true })).total).toBe(1);
    expect((await list()).total).toBe(people.length - 1);
  });
});

describe('insertPeopleBatch', () => {
  it('checks every row as people.create does and writes all or none, with one log entry', async () => {
    const good: PersonInput = { name: '马秀兰', idNumber: makeIdNumber('1990-05-12', '女'), ethnicity: '03' };
    const twice = () => insertPeopleBatch(host.context, [good, { name: '马兰', idNumber: good.idNumber, ethnicity: '01' }]);
    expect(twice).toThrowError(/第 2 条（马兰）：该身份证号已登记为“马秀兰”/);
    expect(() => insertPeopleBatch(host.context, [good, { name: '韩明', idNumber: '123', ethnicity: '01' }])).toThrowError(/第 2 条（韩明）：公民身份号码有误/);
    expect(() => insertPeopleBatch(host.context, [{ ...good, ethnicity: '99' }])).toThrowError(LedgerError);
    expect((await list()).total).toBe(0);

    const ids = insertPeopleBatch(host.context, [good, { name: '韩明', idNumber: makeIdNumber('1985-01-02', '男'), ethnicity: '01' }]);
    expect(ids).toHaveLength(2);
    const saved = (await host.invoke('people.get', { id: ids[1] })) as { gender: string; birthDate: string };
    expect(saved).toMatchObject({ gender: '男', birthDate: '1985-01-02' });
    const log = (await host.invoke('audit.list', { entity: 'person' })) as { items: { action: string; summary: string }[] };
    expect(log.items.map((e) => e.action)).toEqual(['批量新增']);
    expect(log.items[0]!.summary).toContain('2 人');
    expect(() => insertPeopleBatch(host.context, [good])).toThrowError(/已登记/);
  });
});

/** The per-filter totals the list reads (people_counts) against a count of the people themselves. */
function expectCountsTrue(db: Database.Database) {
  const stored = db.prepare('SELECT field, value, n FROM people_counts WHERE n <> 0 ORDER BY 1, 2').all();
  const truth = db
    .prepare(
      `SELECT * FROM (
        SELECT 'education' AS field, coalesce(education, '') AS value, count(*) AS n FROM people WHERE deleted_at IS NULL GROUP BY 2
        UNION ALL SELECT 'ethnicity', ethnicity, count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2
        UNION ALL SELECT 'gender', gender, count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2
        UNION ALL SELECT 'occupation', coalesce(occupation, ''), count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2
        UNION ALL SELECT 'unit_id', coalesce(CAST(unit_id AS TEXT), ''), count(*) FROM people WHERE deleted_at IS NULL GROUP BY 2
      ) ORDER BY 1, 2`,
    )
    .all();
  expect(stored).toEqual(truth);
}

describe('stored totals', () => {
  it('stay true through create, edit, delete, restore, unit merge and bulk load, and the list shows them', async () => {
    const people = await seed();
    const db = host.context.sqlite;
    expectCountsTrue(db);
    const units = (await host.invoke('org.listUnits', {})) as { id: number }[];
    const p = people[1]!;
    const { id: _id, unitOrder: _o, ...input } = p;
    await host.invoke('people.update', { id: p.id, ...input, gender: '男', unitId: null, education: null, occupation: '学生' });
    await host.invoke('people.remove', { id: people[2]!.id });
    await host.invoke('people.remove', { id: people[3]!.id });
    await host.invoke('people.restore', { id: people[3]!.id });
    await host.invoke('org.mergeUnits', { fromId: units[0]!.id, intoId: units[1]!.id });
    await host.invoke('people.create', { name: '周明', idNumber: makeIdNumber('1991-02-03', '男', 77), ethnicity: '04', unitId: units[1]!.id });
    expect(() => insertPeopleBatch(host.context, [{ name: '甲', idNumber: makeIdNumber('1992-02-03', '男', 78), ethnicity: '01' }, { name: '乙', idNumber: '1', ethnicity: '01' }])).toThrow();
    expectCountsTrue(db);
    const live = db.prepare('SELECT count(*) FROM people WHERE deleted_at IS NULL').pluck().get();
    expect((await list()).total).toBe(live);
    expect((await list({ unitId: units[1]!.id })).total).toBe(db.prepare('SELECT count(*) FROM people WHERE deleted_at IS NULL AND unit_id = ?').pluck().get(units[1]!.id));
    expect((await list({ gender: '男' })).total).toBe(db.prepare("SELECT count(*) FROM people WHERE deleted_at IS NULL AND gender = '男'").pluck().get());
  });
});

describe('upgrading a file from before sort keys', () => {
  it('gives existing people their keys, totals and search, and sorts them by pinyin', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, DB_FILE_NAME);
      const old = new Database(file);
      await migrate(old, readShippedMigrations(defaultMigrationsDir()).slice(0, 2), { file, backupDir: join(tmp.dir, 'backups') });
      const insert = old.prepare("INSERT INTO people (name, gender, ethnicity, birth_date, id_number, phone) VALUES (?, ?, '01', '1980-01-01', ?, ?)");
      ['张伟', '阿依古丽', '白玛'].forEach((name, i) => insert.run(name, i === 1 ? '女' : '男', makeIdNumber('1980-01-01', i === 1 ? '女' : '男', i), `1390000000${i}`));
      old.close();

      const upgraded = new LedgerHost({ dataDir: tmp.dir });
      await upgraded.start();
      try {
        const names = async (input: Record<string, unknown>) =>
          ((await upgraded.invoke('people.list', input)) as { items: Row[] }).items.map((r) => r.name);
        expect(await names({ sortField: 'name' })).toEqual(['阿依古丽', '白玛', '张伟']);
        expect(await names({ q: '13900000002' })).toEqual(['白玛']);
        expect(((await upgraded.invoke('people.list', { gender: '男' })) as { total: number }).total).toBe(2);
        expectCountsTrue(upgraded.context.sqlite);
      } finally {
        await upgraded.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});

describe('sort keys at open', () => {
  it('fills the keys a file lacks (written before they existed) once, without touching updated_at or the log', async () => {
    const names = ['张伟', '阿依古丽', '白玛'];
    const ids = insertPeopleBatch(
      host.context,
      names.map((name, i) => ({ name, idNumber: makeIdNumber(`1980-01-0${i + 1}`, '女', i), ethnicity: '01' })),
    );
    const db = host.context.sqlite;
    db.prepare('UPDATE people SET sort_key = NULL, updated_at = ? WHERE id IN (?, ?)').run('2020-01-01 08:00:00', ids[0], ids[1]);
    const logBefore = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const dataDir = host.context.dataDir;
    await host.close();

    host = new LedgerHost({ dataDir });
    await host.start();
    const again = host.context.sqlite;
    const rows = again.prepare('SELECT id, name, sort_key AS sortKey, updated_at AS updatedAt FROM people ORDER BY id').all() as { name: string; sortKey: string; updatedAt: string }[];
    expect(rows.map((r) => r.sortKey)).toEqual(names.map(pinyinSortKey));
    expect(rows[0]!.updatedAt).toBe('2020-01-01 08:00:00');
    expect(again.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(logBefore);
    expect((await allPages({ sortField: 'name' })).names).toEqual(['阿依古丽', '白玛', '张伟']);
    await host.close();
  });
});
