/**
 * zod's own messages in plain Chinese. zod 4's zhCN locale still says "无效输入：期望 string，实际接收 number" and lists
 * enum codes and key names; a clerk reads "应为文字". Pure (no Node): the renderer installs the same map for its
 * instant form checks (renderer/src/zodConfig.ts), and core/schema/common.ts installs it for every core schema.
 */
import { z } from 'zod';

const CJK = /[\u3400-\u9fff]/;

const TYPE_WORDS: Record<string, string> = {
  string: '应为文字',
  number: '应为数字',
  int: '应为整数',
  bigint: '应为整数',
  boolean: '应为“是”或“否”',
  array: '应为一组列表',
  object: '应为一组填写项',
  record: '应为一组填写项',
  map: '应为一组填写项',
  set: '应为一组列表',
  date: '应为日期（如 2026-01-31）',
  literal: '填写的值不对',
  enum: '请从可选项中选择',
  null: '应留空',
  undefined: '应留空',
  void: '应留空',
  never: '这里不能填写',
  nan: '应为数字',
  file: '应为文件',
};

const SIZED: Record<string, { noun: string; unit: string }> = {
  string: { noun: '长度', unit: '个字' },
  array: { noun: '项数', unit: '项' },
  set: { noun: '项数', unit: '项' },
  file: { noun: '大小', unit: '字节' },
};

/** Big limits read as 万 so a clerk sees "10万" rather than "100000". */
function amount(n: number | bigint): string {
  const v = Number(n);
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 10_000 && v % 10_000 === 0) return `${v / 10_000}万`;
  return String(v);
}

/** An enum or literal the clerk can read is listed (村、社区); internal codes are not shown. */
function choices(values: readonly unknown[]): string {
  const words = values.filter((v): v is string => typeof v === 'string');
  // Short codes a clerk sees on paper (A3, A4) read as they are; internal codes (member_step, ascend) do not.
  const readable = (w: string) => (CJK.test(w) || /^[A-Z][A-Z0-9]{0,3}$/.test(w)) && w.length <= 12;
  if (words.length === values.length && words.length > 0 && words.length <= 8 && words.every(readable)) {
    return `应为以下之一：${words.join('、')}`;
  }
  return '不是可选的值，请从可选项中选择';
}

type Issue = z.core.$ZodRawIssue;

export function chineseIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必须填写';
      if (issue.input === null) return '不能为空';
      if (issue.expected === 'number' && typeof issue.input === 'number') return '应为有限的数字';
      return TYPE_WORDS[issue.expected] ?? '格式不正确';
    }
    case 'too_big': {
      const sized = SIZED[issue.origin ?? ''];
      if (sized) return `${sized.noun}不能超过 ${amount(issue.maximum)} ${sized.unit}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? `应小于 ${amount(issue.maximum)}` : `不能大于 ${amount(issue.maximum)}`;
      }
      if (issue.origin === 'date') return '日期太晚';
      return '超出允许的范围';
    }
    case 'too_small': {
      const sized = SIZED[issue.origin ?? ''];
      if (sized) {
        if (Number(issue.minimum) <= 1 && issue.origin === 'string') return '不能为空';
        if (Number(issue.minimum) <= 1) return `至少要有 1 ${sized.unit}`;
        return `${sized.noun}至少 ${amount(issue.minimum)} ${sized.unit}`;
      }
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        if (Number(issue.minimum) === 0) return issue.inclusive === false ? '应大于 0' : '不能为负数';
        return issue.inclusive === false ? `应大于 ${amount(issue.minimum)}` : `不能小于 ${amount(issue.minimum)}`;
      }
      if (issue.origin === 'date') return '日期太早';
      return '低于允许的范围';
    }
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return issue.divisor === 1 ? '应为整数' : `应为 ${issue.divisor} 的整数倍`;
    case 'invalid_value':
      return choices(issue.values);
    case 'unrecognized_keys':
      return '含有不认识的填写项';
    case 'invalid_key':
    case 'invalid_element':
      return '其中有填写不正确的项';
    case 'invalid_union':
      return '格式不正确';
    default:
      return '填写有误';
  }
}

/** Idempotent: every zod issue without a message of its own gets the Chinese one. */
export function installChineseMessages(): void {
  z.config({ localeError: (issue) => chineseIssueMessage(issue) });
}
