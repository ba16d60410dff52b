/** Refusals through the contract: what no 特殊情况说明 overrides, future dates, the rule table's bounds and stored tables. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleTables } from '../../db/schema';
import type { LedgerHost } from '../../core/host';
import { makeIdNumber, startHost } from '../helpers/ledger';
import { CLEAN_PATH, full } from '../helpers/members';

const TODAY = '2025-08-01';
let host: LedgerHost;
let close: () => Promise<void>;
let seq = 0;
beforeEach(async () => {
  ({ host, close } = await startHost({ now: () => new Date(`${TODAY}T09:00:00+08:00`) }));
});
afterEach(() => close());

async function person(birth = '1996-04-02', extra: Record<string, unknown> = {}) {
  return (await host.invoke('people.create', { name: `测试${++seq}`, idNumber: makeIdNumber(birth, '男', seq), ethnicity: '01', ...extra })) as { id: number };
}

async function newRecord(applicationDate = '2023-01-10', birth?: string, extra?: Record<string, unknown>) {
  const p = await person(birth, extra);
  const { id } = (await host.invoke('members.create', { personId: p.id, applicationDate })) as { id: number };
  return id;
}

async function upTo(id: number, last: number) {
  for (let no = 2; no <= last; no++) {
    if (no === 10) {
      await host.invoke('members.addLetter', { recordId: id, date: '2024-03-10', target: '某街道党工委' });
      await host.invoke('members.saveReview', { recordId: id, conclusionResult: '合格', conclusionDate: '2024-04-01', conclusionSigner: '张明' });
    }
    await host.invoke('members.recordStep', { recordId: id, stepNo: no, ...CLEAN_PATH[no], overrideReason: no === 6 || no === 7 ? '补录' : undefined });
  }
}

/** The refusal a transport carries: message, field map, and whether a 特殊情况说明 could help. */
async function refusal(method: string, input: Record<string, unknown>) {
  try {
    await host.invoke(method as never, input as never);
  } catch (err) {
    const e = err as { code: string; message: string; fields?: Record<string, string>; details?: { overridable?: boolean; violations?: { ruleId: string }[] } };
    return { code: e.code, message: e.message, fields: e.fields ?? {}, overridable: e.details?.overridable, rules: e.details?.violations?.map((v) => v.ruleId) ?? [] };
  }
  throw new Error(`${method} was not refused`);
}

async function violations(id: number) {
  return ((await host.invoke('members.get', { id })) as { violations: { ruleId: string; level: string; message: string }[] }).violations;
}

