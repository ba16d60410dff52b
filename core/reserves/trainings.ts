/**
 * Training classes and placements, and village affairs: one write enrols or records many reserves at once, and
 * a class's cost is split over its trainees to the 分 (./money.ts).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { people, reserveAffairParticipants, reserveAffairs, reserveEnrolments, reserveTrainings, reserves } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { invalid, notFound } from '../errors';
import { getReserveConfig } from './config';
import { splitFen } from './money';
import type { affairInput, enrolmentResultInput, trainingInput, trainingUpdate } from './schemas';
import { refreshReserves } from './state';

/** The reserves, live and in the order given, with their names for the audit line. */
function liveReserves(ctx: LedgerContext, ids: readonly number[]): { id: number; name: string }[] {
  const rows = ctx.db
    .select({ id: reserves.id, name: people.name })
    .from(reserves)
    .innerJoin(people, eq(people.id, reserves.personId))
    .where(and(inArray(reserves.id, [...ids]), isNull(reserves.deletedAt), isNull(people.deletedAt)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw invalid(`有 ${missing.length} 名所选后备人才不存在或已删除，请刷新后重新选择`, { reserveIds: '所选人员有误' });
  return ids.map((id) => byId.get(id)!);
}

function namesText(list: { name: string }[]): string {
  const shown = list.slice(0, 5).map((r) => r.name).join('、');
  return list.length > 5 ? `${shown} 等 ${list.length} 人` : shown;
}

/** A class's facts as stored, checked against the township's lists (type, funding source) and today. */
function trainingFacts(ctx: LedgerContext, input: z.output<typeof trainingUpdate> | z.output<typeof trainingInput>) {
  const config = getReserveConfig(ctx);
  if (!config.trainingTypes.includes(input.type)) throw invalid(`培养类型“${input.type}”不在列表中`, { type: `可选：${config.trainingTypes.join('、')}` });
  if (input.fundingSource && !config.fundingSources.includes(input.fundingSource)) {
    throw invalid(`经费来源“${input.fundingSource}”不在列表中`, { fundingSource: `可选：${config.fundingSources.join('、')}` });
  }
  if (input.startOn > today(ctx)) throw invalid('开始日期晚于今天', { startOn: '开始（入学）日期不能晚于今天' });
  return {
    type: input.type,
    title: input.title,
    host: input.host,
    startOn: input.startOn,
    endOn: input.endOn ?? null,
    hours: input.hours,
    costFen: input.costFen,
    fundingSource: input.fundingSource ?? null,
    costItem: input.costItem ?? null,
    note: input.note,
  };
}

export function addTraining(ctx: LedgerContext, input: z.output<typeof trainingInput>): { id: number; shares: { reserveId: number; costFen: number }[] } {
  return inTransaction(ctx, () => {
    const enrolled = liveReserves(ctx, input.reserveIds);
    const training = ctx.db
      .insert(reserveTrainings)
      .values(trainingFacts(ctx, input))
      .returning({ id: reserveTrainings.id })
      .get();
    const shares = splitFen(input.costFen, enrolled.length);
    enrolled.forEach((r, i) => {
      ctx.db.insert(reserveEnrolments).values({ trainingId: training.id, reserveId: r.id, seq: i + 1, costFen: shares[i]! }).run();
    });
    refreshReserves(ctx, input.reserveIds);
    recordAudit(ctx, {
      entity: 'reserve_training',
      entityId: training.id,
      action: '新增',
      summary: `${input.type}${input.title ? `“${input.title}”` : ''}：${namesText(enrolled)}`,
      after: input,
    });
    return { id: training.id, shares: enrolled.map((r, i) => ({ reserveId: r.id, costFen: shares[i]! })) };
  });
}

export function removeTraining(ctx: LedgerContext, id: number, deleted = true): { id: number } {
  return inTransaction(ctx, () => {
    const t = ctx.db.select().from(reserveTrainings).where(eq(reserveTrainings.id, id)).get();
    if (!t) throw notFound('培养记录');
    ctx.db.update(reserveTrainings).set({ deletedAt: deleted ? timestamp(ctx) : null, updatedAt: timestamp(ctx) }).where(eq(reserveTrainings.id, id)).run();
    const ids = ctx.db.select({ id: reserveEnrolments.reserveId }).from(reserveEnrolments).where(eq(reserveEnrolments.trainingId, id)).all();
    refreshReserves(ctx, ids.map((r) => r.id));
    recordAudit(ctx, { entity: 'reserve_training', entityId: id, action: deleted ? '删除' : '恢复', summary: `${deleted ? '删除' : '恢复'}${t.type}记录（${t.startOn}，${ids.length} 人）`, before: t });
    return { id };
  });
}

export function addAffair(ctx: LedgerContext, input: z.output<typeof affairInput>): { id: number } {
  return inTransaction(ctx, () => {
    const config = getReserveConfig(ctx);
    if (!config.affairTypes.includes(input.affairType)) throw invalid(`事务类型“${input.affairType}”不在列表中`, { affairType: `可选：${config.affairTypes.join('、')}` });
    if (input.date > today(ctx)) throw invalid('日期晚于今天', { date: '参与日期不能晚于今天' });
    const list = liveReserves(ctx, input.reserveIds);
    const affair = ctx.db
      .insert(reserveAffairs)
      .values({ date: input.date, affairType: input.affairType, description: input.description })
      .returning({ id: reserveAffairs.id })
      .get();
    for (const r of list) ctx.db.insert(reserveAffairParticipants).values({ affairId: affair.id, reserveId: r.id }).run();
    refreshReserves(ctx, input.reserveIds);
    recordAudit(ctx, { entity: 'reserve_affair', entityId: affair.id, action: '新增', summary: `村级事务（${input.affairType}，${input.date}）：${namesText(list)}`, after: input });
    return { id: affair.id };
  });
}

export function removeAffair(ctx: LedgerContext, id: number, deleted = true): { id: number } {
  return inTransaction(ctx, () => {
    const a = ctx.db.select().from(reserveAffairs).where(eq(reserveAffairs.id, id)).get();
    if (!a) throw notFound('村级事务记录');
    ctx.db.update(reserveAffairs).set({ deletedAt: deleted ? timestamp(ctx) : null, updatedAt: timestamp(ctx) }).where(eq(reserveAffairs.id, id)).run();
    const ids = ctx.db.select({ id: reserveAffairParticipants.reserveId }).from(reserveAffairParticipants).where(eq(reserveAffairParticipants.affairId, id)).all();
    refreshReserves(ctx, ids.map((r) => r.id));
    const action = deleted ? '删除' : '恢复';
    recordAudit(ctx, { entity: 'reserve_affair', entityId: id, action, summary: `${action}村级事务记录（${a.affairType}，${a.date}）`, before: a });
    return { id };
  });
}

/**
 * Corrects a class's facts. Its trainees stay; a changed cost is split again over them in their list order, so the
 * shares still add up to the new total.
 */
export function updateTraining(ctx: LedgerContext, input: z.output<typeof trainingUpdate>): { id: number; shares: { reserveId: number; costFen: number }[] } {
  return inTransaction(ctx, () => {
    const before = ctx.db.select().from(reserveTrainings).where(eq(reserveTrainings.id, input.id)).get();
    if (!before || before.deletedAt) throw notFound('培养记录');
    ctx.db
      .update(reserveTrainings)
      .set({ ...trainingFacts(ctx, input), updatedAt: timestamp(ctx) })
      .where(eq(reserveTrainings.id, input.id))
      .run();
    const enrolled = ctx.db
      .select({ id: reserveEnrolments.id, reserveId: reserveEnrolments.reserveId })
      .from(reserveEnrolments)
      .where(eq(reserveEnrolments.trainingId, input.id))
      .orderBy(reserveEnrolments.seq)
      .all();
    const shares = splitFen(input.costFen, enrolled.length);
    enrolled.forEach((e, i) => ctx.db.update(reserveEnrolments).set({ costFen: shares[i]! }).where(eq(reserveEnrolments.id, e.id)).run());
    refreshReserves(ctx, enrolled.map((e) => e.reserveId));
    recordAudit(ctx, { entity: 'reserve_training', entityId: input.id, action: '修改', summary: `修改${input.type}记录（${input.startOn}，${enrolled.length} 人）`, before, after: input });
    return { id: input.id, shares: enrolled.map((e, i) => ({ reserveId: e.reserveId, costFen: shares[i]! })) };
  });
}

/** One trainee's 结业情况 or certificate number. */
export function setEnrolmentResult(ctx: LedgerContext, input: z.output<typeof enrolmentResultInput>): { id: number } {
  return inTransaction(ctx, () => {
    const row = ctx.db
      .select({ id: reserveEnrolments.id })
      .from(reserveEnrolments)
      .where(and(eq(reserveEnrolments.trainingId, input.trainingId), eq(reserveEnrolments.reserveId, input.reserveId)))
      .get();
    if (!row) throw notFound('该人员的培养记录');
    ctx.db.update(reserveEnrolments).set({ result: input.result }).where(eq(reserveEnrolments.id, row.id)).run();
    recordAudit(ctx, { entity: 'reserve_training', entityId: input.trainingId, action: '修改', summary: `记录结业情况：${input.result ?? '（清空）'}`, after: input });
    return { id: row.id };
  });
}
