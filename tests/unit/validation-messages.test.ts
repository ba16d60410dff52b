/** Refusals of malformed input read as plain Chinese with the field's Chinese name (issue 11). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../core/api/contract';
import { isoDate } from '../../core/schema/common';
import { fieldPlace } from '../../core/schema/field-labels';
import { parseInput } from '../../core/schema/validate';
import { LedgerError } from '../../core/errors';

function refusal(method: keyof typeof contract, input: unknown): LedgerError {
  try {
    parseInput(contract[method].input, input);
  } catch (err) {
    if (err instanceof LedgerError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('validation messages', () => {
  it('name the field in Chinese and the expected kind in words, not zod type names', () => {
    const err = refusal('people.get', { id: 'abc' });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toBe('“编号”填写有误：应为数字');
    expect(refusal('people.list', { q: 12 }).message).toBe('“搜索内容”填写有误：应为文字');
    expect(refusal('members.indicators', { from: 20260101, to: '2026-12-31' }).message).toBe('“开始日期”填写有误：应为日期（如 2026-01-31）');
    expect(refusal('people.get', { id: 1.5 }).message).toBe('“编号”填写有误：应为整数');
    expect(refusal('people.get', {}).message).toBe('“编号”填写有误：必须填写');
  });

  it('say that 30 February and month 13 do not exist', () => {
    for (const bad of ['2026-02-30', '2026-13-01']) {
      expect(refusal('centres.proposeSchedule', { requiredOn: bad }).message).toBe('“要求完成日期”填写有误：不是真实存在的日期（例如没有 2 月 30 日、13 月），请检查');
    }
    expect(isoDate.safeParse('2026-02-28').success).toBe(true);
  });

  it('turn a nested path like rules.R02.thresholds into words, and count the other problems', () => {
    expect(fieldPlace(['rules', 'R02', 'thresholds', 'days'])).toBe('规则 R02的阈值的天数');
    expect(fieldPlace(['units', 1, 'name'])).toBe('村（社区）第 2 项的名称');
    expect(fieldPlace(['zzUnknown', 'alsoUnknown'])).toBe('');
    const err = refusal('members.updateRules', { rules: { R02: { level: 'loud', thresholds: { x: 'y' } } } });
    expect(err.message).not.toMatch(/rules\.|R02\.|thresholds|string|number|expected|Invalid/);
    expect(err.message).toMatch(/^“规则 R02的/);
    expect(err.fields).toHaveProperty(['rules.R02.level']);
  });

  it('list a choice the clerk can read and hide internal codes', () => {
    expect(refusal('org.addUnit', { name: '多巴三村', kind: '镇' }).message).toBe('“类别”填写有误：应为以下之一：村、社区、机关、两新组织');
    const codes = refusal('attachments.list', { ownerType: 'member_stepx', ownerId: 1 }).message;
    expect(codes).toBe('“附件所属”填写有误：不是可选的值，请从可选项中选择');
  });

  it('never repeat a 1 MB input, and keep a message short', () => {
    const huge = '马'.repeat(1024 * 1024);
    const err = refusal('people.list', { q: huge });
    expect(err.message).toBe('“搜索内容”填写有误：长度不能超过 40 个字');
    const custom = z.object({ name: z.string().refine(() => false, { message: `不认识“${huge}”` }) });
    const own = (() => {
      try {
        parseInput(custom, { name: 'x' });
      } catch (e) {
        return e as LedgerError;
      }
    })()!;
    expect(own.message.length).toBeLessThan(200);
    expect(Object.values(own.fields ?? {})[0]!.length).toBeLessThan(200);
  });

  it('drop control and bidi characters from names, so a right-to-left override cannot disguise one', () => {
    const parsed = parseInput(contract['org.addUnit'].input, { name: ' 多巴\u202E三村\u0000\u200F ', kind: '村', code: '\u2066 01' });
    expect(parsed).toMatchObject({ name: '多巴三村', code: '01' });
    expect(refusal('org.addUnit', { name: '\u202E\u0000', kind: '村' }).message).toBe('“名称”填写有误：请填写名称');
  });

  it('drop them from every text a report prints: 填报人, 函调单位, a 功能室 name, a file name', () => {
    const rlo = '\u202E';
    expect(parseInput(contract['org.updateSettings'].input, { fillerName: `张${rlo}三`, reviewPartLabels: [`谈${rlo}话`, '函调', '审查', '结论'] })).toMatchObject({
      fillerName: '张三',
      reviewPartLabels: ['谈话', '函调', '审查', '结论'],
    });
    expect(parseInput(contract['members.addLetter'].input, { recordId: 1, date: '2026-01-05', target: `多巴镇${rlo}派出所\u200B` })).toMatchObject({ target: '多巴镇派出所' });
    expect(parseInput(contract['forms.analyse'].input, { fileName: `表${rlo}xslx.exe`, base64: 'AA==' })).toMatchObject({ fileName: '表xslx.exe' });
  });

  it('has a Chinese label for every input field of the contract', () => {
    const missing = new Set<string>();
    const seen = new Set<unknown>();
    const walk = (s: unknown): void => {
      const d = (s as { _zod?: { def: Record<string, unknown> } })?._zod?.def;
      if (!d || seen.has(s)) return;
      seen.add(s);
      if (d.type === 'object') {
        for (const [k, v] of Object.entries(d.shape as Record<string, unknown>)) {
          if (!fieldPlace([k])) missing.add(k);
          walk(v);
        }
      }
      for (const f of ['innerType', 'in', 'out', 'element', 'valueType']) if (d[f]) walk(d[f]);
      for (const o of (d.options as unknown[] | undefined) ?? []) walk(o);
    };
    for (const def of Object.values(contract)) walk(def.input);
    expect([...missing]).toEqual([]);
  });
});