describe('what no 特殊情况说明 overrides', () => {
  it('R01: an applicant under 18 is refused, reason or not, at the application date', async () => {
    const p = await person('2008-03-01');
    const r = await refusal('members.create', { personId: p.id, applicationDate: '2025-07-01', overrideReason: '本人坚决要求' });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', overridable: false, rules: ['R01'] });
    expect(r.message).toContain('年仅17周岁');
    expect(r.fields.applicationDate).toContain('R01');
    expect((await host.invoke('members.list', {})) as { total: number }).toMatchObject({ total: 0 });
  });

  it('R10: one 介绍人, or one who is not a 正式党员, is refused with a reason', async () => {
    const id = await newRecord();
    await upTo(id, 8);
    const one = await refusal('members.recordStep', { recordId: id, stepNo: 9, date: '2024-03-06', people: [full('介绍人甲')], overrideReason: '另一名介绍人外出' });
    expect(one).toMatchObject({ overridable: false, rules: ['R10'] });
    expect(one.fields.people).toContain('入党介绍人应为2名正式党员');
    const notFull = await refusal('members.recordStep', { recordId: id, stepNo: 9, date: '2024-03-06', people: [full('介绍人甲'), { name: '介绍人乙', isFullMember: false }], overrideReason: '特殊' });
    expect(notFull.message).toContain('介绍人乙不是正式党员');
  });

  it('R17 and R18: no quorum or no majority is refused with a reason', async () => {
    const id = await newRecord();
    await upTo(id, 14);
    const quorum = await refusal('members.recordStep', { recordId: id, stepNo: 15, date: '2024-05-20', meeting: { expected: 20, present: 10, for: 10, against: 0, abstain: 0 }, overrideReason: '农忙' });
    expect(quorum).toMatchObject({ overridable: false });
    expect(quorum.rules).toEqual(expect.arrayContaining(['R17', 'R18']));
    expect(quorum.fields['meeting.present']).toContain('R17');
    const majority = await refusal('members.recordStep', { recordId: id, stepNo: 15, date: '2024-05-20', meeting: { expected: 20, present: 15, for: 10, against: 4, abstain: 1 }, overrideReason: '特殊' });
    expect(majority).toMatchObject({ overridable: false, rules: ['R18'] });
  });

  it('R11: a 支部大会 dated before the 政审 结论 is refused, though the finding sits on step 10', async () => {
    const id = await newRecord();
    await upTo(id, 14);
    const r = await refusal('members.recordStep', { recordId: id, stepNo: 15, date: '2024-03-31', meeting: { expected: 20, present: 15, for: 14, against: 0, abstain: 1 }, overrideReason: '特殊' });
    expect(r.rules).toContain('R11');
    expect(r.overridable).toBe(false);
  });

  it('R11: a 函调 dated after the 结论 is refused', async () => {
    const id = await newRecord();
    await upTo(id, 10);
    const r = await refusal('members.addLetter', { recordId: id, date: '2024-04-05', target: '某县公安局' });
    expect(r).toMatchObject({ overridable: false, rules: ['R11'] });
    expect(r.fields.date).toContain('结论须在全部函调之后作出');
  });

  it('ORD: a date before its predecessor is refused and names both dates; editing an earlier step past a later one too', async () => {
    const id = await newRecord('2023-01-10');
    const talk = await refusal('members.recordStep', { recordId: id, stepNo: 2, date: '2023-01-05', people: [full('王书记')], overrideReason: '补录' });
    expect(talk).toMatchObject({ overridable: false, rules: ['ORD'] });
    expect(talk.message).toContain('谈话日期（2023-01-05）早于递交入党申请书日期（2023-01-10）');
    await upTo(id, 3);
    const moved = await refusal('members.recordStep', { recordId: id, stepNo: 2, date: '2023-03-02', people: [full('王书记')], overrideReason: '补录' });
    expect(moved.rules).toContain('ORD');
    expect(moved.message).toContain('确定入党积极分子日期（2023-03-01）早于谈话日期（2023-03-02）');
  });

  it('keeps the reason path for a 细则 time window (R02)', async () => {
    const id = await newRecord('2023-01-10');
    const late = await refusal('members.recordStep', { recordId: id, stepNo: 2, date: '2023-03-01', people: [full('王书记')] });
    expect(late).toMatchObject({ overridable: true, rules: ['R02'] });
    await host.invoke('members.recordStep', { recordId: id, stepNo: 2, date: '2023-03-01', people: [full('王书记')], overrideReason: '书记住院，延后谈话' });
    expect((await violations(id)).find((v) => v.ruleId === 'R02')).toBeDefined();
  });
});

describe('dates after today', () => {
  it('are refused for steps, 政审, 函调, 考察, exits and birth dates', async () => {
    const id = await newRecord();
    const step = await refusal('members.recordStep', { recordId: id, stepNo: 2, date: '2025-08-02', people: [full('王书记')], overrideReason: '预约' });
    expect(step.message).toBe('党组织派人谈话日期（2025-08-02）晚于今天（2025-08-01），尚未发生的事项不能记录');
    expect(step.fields.date).toBeDefined();
    const review = await refusal('members.saveReview', { recordId: id, talkDate: '2025-07-01', reportDate: '2025-09-01', examDate: '2025-10-01', conclusionResult: '合格', conclusionDate: '2025-11-01', conclusionSigner: '张明' });
    expect(Object.keys(review.fields).sort()).toEqual(['conclusionDate', 'examDate', 'reportDate']);
    expect((await refusal('members.addLetter', { recordId: id, date: '2025-07-01', replyDate: '2025-08-10', target: '某县公安局' })).fields).toHaveProperty('replyDate');
    expect((await refusal('members.addPeriodic', { recordId: id, kind: '思想汇报', date: '2025-12-31' })).message).toContain('思想汇报日期（2025-12-31）晚于今天');
    expect((await refusal('members.addExit', { recordId: id, kind: '终止培养', date: '2025-09-01', reason: '外出' })).fields).toHaveProperty('date');
    expect((await refusal('members.create', { personId: (await person('1990-01-01')).id, applicationDate: '2025-08-02' })).fields).toHaveProperty('applicationDate');
    expect((await refusal('members.update', { id, leagueMember: true, leagueRecommendDate: '2025-08-02' })).fields).toHaveProperty('leagueRecommendDate');
    const p = await person('1990-01-01');
    const born = await refusal('people.update', { id: p.id, name: '测试', idNumber: makeIdNumber('1990-01-01', '男', seq), ethnicity: '01', birthDate: '2025-09-01' });
    expect(born.fields.birthDate).toBe('出生日期（2025-09-01）晚于今天（2025-08-01）');
    expect((await refusal('people.create', { name: '新人', idNumber: makeIdNumber('1991-01-01', '男', 99), ethnicity: '01', birthDate: '2026-01-01' })).fields).toHaveProperty('birthDate');
  });

  it('today itself is accepted', async () => {
    const id = await newRecord();
    await host.invoke('members.addPeriodic', { recordId: id, kind: '思想汇报', date: TODAY });
  });
});

