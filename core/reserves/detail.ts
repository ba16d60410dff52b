/** One reserve with everything its person page and 一人一卡 show: status history, trainings, affairs, assessments. */
import { eq } from 'drizzle-orm';
import { people, reserves } from '../../db/schema';
import { today, type LedgerContext } from '../context';
import { notFound } from '../errors';
import { cachedStatement } from '../schema/statements';
import type { ReserveDetail, ReserveRow } from './schemas';
import { reserveWarnings } from './service';
import { rowColumns } from './list';

const TRAININGS_SQL = `SELECT t.id AS trainingId, t.type, t.title, t.host, t.start_on AS startOn, t.end_on AS endOn, t.hours,
  e.cost_fen AS costFen, t.cost_fen AS classCostFen, t.funding_source AS fundingSource, t.cost_item AS costItem, e.result, t.note,
  (SELECT count(*) FROM reserve_enrolments x WHERE x.training_id = t.id) AS classSize
  FROM reserve_enrolments e JOIN reserve_trainings t ON t.id = e.training_id
  WHERE e.reserve_id = ? AND t.deleted_at IS NULL ORDER BY t.start_on, t.id`;

const AFFAIRS_SQL = `SELECT a.id AS affairId, a.date, a.affair_type AS affairType, a.description
  FROM reserve_affair_participants x JOIN reserve_affairs a ON a.id = x.affair_id
  WHERE x.reserve_id = ? AND a.deleted_at IS NULL ORDER BY a.date, a.id`;

export function getReserve(ctx: LedgerContext, id: number): ReserveDetail {
  const facts = ctx.db.select().from(reserves).where(eq(reserves.id, id)).get();
  if (!facts || facts.deletedAt) throw notFound('后备人才');
  const on = today(ctx);
  const row = cachedStatement(ctx.sqlite, `SELECT ${rowColumns(on)} FROM reserves r JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id WHERE r.id = ?`).get(id) as ReserveRow;
  const person = ctx.db.select({ idNumber: people.idNumber, ethnicity: people.ethnicity, phone: people.phone, occupation: people.occupation }).from(people).where(eq(people.id, facts.personId)).get()!;
  const fromRecord = cachedStatement(
    ctx.sqlite,
    "SELECT 1 FROM member_state WHERE person_id = ? AND status IN ('入党积极分子', '发展对象', '预备党员', '正式党员') LIMIT 1",
    'pluck',
  ).get(facts.personId);
  return {
    row,
    facts: { ...facts, nominationMethod: facts.nominationMethod as ReserveDetail['facts']['nominationMethod'], politicalStatus: facts.politicalStatus as ReserveDetail['facts']['politicalStatus'] },
    person,
    politicalFromRecord: fromRecord !== undefined,
    events: (
      cachedStatement(ctx.sqlite, 'SELECT id, kind, date, reason, post, chain FROM reserve_events WHERE reserve_id = ? ORDER BY date, id').all(id) as (Omit<ReserveDetail['events'][number], 'chain'> & { chain: number })[]
    ).map((e) => ({ ...e, chain: e.chain === 1 })),
    trainings: cachedStatement(ctx.sqlite, TRAININGS_SQL).all(id) as ReserveDetail['trainings'],
    affairs: cachedStatement(ctx.sqlite, AFFAIRS_SQL).all(id) as ReserveDetail['affairs'],
    assessments: cachedStatement(
      ctx.sqlite,
      'SELECT id, period, points, rating, warning_talk_on AS warningTalkOn, note FROM reserve_assessments WHERE reserve_id = ? ORDER BY period',
    ).all(id) as ReserveDetail['assessments'],
    warnings: reserveWarnings(ctx, id),
  };
}
