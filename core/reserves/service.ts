/**
 * Writes to the reserve register. Each owns its transaction and audit entry, and refreshes the derived columns
 * of every reserve it touches before it commits (./state.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { orgUnits, people, reserveEvents, reserves } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { invalid, notFound } from '../errors';
import { cachedStatement } from '../schema/statements';
import { getReserveConfig } from './config';
import type { ReserveConfig } from './config-schema';
import { eligibilityWarnings } from './eligibility';
import type { reserveInput, reserveUpdate, statusChangeInput } from './schemas';
import { refreshReserves } from './state';

type ReserveFacts = Omit<z.output<typeof reserveInput>, 'personId'>;

function assertNotFuture(ctx: LedgerContext, fields: Record<string, string | null | undefined>, labels: Record<string, string>): void {
  const now = today(ctx);
  for (const [key, value] of Object.entries(fields)) {
    if (value && value > now) throw invalid(`${labels[key]}（${value}）晚于今天`, { [key]: `${labels[key]}不能晚于今天（${now}）` });
  }
}

const CHAIN_LABELS = { nominatedOn: '推荐日期', villageReviewOn: '考察初审日期', townReviewOn: '复审（入库）日期', filedOn: '备案日期' };

function assertInLists(config: ReserveConfig, facts: Pick<ReserveFacts, 'postDirection' | 'source'>): void {
  if (!config.postDirections.includes(facts.postDirection)) {
    throw invalid(`岗位方向“${facts.postDirection}”不在本乡镇的岗位方向列表中`, { postDirection: `可选：${config.postDirections.join('、')}` });
  }
  if (!config.sources.includes(facts.source)) {
    throw invalid(`来源类别“${facts.source}”不在本乡镇的来源类别列表中`, { source: `可选：${config.sources.join('、')}` });
  }
}

function assertVillage(ctx: LedgerContext, unitId: number): void {
  const unit = ctx.db.select({ retiredAt: orgUnits.retiredAt }).from(orgUnits).where(eq(orgUnits.id, unitId)).get();
  if (!unit) throw invalid('所选村（社区）不存在', { unitId: '所选村（社区）不存在' });
  if (unit.retiredAt) throw invalid('所选村（社区）已撤销', { unitId: '所选村（社区）已撤销' });
}

function factValues(facts: ReserveFacts) {
  return {
    unitId: facts.unitId,
    postDirection: facts.postDirection,
    source: facts.source,
    crossVillage: facts.crossVillage,
    nominationMethod: facts.nominationMethod,
    nominatedBy: facts.nominatedBy,
    nominatedOn: facts.nominatedOn,
    villageReviewOn: facts.villageReviewOn ?? null,
    townReviewOn: facts.townReviewOn ?? null,
    filedOn: facts.filedOn ?? null,
    mentorName: facts.mentorName,
    mentorPost: facts.mentorPost,
    politicalStatus: facts.politicalStatus ?? null,
    underDiscipline: facts.underDiscipline,
    unqualifiedYear: facts.unqualifiedYear ?? null,
    note: facts.note,
  };
}

/** The 推荐 / 考察 / first 入库 events follow the review-chain dates; manual events (任用, 出库, re-entry) stay. */
function writeChainEvents(ctx: LedgerContext, reserveId: number, facts: ReserveFacts): void {
  ctx.db.delete(reserveEvents).where(and(eq(reserveEvents.reserveId, reserveId), eq(reserveEvents.chain, true))).run();
  const chain: { kind: '推荐' | '考察' | '入库'; date: string | null | undefined; reason: string }[] = [
    { kind: '推荐', date: facts.nominatedOn, reason: `${facts.nominationMethod}${facts.nominatedBy ? `（${facts.nominatedBy}）` : ''}` },
    { kind: '考察', date: facts.villageReviewOn, reason: '村党组织考察初审' },
    { kind: '入库', date: facts.townReviewOn, reason: '乡镇党委复审通过' },
  ];
  for (const e of chain) {
    if (e.date) ctx.db.insert(reserveEvents).values({ reserveId, kind: e.kind, date: e.date, reason: e.reason, chain: true }).run();
  }
}

function personFacts(ctx: LedgerContext, personId: number) {
  const person = ctx.db
    .select({ name: people.name, birthDate: people.birthDate, education: people.education, deletedAt: people.deletedAt })
    .from(people)
    .where(eq(people.id, personId))
    .get();
  if (!person) throw notFound('人员');
  return person;
}

