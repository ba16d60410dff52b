import { describe, expect, it } from 'vitest';
import { boundError, clip, translateSystemError } from '../../lib/errors';

describe('what an error may repeat back', () => {
  it('cuts a quoted value to 50 characters with …, whole characters only', () => {
    const huge = '𠀀'.repeat(100_000); // outside the BMP: two UTF-16 units each
    const out = boundError({ code: 'INVALID_INPUT', message: `岗位方向“${huge}”不在列表中`, fields: { post: `“${huge}”不可用` } });
    expect(out.message).toBe(`岗位方向“${'𠀀'.repeat(50)}…”不在列表中`);
    expect(out.fields!.post!.length).toBeLessThan(250);
  });

  it('keeps the end of a long path, where the file name is', () => {
    const path = `D:/${'很长的文件夹/'.repeat(40)}花名册.xlsx`;
    const out = boundError({ code: 'IO', message: `找不到“${path}”。` });
    expect(out.message).toMatch(/^找不到“….*花名册\.xlsx”。$/);
    expect(out.message.length).toBeLessThan(200);
  });

  it('bounds even an unquoted message and the strings inside details', () => {
    const out = boundError({ code: 'INTERNAL', message: 'x'.repeat(10_000), details: { error: 'y'.repeat(10_000), list: ['z'.repeat(5000)] } });
    expect(out.message.length).toBeLessThanOrEqual(601);
    expect(JSON.stringify(out.details).length).toBeLessThan(2200);
  });

  it('leaves a short message as it was', () => {
    expect(boundError({ code: 'NOT_FOUND', message: '人员不存在或已被删除' })).toEqual({ code: 'NOT_FOUND', message: '人员不存在或已被删除' });
    expect(clip('多巴一村')).toBe('多巴一村');
  });

  it('knows nothing of errors that are not system failures', () => {
    expect(translateSystemError(new Error('plain'))).toBeNull();
    expect(translateSystemError(Object.assign(new Error('x'), { code: 'ERR_SOMETHING_ELSE' }))).toBeNull();
  });
});
