/** Undo never overwrites newer work, deleting a person says what it takes with them, and a mistaken file can go. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../../core/errors';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH } from '../helpers/members';

let host: LedgerHost;
let close: () => Promise<void>;
beforeEach(async () => {
  ({ host, close } = await startHost({ now: () => new Date('2025-08-01T09:00:00+08:00') }));
});
afterEach(() => close());

type Undo = { id: number; undoVersion: number };

async function refusal(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function newPerson(name = '马晓东', birth = '1996-04-02') {
  return (await host.invoke('people.create', { name, idNumber: makeIdNumber(birth), ethnicity: '03' })) as { id: number };
}

async function newRecord(personId: number, upTo = 1) {
  const { id } = (await host.invoke('members.create', { personId, applicationDate: '2023-01-10' })) as { id: number };
  for (let no = 2; no <= upTo; no++) await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no] });
  return id;
}

async function stepDate(recordId: number, stepNo: number) {
  const detail = (await host.invoke('members.get', { id: recordId })) as { steps: { stepNo: number; date: string | null }[] };
  return detail.steps.find((s) => s.stepNo === stepNo)?.date ?? null;
}

async function rosterText(): Promise<string> {
  const roster = (await host.invoke('reports.export', { reportId: 'members-roster' })) as { base64: string };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(roster.base64, 'base64') as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => ws.getSheetValues().flat().join(' ')).join(' ');
}

describe('undo toasts', () => {
  it('restores a just-removed step, but refuses once the step was recorded again', async () => {
    const recordId = await newRecord((await newPerson()).id, 2);
    const old = { recordId, stepNo: 2, ...CLEAN_PATH[2] };

    const fresh = (await host.invoke('members.removeStep', { recordId, stepNo: 2 })) as Undo;
    await host.invoke('members.restoreStep', { ...old, since: fresh.undoVersion });
    expect(await stepDate(recordId, 2)).toBe('2023-01-20');

    const stale = (await host.invoke('members.removeStep', { recordId, stepNo: 2 })) as Undo;
    // The clerk re-records the talk with the right date; the old toast must not put the wrong one back.
    await host.invoke('members.recordStep', { ...old, date: '2023-01-25' });
    const err = await refusal(host.invoke('members.restoreStep', { ...old, since: stale.undoVersion }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('在此之后已有新的修改');
    expect(await stepDate(recordId, 2)).toBe('2023-01-25');
  });

  it('refuses a stale restore after any other change to the file, e.g. its 政审', async () => {
    const recordId = await newRecord((await newPerson()).id, 2);
    const undo = (await host.invoke('members.removeStep', { recordId, stepNo: 2 })) as Undo;
    await host.invoke('members.saveReview', { recordId, talkDate: '2023-02-01', talkBy: '王书记' });
    await expect(host.invoke('members.restoreStep', { recordId, stepNo: 2, ...CLEAN_PATH[2], since: undo.undoVersion })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("undoes a person's deletion, but not over an edit made after it was restored elsewhere", async () => {
    const { id } = await newPerson();
    const first = (await host.invoke('people.remove', { id })) as Undo;
    await host.invoke('people.restore', { id, since: first.undoVersion });

    const second = (await host.invoke('people.remove', { id })) as Undo;
    await host.invoke('people.restore', { id }); // from the 已删除 list: no token, the clerk sees what they restore
    await host.invoke('people.update', { id, name: '马晓冬', idNumber: makeIdNumber('1996-04-02'), ethnicity: '03' });
    const err = await refusal(host.invoke('people.restore', { id, since: second.undoVersion }));
    expect(err.message).toContain('马晓冬在此之后已有新的修改');
  });
});

describe('deleting a person with a 发展档案 in progress', () => {
  it('says which stage the file is at and deletes only when confirmed', async () => {
    const person = await newPerson();
    const recordId = await newRecord(person.id, 3);
    expect(await host.invoke('people.activeRecord', { id: person.id })).toEqual({ recordId, stage: 2, stageName: '入党积极分子的确定和培养教育', status: '入党积极分子' });

    const err = await refusal(host.invoke('people.remove', { id: person.id }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('马晓东有进行中的发展档案（第2阶段（入党积极分子的确定和培养教育），当前为入党积极分子）');
    expect(((await host.invoke('people.list', {})) as { total: number }).total).toBe(1);

    await host.invoke('people.remove', { id: person.id, confirmActiveRecord: true });
    expect(((await host.invoke('members.list', {})) as { total: number }).total).toBe(0);
  });

  it('deletes a person without an active file straight away', async () => {
    const other = await newPerson('韩玉芳', '1990-01-01');
    expect(await host.invoke('people.activeRecord', { id: other.id })).toBeNull();
    await expect(host.invoke('people.remove', { id: other.id })).resolves.toMatchObject({ id: other.id });
  });
});

describe('deleting a 发展档案 created by mistake', () => {
  it('takes it off lists, counts, 合规检查 and reports, audited, and restores it', async () => {
    const person = await newPerson();
    const recordId = await newRecord(person.id, 1);
    const before = (await host.invoke('members.check', {})) as { recordId: number }[];
    expect(before.some((f) => f.recordId === recordId)).toBe(true);
    expect(await rosterText()).toContain('马晓东');

    const undo = (await host.invoke('members.remove', { id: recordId })) as Undo;
    expect(((await host.invoke('members.list', {})) as { total: number }).total).toBe(0);
    expect(((await host.invoke('members.overview', {})) as { active: number }).active).toBe(0);
    expect(((await host.invoke('members.check', {})) as { recordId: number }[]).some((f) => f.recordId === recordId)).toBe(false);
    await expect(host.invoke('members.get', { id: recordId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await rosterText()).not.toContain('马晓东');
    // It is not a 终止培养: no exit was written, and the log says what happened.
    const log = (await host.invoke('audit.list', { entity: 'member_record' })) as { items: { action: string; summary: string }[] };
    expect(log.items[0]).toMatchObject({ action: '删除', summary: expect.stringContaining('不是终止培养') });
    expect(await host.invoke('members.listDeleted', {})).toMatchObject([{ id: recordId, personName: '马晓东', applicationDate: '2023-01-10' }]);

    // The person can get a correct file now; the deleted one then cannot come back beside it.
    const second = await newRecord(person.id, 1);
    const blocked = await refusal(host.invoke('members.restore', { id: recordId, since: undo.undoVersion }));
    expect(blocked.message).toContain('已有另一份进行中的发展档案');
    await host.invoke('members.remove', { id: second });
    await host.invoke('members.restore', { id: recordId });
    expect(((await host.invoke('members.list', {})) as { items: { id: number }[] }).items.map((r) => r.id)).toEqual([recordId]);
    expect(await host.invoke('members.listDeleted', {})).toMatchObject([{ id: second }]);
  });
});
