/** The year-end sentences from literal figures: the wording of empty parts, a township's own lists, and rounding. */
import { describe, expect, it } from 'vitest';
import type { SummaryFigure } from '../../../core/summary/schemas';
import { figureSentences, percentText, wanText } from '../../../core/summary/sentences';

const f = (key: string, value: number): SummaryFigure => ({ key, value, module: '后备人才', label: key, unit: '人', basis: '测试', subsetOf: null, link: null });
const config = { sources: ['外出务工经商人员', '返乡大学生'], trainingTypes: ['入企挂职', '乡镇机关历练', '大专班', '集中培训'] };
const text = (figures: SummaryFigure[], c = config) => Object.fromEntries(figureSentences(figures, c).map((s) => [s.key, s.text]));

describe('年度工作总结 sentences', () => {
  it('rounds 万元 to two decimals and shares to one, dropping trailing zeros', () => {
    expect(wanText(30.00005)).toBe('30');
    expect(wanText(1.3500001)).toBe('1.35');
    expect(wanText(183.45679)).toBe('183.46');
    expect(percentText(0.6)).toBe('60');
    expect(percentText(2 / 3)).toBe('66.7');
    expect(percentText(0.8244)).toBe('82.4');
  });

  it('says plainly when nothing happened instead of quoting zeros', () => {
    const t = text([f('reserves.pool', 0), f('reserves.funds', 0), f('members.admitted', 0)]);
    expect(t['reserves.pool']).toBe('储备村级后备干部0名。');
    expect(t['reserves.placements']).toBe('本期没有安排后备干部入企挂职、赴乡镇机关历练或报读大专班。');
    expect(t['reserves.training']).toBe('组织0名后备干部参加集中培训，投入培训经费0万元。');
    expect(t['members.admitted']).toBe('本期没有经上级党委审批接收的预备党员。');
  });

  it('leaves out a source nobody came from, and names the sources outside the township list', () => {
    const t = text([f('reserves.pool', 7), f('reserves.source.0', 0), f('reserves.source.1', 5), f('reserves.source.other', 2)]);
    expect(t['reserves.pool']).toBe('储备村级后备干部7名，其中返乡大学生5名、其他来源2名。');
  });

  it('words a township’s own placement type, and drops the training sentence’s head count without 集中培训', () => {
    const own = { sources: config.sources, trainingTypes: ['驻村实践', '入企挂职'] };
    const t = text([f('reserves.training.0', 3), f('reserves.training.1', 1), f('reserves.funds', 12345.67)], own);
    expect(t['reserves.placements']).toBe('选派后备干部3名参加驻村实践、1名入企挂职。');
    expect(t['reserves.training']).toBe('投入后备干部培训经费1.23万元。');
  });

  it('quotes the 35岁及以下 count and share of the new members', () => {
    const t = text([f('members.admitted', 12), f('members.youth', 10), f('members.youthShare', 10 / 12)]);
    expect(t['members.admitted']).toBe('发展党员12名，其中35岁及以下10名，占83.3%。');
  });
});