/** Warnings of the local criteria, judged on the 入库 (or 推荐) day: they inform, never refuse. */
export function reserveWarnings(ctx: LedgerContext, reserveId: number): string[] {
  const r = ctx.db.select().from(reserves).where(eq(reserves.id, reserveId)).get();
  if (!r) return [];
  const p = personFacts(ctx, r.personId);
  const config = getReserveConfig(ctx);
  const on = r.townReviewOn ?? r.nominatedOn;
  const warnings = eligibilityWarnings({ birthDate: p.birthDate, education: p.education, underDiscipline: r.underDiscipline, unqualifiedYear: r.unqualifiedYear }, config.eligibility, on);
  const failing = cachedStatement(ctx.sqlite, "SELECT period FROM reserve_assessments WHERE reserve_id = ? AND rating = '不合格' ORDER BY period DESC LIMIT 1", 'pluck').get(reserveId) as string | undefined;
  if (failing && (r.status === '在库' || r.status === '考察' || r.status === '推荐')) warnings.push(`${failing} 年度考核不合格，建议出库`);
  return warnings;
}

export function createReserve(ctx: LedgerContext, input: z.output<typeof reserveInput>): { id: number; warnings: string[] } {
  return inTransaction(ctx, () => {
    const config = getReserveConfig(ctx);
    const person = personFacts(ctx, input.personId);
    if (person.deletedAt) throw invalid('该人员已删除，请先在人员库恢复', { personId: '该人员已删除' });
    assertInLists(config, input);
    assertVillage(ctx, input.unitId);
    assertNotFuture(ctx, { nominatedOn: input.nominatedOn, villageReviewOn: input.villageReviewOn, townReviewOn: input.townReviewOn, filedOn: input.filedOn }, CHAIN_LABELS);
    const existing = ctx.db
      .select({ id: reserves.id, status: reserves.status })
      .from(reserves)
      .where(and(eq(reserves.personId, input.personId), isNull(reserves.deletedAt)))
      .get();
    if (existing) {
      throw invalid(`${person.name}已在后备人才名册中（当前状态：${existing.status}）。再次入库请在其个人页面办理“重新入库”。`, { personId: '已在后备人才名册中' }, { existingReserveId: existing.id });
    }
    const row = ctx.db
      .insert(reserves)
      .values({ personId: input.personId, ...factValues(input), status: '推荐', statusOn: input.nominatedOn })
      .returning({ id: reserves.id })
      .get();
    writeChainEvents(ctx, row.id, input);
    refreshReserves(ctx, [row.id]);
    recordAudit(ctx, { entity: 'reserve', entityId: row.id, action: '新增', summary: `新增后备人才：${person.name}（${input.postDirection}）`, after: input });
    return { id: row.id, warnings: reserveWarnings(ctx, row.id) };
  });
}

function liveReserve(ctx: LedgerContext, id: number) {
  const r = ctx.db.select().from(reserves).where(eq(reserves.id, id)).get();
  if (!r) throw notFound('后备人才');
  return r;
}

function nameOf(ctx: LedgerContext, personId: number): string {
  return personFacts(ctx, personId).name;
}

export function updateReserve(ctx: LedgerContext, input: z.output<typeof reserveUpdate>): { id: number; warnings: string[] } {
  return inTransaction(ctx, () => {
    const before = liveReserve(ctx, input.id);
    if (before.deletedAt) throw invalid('该后备人才已删除，请先恢复再修改');
    const config = getReserveConfig(ctx);
    assertInLists(config, input);
    if (input.unitId !== before.unitId) assertVillage(ctx, input.unitId);
    assertNotFuture(ctx, { nominatedOn: input.nominatedOn, villageReviewOn: input.villageReviewOn, townReviewOn: input.townReviewOn, filedOn: input.filedOn }, CHAIN_LABELS);
    ctx.db.update(reserves).set({ ...factValues(input), updatedAt: timestamp(ctx) }).where(eq(reserves.id, input.id)).run();
    writeChainEvents(ctx, input.id, input);
    refreshReserves(ctx, [input.id]);
    recordAudit(ctx, { entity: 'reserve', entityId: input.id, action: '修改', summary: `修改后备人才：${nameOf(ctx, before.personId)}`, before, after: input });
    return { id: input.id, warnings: reserveWarnings(ctx, input.id) };
  });
}