describe('the rule table', () => {
  it('refuses an absurd threshold, an unknown name and a softened 党章 condition, in Chinese', async () => {
    const months = await refusal('members.updateRules', { rules: { R02: { thresholds: { months: 100000 } } } });
    expect(months).toMatchObject({ code: 'INVALID_INPUT' });
    expect(months.message).toContain('规则R02的期限应为1至24个月');
    expect((await refusal('members.updateRules', JSON.parse('{"rules":{"R02":{"thresholds":{"constructor":1}}}}'))).message).toContain('规则R02没有参数“constructor”');
    expect((await refusal('members.updateRules', JSON.parse('{"rules":{"__proto__":{"level":"off"}}}'))).message).toContain('规则表中没有规则“__proto__”');
    expect((await refusal('members.updateRules', { rules: { R10: { level: 'off' } } })).message).toContain('R10是党章规定的条件');
    expect(((await host.invoke('members.rules', {})) as { version: number }).version).toBe(1);
  });

  it('reads a stored table with an out-of-range value, clamped, and every page still answers', async () => {
    const id = await newRecord();
    await upTo(id, 15);
    const rules = JSON.stringify({ rules: { R21: { level: 'error', thresholds: { warnMonths: 100000, errorMonths: 100000 } }, R01: { level: 'off', thresholds: {} } } });
    host.context.db.insert(ruleTables).values({ version: 2, effectiveDate: '2025-01-01', rules, createdAt: `${TODAY} 09:00:00` }).run();
    const table = (await host.invoke('members.rules', {})) as { version: number; rules: { id: string; level: string; thresholds: Record<string, number>; hard: boolean }[] };
    expect(table.version).toBe(2);
    expect(table.rules.find((r) => r.id === 'R21')?.thresholds).toEqual({ warnMonths: 24, errorMonths: 24 });
    expect(table.rules.find((r) => r.id === 'R01')).toMatchObject({ level: 'error', hard: true });
    await host.invoke('members.list', {});
    await host.invoke('members.get', { id });
    await host.invoke('members.check', {});
    await host.invoke('members.overview', {});
  });
});

describe('合规检查 findings that are not refusals', () => {
  it('warns about a 离退休人员 under 50 and a birth date after the application', async () => {
    const retired = await newRecord('2023-01-10', '1980-05-05', { occupation: '离退休人员' });
    const later = await newRecord('2023-01-10', '1990-01-01');
    const p = ((await host.invoke('members.get', { id: later })) as { personId: number }).personId;
    // The birth date is corrected in the 人员库 after the file exists, to a date after the application.
    const current = (await host.invoke('people.get', { id: p })) as Record<string, unknown>;
    await host.invoke('people.update', { id: p, name: current.name, idNumber: current.idNumber, ethnicity: current.ethnicity, birthDate: '2024-01-01' });
    const findings = (await host.invoke('members.check', {})) as { recordId: number; ruleId: string; level: string; message: string }[];
    expect(findings.find((f) => f.recordId === retired && f.ruleId === 'DAT')).toMatchObject({ level: 'warning', message: expect.stringContaining('离退休人员') });
    expect(findings.find((f) => f.recordId === later && f.ruleId === 'DAT')).toMatchObject({ level: 'warning', message: expect.stringContaining('出生日期 2024-01-01 晚于递交入党申请书日期 2023-01-10') });
  });

  it('lists a 预备期 that ended more than three months ago with no 转正 or 延长 (R29)', async () => {
    const id = await newRecord();
    await upTo(id, 20);
    // Z 2024-05-20: the 预备期 ended 2025-05-19, so by 2025-08-01 the decision is not yet three months late.
    expect((await violations(id)).some((v) => v.ruleId === 'R29')).toBe(false);
    await close();
    ({ host, close } = await startHost({ now: () => new Date('2025-09-01T09:00:00+08:00') }));
    const again = await newRecord();
    await upTo(again, 20);
    const findings = (await host.invoke('members.check', {})) as { recordId: number; ruleId: string; message: string }[];
    expect(findings.find((f) => f.recordId === again && f.ruleId === 'R29')?.message).toBe('预备期已于 2025-05-19 期满，逾期三个月（2025-08-19）仍未讨论转正，也未决定延长预备期');
  });
});
