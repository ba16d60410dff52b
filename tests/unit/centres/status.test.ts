import { describe, expect, it } from 'vitest';
import { splitProblem } from '../../../core/centres/money';
import { STALLED, centreStatus, milestoneDaysLate, projectedFinish, type MilestoneFacts } from '../../../core/centres/status';

const t = { lateDays: 7, severeDays: 30 };
const m = (name: string, plannedOn: string, actualOn: string | null = null): MilestoneFacts => ({ name, plannedOn, actualOn });

describe('centre status', () => {
  it('is 未开工 before 开工 while nothing is late', () => {
    expect(centreStatus([m('方案设计', '2026-05-01'), m('开工', '2026-06-01')], '2026-04-20', t)).toEqual({ daysBehind: null, status: '未开工' });
  });

  it('is 滞后 only past the threshold: 7 days late is still 正常, 8 is 滞后', () => {
    const ms = [m('开工', '2026-05-01', '2026-05-01'), m('主体完工', '2026-06-01')];
    expect(centreStatus(ms, '2026-06-08', t)).toEqual({ daysBehind: 7, status: '正常' });
    expect(centreStatus(ms, '2026-06-09', t)).toEqual({ daysBehind: 8, status: '滞后' });
  });

  it('is 严重滞后 past 30 days, counting a milestone done late as well as one still open', () => {
    expect(centreStatus([m('开工', '2026-05-01', '2026-06-05')], '2026-06-10', t).status).toBe('严重滞后');
    expect(centreStatus([m('开工', '2026-05-01', '2026-05-01'), m('主体完工', '2026-06-01')], '2026-07-02', t)).toEqual({ daysBehind: 31, status: '严重滞后' });
  });

  it('is 提前 when every milestone done so far was early and nothing is overdue', () => {
    expect(centreStatus([m('开工', '2026-05-10', '2026-05-05'), m('主体完工', '2026-07-01')], '2026-06-01', t)).toEqual({ daysBehind: -5, status: '提前' });
  });

  it('is 已完工 at 竣工验收 and 已投用 at 投入使用, however late', () => {
    expect(centreStatus([m('开工', '2026-01-01', '2026-03-01'), m('竣工验收', '2026-05-01', '2026-07-01')], '2026-08-01', t).status).toBe('已完工');
    expect(centreStatus([m('竣工验收', '2026-05-01', '2026-07-01'), m('投入使用', '2026-06-01', '2026-07-20')], '2026-08-01', t).status).toBe('已投用');
  });

  it('takes custom thresholds', () => {
    const ms = [m('开工', '2026-05-01', '2026-05-04')];
    expect(centreStatus(ms, '2026-06-01', { lateDays: 2, severeDays: 10 }).status).toBe('滞后');
  });

  it('days late: fixed once done, growing while open and past due, none before the due date', () => {
    expect(milestoneDaysLate(m('x', '2026-05-01', '2026-05-11'), '2026-12-01')).toBe(10);
    expect(milestoneDaysLate(m('x', '2026-05-01'), '2026-05-21')).toBe(20);
    expect(milestoneDaysLate(m('x', '2026-05-01'), '2026-05-01')).toBeNull();
  });
});

describe('projected finish from the last 30 days of 形象进度', () => {
  it('finishes the rest at the pace of the last 30 days', () => {
    // 40% on 06-01, 60% on 07-01: 20 points in 30 days, 40 left → 60 more days.
    expect(projectedFinish([{ date: '2026-06-01', percent: 40 }, { date: '2026-07-01', percent: 60 }])).toBe('2026-08-30');
  });

  it('is stalled when nothing was gained, and null when done or never reported', () => {
    expect(projectedFinish([{ date: '2026-05-01', percent: 50 }, { date: '2026-07-01', percent: 50 }])).toBe(STALLED);
    expect(projectedFinish([{ date: '2026-07-01', percent: 100 }])).toBeNull();
    expect(projectedFinish([])).toBeNull();
  });
});

describe('investment split', () => {
  it('must add up to the total to the 分, and says by how much it misses', () => {
    expect(splitProblem(100_000_00, [{ source: '上级补助', fen: 60_000_00 }, { source: '村集体', fen: 40_000_00 }])).toBeNull();
    expect(splitProblem(100_000_00, [{ source: '上级补助', fen: 60_000_00 }, { source: '村集体', fen: 39_999_99 }])).toBe(
      '资金来源合计 99999.99 元与总投资 100000.00 元不一致（少 0.01 元）',
    );
    expect(splitProblem(0, [])).toBeNull();
  });
});
