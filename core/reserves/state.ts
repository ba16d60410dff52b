/**
 * The reserve's derived columns (status, training and affair totals, the name key), rewritten by every service
 * that changes their facts, in the same transaction, so lists and reports read them with SQL alone.
 */
import type { LedgerContext } from '../context';
import { invalid } from '../errors';
import { cachedStatement } from '../schema/statements';
import type { EventKind } from './codes';
import { replay } from './status';

interface EventRow {
  kind: EventKind;
  date: string;
  post: string | null;
}

const EVENTS_SQL = 'SELECT kind, date, post FROM reserve_events WHERE reserve_id = ? ORDER BY date, id';

const UPDATE_SQL = `
UPDATE reserves SET
  status = @status, status_on = @statusOn, appointed_post = @appointedPost,
  training_count = (SELECT count(*) FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id
                    WHERE e.reserve_id = reserves.id AND t.deleted_at IS NULL),
  training_hours = (SELECT coalesce(sum(t.hours), 0) FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id
                    WHERE e.reserve_id = reserves.id AND t.deleted_at IS NULL),
  affair_count = (SELECT count(*) FROM reserve_affair_participants p JOIN reserve_affairs a ON a.id = p.affair_id
                  WHERE p.reserve_id = reserves.id AND a.deleted_at IS NULL),
  name_key = coalesce((SELECT sort_key FROM people WHERE people.id = reserves.person_id), ''),
  person_name = (SELECT name FROM people WHERE people.id = reserves.person_id),
  person_live = (SELECT deleted_at IS NULL FROM people WHERE people.id = reserves.person_id),
  gender = (SELECT gender FROM people WHERE people.id = reserves.person_id),
  birth_date = (SELECT birth_date FROM people WHERE people.id = reserves.person_id),
  education = (SELECT education FROM people WHERE people.id = reserves.person_id),
  unit_order = coalesce((SELECT sort_order FROM org_units WHERE org_units.id = reserves.unit_id), 0)
WHERE id = @id`;

/** Replays each reserve's history; a history the rules refuse aborts the caller's transaction with why. */
export function refreshReserves(ctx: LedgerContext, ids: Iterable<number>): void {
  const events = cachedStatement(ctx.sqlite, EVENTS_SQL);
  const update = cachedStatement(ctx.sqlite, UPDATE_SQL);
  for (const id of new Set(ids)) {
    const history = events.all(id) as EventRow[];
    const r = replay(history);
    if (r.problem) throw invalid(`动态调整记录有误：${r.problem.message}`, { date: r.problem.message });
    if (!r.status) throw invalid('后备人才至少要有推荐记录');
    update.run({ id, status: r.status, statusOn: r.statusOn, appointedPost: r.appointedPost });
  }
}

/** Every reserve of these people: the copied facts follow an edit, deletion or restore of the person. */
export function refreshReservesOfPeople(ctx: LedgerContext, personIds: readonly number[]): void {
  const find = cachedStatement(ctx.sqlite, 'SELECT id FROM reserves WHERE person_id = ?', 'pluck');
  refreshReserves(
    ctx,
    personIds.flatMap((p) => find.all(p) as number[]),
  );
}

/** Every reserve of a village: its order and name follow a merge. */
export function refreshReservesOfUnit(ctx: LedgerContext, unitId: number): void {
  refreshReserves(ctx, cachedStatement(ctx.sqlite, 'SELECT id FROM reserves WHERE unit_id = ?', 'pluck').all(unitId) as number[]);
}