/** 调整 / 任用 / 出库 / 重新入库: a new line of the 动态调整台账; the replay refuses an impossible order. */
export function changeStatus(ctx: LedgerContext, input: z.output<typeof statusChangeInput>): { id: number } {
  return inTransaction(ctx, () => {
    const r = liveReserve(ctx, input.reserveId);
    if (r.deletedAt) throw invalid('该后备人才已删除');
    assertNotFuture(ctx, { date: input.date }, { date: `${input.kind}日期` });
    if (input.kind === '调整' && input.post) {
      const config = getReserveConfig(ctx);
      if (!config.postDirections.includes(input.post)) throw invalid(`岗位方向“${input.post}”不在列表中`, { post: `可选：${config.postDirections.join('、')}` });
      ctx.db.update(reserves).set({ postDirection: input.post, updatedAt: timestamp(ctx) }).where(eq(reserves.id, r.id)).run();
    }
    const row = ctx.db
      .insert(reserveEvents)
      .values({ reserveId: r.id, kind: input.kind, date: input.date, reason: input.reason, post: input.post })
      .returning({ id: reserveEvents.id })
      .get();
    refreshReserves(ctx, [r.id]);
    const label = input.kind === '入库' ? '重新入库' : input.kind;
    recordAudit(ctx, { entity: 'reserve_event', entityId: r.id, action: '记录', summary: `${nameOf(ctx, r.personId)}：${label}（${input.date}）${input.reason ? `，${input.reason}` : ''}`, after: input });
    return { id: row.id };
  });
}

/** Takes back a mistyped 调整 / 任用 / 出库 line. Review-chain lines follow the record's dates instead. */
export function removeEvent(ctx: LedgerContext, eventId: number): { id: number } {
  return inTransaction(ctx, () => {
    const e = ctx.db.select().from(reserveEvents).where(eq(reserveEvents.id, eventId)).get();
    if (!e) throw notFound('动态调整记录');
    if (e.chain) throw invalid('推荐、考察和首次入库记录随基本信息中的日期变化，请修改基本信息中的日期');
    const r = liveReserve(ctx, e.reserveId);
    ctx.db.delete(reserveEvents).where(eq(reserveEvents.id, eventId)).run();
    refreshReserves(ctx, [e.reserveId]);
    recordAudit(ctx, { entity: 'reserve_event', entityId: e.reserveId, action: '撤销', summary: `${nameOf(ctx, r.personId)}：撤销${e.kind}记录（${e.date}）`, before: e });
    return { id: e.reserveId };
  });
}

export function setReserveDeleted(ctx: LedgerContext, id: number, deleted: boolean): { id: number } {
  return inTransaction(ctx, () => {
    const r = liveReserve(ctx, id);
    if (!deleted) {
      const other = ctx.db
        .select({ id: reserves.id })
        .from(reserves)
        .where(and(eq(reserves.personId, r.personId), isNull(reserves.deletedAt)))
        .get();
      if (other) throw invalid('该人员已有另一条后备人才记录，不能恢复');
    }
    ctx.db.update(reserves).set({ deletedAt: deleted ? timestamp(ctx) : null, updatedAt: timestamp(ctx) }).where(eq(reserves.id, id)).run();
    const action = deleted ? '删除' : '恢复';
    recordAudit(ctx, { entity: 'reserve', entityId: id, action, summary: `${action}后备人才：${nameOf(ctx, r.personId)}` });
    return { id };
  });
}

/** Deleted reserve records, newest first, for the 已删除 list that restores them. */
export function listDeletedReserves(ctx: LedgerContext): { id: number; name: string; unitName: string; status: string; deletedAt: string }[] {
  return cachedStatement(
    ctx.sqlite,
    `SELECT r.id, p.name, u.name AS unitName, r.status, r.deleted_at AS deletedAt FROM reserves r
     JOIN people p ON p.id = r.person_id JOIN org_units u ON u.id = r.unit_id WHERE r.deleted_at IS NOT NULL ORDER BY r.deleted_at DESC, r.id DESC`,
  ).all() as { id: number; name: string; unitName: string; status: string; deletedAt: string }[];
}
