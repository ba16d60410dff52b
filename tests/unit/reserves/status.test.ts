import { describe, expect, it } from 'vitest';
import { replay, statusOn, type StatusEvent } from '../../../core/reserves/status';

const chain: StatusEvent[] = [
  { kind: '推荐', date: '2025-01-05' },
  { kind: '考察', date: '2025-01-20' },
  { kind: '入库', date: '2025-02-10' },
];

describe('status history replay', () => {
  it('walks 推荐 → 考察 → 在库 → 已任用 and keeps the post', () => {
    const r = replay([...chain, { kind: '任用', date: '2025-09-01', post: '村委会委员' }]);
    expect(r).toEqual({ status: '已任用', statusOn: '2025-09-01', appointedPost: '村委会委员', problem: null });
  });

  it('refuses 已任用 after 出库 without a re-entry, and names the date and the status then', () => {
    const r = replay([...chain, { kind: '出库', date: '2025-05-01' }, { kind: '任用', date: '2025-06-01', post: '村委会委员' }]);
    expect(r.problem?.message).toBe('2025-06-01 任用：只有“在库”的后备人才才能任用；已出库的须先重新入库（当时状态：出库）');
    expect(r.status).toBe('出库');
  });

  it('allows 任用 after a re-entry, so old spells stay in the history', () => {
    const r = replay([...chain, { kind: '出库', date: '2025-05-01' }, { kind: '入库', date: '2025-07-01' }, { kind: '任用', date: '2025-09-01', post: '村党支部委员' }]);
    expect(r.problem).toBeNull();
    expect(r.status).toBe('已任用');
  });

  it('replays by date, not by entry order: a 任用 typed before its 入库 date is refused', () => {
    const r = replay([{ kind: '推荐', date: '2025-01-05' }, { kind: '任用', date: '2025-01-10', post: 'x' }, { kind: '入库', date: '2025-02-10' }]);
    expect(r.problem?.message).toContain('2025-01-10 任用');
  });

  it('refuses a second 出库 and a 调整 outside the pool', () => {
    expect(replay([...chain, { kind: '出库', date: '2025-05-01' }, { kind: '出库', date: '2025-06-01' }]).problem?.message).toContain('已出库的不能再次出库');
    expect(replay([{ kind: '推荐', date: '2025-01-05' }, { kind: '调整', date: '2025-01-06' }]).problem?.message).toContain('只有“在库”的后备人才才能调整');
  });

  it('a 调整 keeps the status and its date', () => {
    expect(replay([...chain, { kind: '调整', date: '2025-04-01', post: '书记后备' }])).toMatchObject({ status: '在库', statusOn: '2025-02-10' });
  });

  it('gives the status on a past day', () => {
    const events = [...chain, { kind: '出库' as const, date: '2025-05-01' }];
    expect(statusOn(events, '2025-01-31')).toBe('考察');
    expect(statusOn(events, '2025-04-30')).toBe('在库');
    expect(statusOn(events, '2025-05-01')).toBe('出库');
    expect(statusOn(events, '2024-12-31')).toBeNull();
  });
});
