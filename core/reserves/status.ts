/**
 * The status history's rules, pure so the form can say at once why a change is refused. The status is the result
 * of replaying the events in date order; a change that the replay refuses is refused at entry.
 */
import type { EventKind, ReserveStatus } from './codes';

export interface StatusEvent {
  kind: EventKind;
  date: string;
  post?: string | null;
}

/** Which status each event may follow, and where it leads. */
const MOVES: Record<EventKind, { from: readonly (ReserveStatus | null)[]; to: ReserveStatus | 'same' }> = {
  推荐: { from: [null], to: '推荐' },
  考察: { from: ['推荐'], to: '考察' },
  入库: { from: [null, '推荐', '考察', '出库'], to: '在库' },
  调整: { from: ['在库'], to: 'same' },
  任用: { from: ['在库'], to: '已任用' },
  出库: { from: ['推荐', '考察', '在库', '已任用'], to: '出库' },
};

const REFUSALS: Partial<Record<EventKind, string>> = {
  任用: '只有“在库”的后备人才才能任用；已出库的须先重新入库',
  调整: '只有“在库”的后备人才才能调整',
  考察: '考察须在推荐之后',
  推荐: '推荐只能是第一条记录',
  入库: '已在库或已任用的不能再次入库',
  出库: '已出库的不能再次出库',
};

export interface Replay {
  status: ReserveStatus | null;
  statusOn: string | null;
  appointedPost: string | null;
  /** The first event the rules refuse, with why. */
  problem: { index: number; message: string } | null;
}

/** Events in date order; same-day events keep their entry order (stable sort). */
export function sortEvents<T extends StatusEvent>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function replay(events: readonly StatusEvent[]): Replay {
  let status: ReserveStatus | null = null;
  let statusOn: string | null = null;
  let appointedPost: string | null = null;
  const ordered = sortEvents(events);
  for (let index = 0; index < ordered.length; index++) {
    const e = ordered[index]!;
    const move = MOVES[e.kind];
    if (!move.from.includes(status)) {
      return { status, statusOn, appointedPost, problem: { index, message: `${e.date} ${e.kind}：${REFUSALS[e.kind]}（当时状态：${status ?? '无'}）` } };
    }
    if (move.to !== 'same') {
      status = move.to;
      statusOn = e.date;
    }
    appointedPost = status === '已任用' ? (e.kind === '任用' ? (e.post ?? null) : appointedPost) : null;
  }
  return { status, statusOn, appointedPost, problem: null };
}

/** The status on a given day: the replay of the events dated on or before it. */
export function statusOn(events: readonly StatusEvent[], date: string): ReserveStatus | null {
  return replay(events.filter((e) => e.date <= date)).status;
}
