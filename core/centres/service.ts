/**
 * Writes to the centres. Each owns its transaction and audit entry and refreshes the centre's derived columns
 * before it commits (./state.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { centreFunds, centreMilestones, centreMoney, centreProgress, centres, orgUnits } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { invalid, notFound } from '../errors';
import { getCentreConfig } from './config';
import type { CentreConfig } from './config-schema';
import { splitProblem } from './money';
import { backSchedule, scheduleOrderProblem } from './schedule';
import type { centreInput, centreUpdate, milestoneDoneInput, moneyInput, progressInput, replanInput } from './schemas';
import { refreshCentres } from './state';

type Facts = z.output<typeof centreUpdate>;

function unitOf(ctx: LedgerContext, unitId: number) {
  const unit = ctx.db.select({ name: orgUnits.name, kind: orgUnits.kind, retiredAt: orgUnits.retiredAt }).from(orgUnits).where(eq(orgUnits.id, unitId)).get();
  if (!unit) throw invalid('所选村（社区）不存在', { unitId: '所选村（社区）不存在' });
  if (unit.retiredAt) throw invalid('所选村（社区）已撤销', { unitId: '所选村（社区）已撤销' });
  return unit;
}

/** What the clerk should weigh but may keep: below the area standard, a 改造类型 unlike the rule's suggestion. */
export function centreWarnings(facts: Omit<Facts, 'id'>, unitKind: string, config: CentreConfig): string[] {
  const s = config.standards;
  const community = unitKind === '社区';
  const out: string[] = [];
  const minArea = community ? s.communityArea : s.villageArea;
  const minHall = community ? s.communityHallArea : s.villageHallArea;
  if (facts.targetArea != null && facts.targetArea < minArea) out.push(`规划面积 ${facts.targetArea}㎡ 低于${community ? '社区' : '村'}标准 ${minArea}㎡`);
  if (facts.hallArea != null && facts.hallArea < minHall) out.push(`一厅式便民服务大厅 ${facts.hallArea}㎡ 低于标准 ${minHall}㎡`);
  if (facts.currentArea != null && facts.currentArea < s.expandBelowArea && facts.renovationType === '维修') {
    out.push(`现有面积 ${facts.currentArea}㎡ 不足 ${s.expandBelowArea}㎡，建议改扩建`);
  }
  return out;
}

function assertFacts(ctx: LedgerContext, facts: Omit<Facts, 'id'>, config: CentreConfig): void {
  const problem = splitProblem(facts.totalFen, facts.funds);
  if (problem) throw invalid(problem, { funds: problem });
  for (const f of facts.funds) {
    if (!config.fundingSources.includes(f.source)) throw invalid(`资金来源“${f.source}”不在列表中`, { funds: `可选：${config.fundingSources.join('、')}` });
  }
  const now = today(ctx);
  if (facts.assetRegisteredOn && facts.assetRegisteredOn > now) throw invalid('资产登记日期晚于今天', { assetRegisteredOn: '不能晚于今天' });
  for (const [step, date] of Object.entries(facts.decisionDates)) {
    if (date && date > now) throw invalid(`四议两公开“${step}”日期晚于今天`, { decisionDates: `${step}日期不能晚于今天` });
  }
}

function values(facts: Omit<Facts, 'id'>) {
  const { funds: _funds, ...rest } = facts;
  return { ...rest, rooms: JSON.stringify(facts.rooms), decisionDates: JSON.stringify(facts.decisionDates) };
}

function writeFunds(ctx: LedgerContext, centreId: number, funds: Facts['funds']): void {
  ctx.db.delete(centreFunds).where(eq(centreFunds.centreId, centreId)).run();
  for (const f of funds.filter((x) => x.fen > 0)) ctx.db.insert(centreFunds).values({ centreId, source: f.source, plannedFen: f.fen }).run();
}

export function proposeSchedule(ctx: LedgerContext, requiredOn: string) {
  const config = getCentreConfig(ctx);
  return backSchedule(requiredOn, config.milestones, config.calendar);
}

export function createCentre(ctx: LedgerContext, input: z.output<typeof centreInput>): { id: number; warnings: string[] } {
  return inTransaction(ctx, () => {
    const config = getCentreConfig(ctx);
    const unit = unitOf(ctx, input.unitId);
    const existing = ctx.db.select({ id: centres.id }).from(centres).where(and(eq(centres.unitId, input.unitId), isNull(centres.deletedAt))).get();
    if (existing) throw invalid(`${unit.name}已有服务中心改造记录`, { unitId: '该村（社区）已有记录' }, { existingCentreId: existing.id });
    assertFacts(ctx, input, config);
    const planned = input.milestones ?? backSchedule(input.requiredOn, config.milestones, config.calendar);
    const order = scheduleOrderProblem(planned);
    if (order) throw invalid(order.message, { milestones: order.message });
    const { milestones: _m, ...facts } = input;
    const row = ctx.db.insert(centres).values(values(facts)).returning({ id: centres.id }).get();
    writeFunds(ctx, row.id, input.funds);
    planned.forEach((m, i) => ctx.db.insert(centreMilestones).values({ centreId: row.id, seq: i + 1, name: m.name, plannedOn: m.plannedOn, baselineOn: m.plannedOn }).run());
    refreshCentres(ctx, [row.id]);
    recordAudit(ctx, { entity: 'centre', entityId: row.id, action: '新增', summary: `新增服务中心改造：${unit.name}（${input.renovationType}，要求 ${input.requiredOn} 完成）`, after: input });
    return { id: row.id, warnings: centreWarnings(input, unit.kind, config) };
  });
}

function liveCentre(ctx: LedgerContext, id: number) {
  const c = ctx.db.select().from(centres).where(eq(centres.id, id)).get();
  if (!c || c.deletedAt) throw notFound('服务中心');
  return c;
}

export function updateCentre(ctx: LedgerContext, input: z.output<typeof centreUpdate>): { id: number; warnings: string[] } {
  return inTransaction(ctx, () => {
    const before = liveCentre(ctx, input.id);
    const config = getCentreConfig(ctx);
    const unit = unitOf(ctx, input.unitId);
    assertFacts(ctx, input, config);
    const { id, ...facts } = input;
    ctx.db.update(centres).set({ ...values(facts), updatedAt: timestamp(ctx) }).where(eq(centres.id, id)).run();
    writeFunds(ctx, id, input.funds);
    refreshCentres(ctx, [id]);
    recordAudit(ctx, { entity: 'centre', entityId: id, action: '修改', summary: `修改服务中心改造：${unit.name}`, before, after: input });
    return { id, warnings: centreWarnings(input, unit.kind, config) };
  });
}

/** Re-planned dates replace the plan; the baseline (the first plan) stays for plan-against-actual. */
export function replan(ctx: LedgerContext, input: z.output<typeof replanInput>): { id: number } {
  return inTransaction(ctx, () => {
    liveCentre(ctx, input.centreId);
    const current = ctx.db.select().from(centreMilestones).where(eq(centreMilestones.centreId, input.centreId)).orderBy(centreMilestones.seq).all();
    const next = current.map((m) => ({ ...m, plannedOn: input.milestones.find((x) => x.seq === m.seq)?.plannedOn ?? m.plannedOn }));
    const unknown = input.milestones.find((x) => !current.some((m) => m.seq === x.seq));
    if (unknown) throw invalid(`没有第 ${unknown.seq} 个节点`);
    const order = scheduleOrderProblem(next);
    if (order) throw invalid(order.message, { milestones: order.message });
    for (const m of next) ctx.db.update(centreMilestones).set({ plannedOn: m.plannedOn, updatedAt: timestamp(ctx) }).where(eq(centreMilestones.id, m.id)).run();
    refreshCentres(ctx, [input.centreId]);
    recordAudit(ctx, { entity: 'centre_milestone', entityId: input.centreId, action: '修改', summary: `调整计划工期${input.reason ? `：${input.reason}` : ''}`, before: current, after: next });
    return { id: input.centreId };
  });
}

/** Marks a milestone done on a day (or not done again, with null). Done milestones must keep their order. */
export function recordMilestone(ctx: LedgerContext, input: z.output<typeof milestoneDoneInput>): { id: number } {
  return inTransaction(ctx, () => {
    liveCentre(ctx, input.centreId);
    const all = ctx.db.select().from(centreMilestones).where(eq(centreMilestones.centreId, input.centreId)).orderBy(centreMilestones.seq).all();
    const m = all.find((x) => x.seq === input.seq);
    if (!m) throw notFound('节点');
    if (input.actualOn && input.actualOn > today(ctx)) throw invalid('完成日期晚于今天', { actualOn: '完成日期不能晚于今天' });
    if (input.actualOn) {
      const earlierLater = all.filter((x) => x.seq < m.seq && x.actualOn && x.actualOn > input.actualOn!);
      if (earlierLater.length) throw invalid(`“${m.name}”完成日期 ${input.actualOn} 早于前一节点“${earlierLater[0]!.name}”的完成日期 ${earlierLater[0]!.actualOn}`, { actualOn: '早于前面节点的完成日期' });
      const laterEarlier = all.filter((x) => x.seq > m.seq && x.actualOn && x.actualOn < input.actualOn!);
      if (laterEarlier.length) throw invalid(`“${m.name}”完成日期 ${input.actualOn} 晚于后面节点“${laterEarlier[0]!.name}”的完成日期 ${laterEarlier[0]!.actualOn}`, { actualOn: '晚于后面节点的完成日期' });
    }
    ctx.db.update(centreMilestones).set({ actualOn: input.actualOn, note: input.note ?? m.note, updatedAt: timestamp(ctx) }).where(eq(centreMilestones.id, m.id)).run();
    refreshCentres(ctx, [input.centreId]);
    recordAudit(ctx, { entity: 'centre_milestone', entityId: input.centreId, action: '记录', summary: input.actualOn ? `“${m.name}”完成于 ${input.actualOn}` : `撤销“${m.name}”的完成日期`, before: m, after: input });
    return { id: m.id };
  });
}

/** Progress may go down only with a note saying why (a wall taken down again, a survey that corrected it). */
export function addProgress(ctx: LedgerContext, input: z.output<typeof progressInput>): { id: number } {
  return inTransaction(ctx, () => {
    liveCentre(ctx, input.centreId);
    if (input.date > today(ctx)) throw invalid('日期晚于今天', { date: '进度日期不能晚于今天' });
    const previous = ctx.db
      .select({ date: centreProgress.date, percent: centreProgress.percent })
      .from(centreProgress)
      .where(and(eq(centreProgress.centreId, input.centreId), isNull(centreProgress.deletedAt)))
      .all()
      .filter((p) => p.date <= input.date)
      .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    if (previous && input.percent < previous.percent && !input.note) {
      throw invalid(`形象进度 ${input.percent}% 低于 ${previous.date} 的 ${previous.percent}%，进度回退须写明原因`, { note: '进度回退须写明原因' });
    }
    const row = ctx.db.insert(centreProgress).values({ centreId: input.centreId, date: input.date, percent: input.percent, note: input.note }).returning({ id: centreProgress.id }).get();
    refreshCentres(ctx, [input.centreId]);
    recordAudit(ctx, { entity: 'centre_progress', entityId: input.centreId, action: '记录', summary: `形象进度 ${input.percent}%（${input.date}）`, after: input });
    return { id: row.id };
  });
}

export function removeProgress(ctx: LedgerContext, id: number, deleted = true): { id: number } {
  return inTransaction(ctx, () => {
    const p = ctx.db.select().from(centreProgress).where(eq(centreProgress.id, id)).get();
    if (!p) throw notFound('进度记录');
    ctx.db.update(centreProgress).set({ deletedAt: deleted ? timestamp(ctx) : null, updatedAt: timestamp(ctx) }).where(eq(centreProgress.id, id)).run();
    refreshCentres(ctx, [p.centreId]);
    recordAudit(ctx, { entity: 'centre_progress', entityId: p.centreId, action: deleted ? '删除' : '恢复', summary: `${deleted ? '删除' : '恢复'}形象进度记录（${p.date}，${p.percent}%）`, before: p });
    return { id };
  });
}

export function addMoney(ctx: LedgerContext, input: z.output<typeof moneyInput>): { id: number; warnings: string[] } {
  return inTransaction(ctx, () => {
    liveCentre(ctx, input.centreId);
    const config = getCentreConfig(ctx);
    if (!config.fundingSources.includes(input.source)) throw invalid(`资金来源“${input.source}”不在列表中`, { source: `可选：${config.fundingSources.join('、')}` });
    if (input.date > today(ctx)) throw invalid('日期晚于今天', { date: '日期不能晚于今天' });
    const row = ctx.db.insert(centreMoney).values(input).returning({ id: centreMoney.id }).get();
    const sums = ctx.sqlite
      .prepare(
        `SELECT coalesce((SELECT planned_fen FROM centre_funds WHERE centre_id = @c AND source = @s), 0) AS planned,
           coalesce((SELECT sum(amount_fen) FROM centre_money WHERE centre_id = @c AND source = @s AND kind = '下拨'), 0) AS allocated,
           coalesce((SELECT sum(amount_fen) FROM centre_money WHERE centre_id = @c AND source = @s AND kind = '支付'), 0) AS paid`,
      )
      .get({ c: input.centreId, s: input.source }) as { planned: number; allocated: number; paid: number };
    const warnings: string[] = [];
    if (sums.allocated > sums.planned) warnings.push(`${input.source}累计下拨已超过计划投资`);
    if (sums.paid > sums.allocated) warnings.push(`${input.source}累计支付已超过累计下拨`);
    recordAudit(ctx, { entity: 'centre_money', entityId: input.centreId, action: '记录', summary: `资金${input.kind}：${input.source} ${(input.amountFen / 100).toFixed(2)} 元（${input.date}）`, after: input });
    return { id: row.id, warnings };
  });
}

export function removeMoney(ctx: LedgerContext, id: number): { id: number } {
  return inTransaction(ctx, () => {
    const m = ctx.db.select().from(centreMoney).where(eq(centreMoney.id, id)).get();
    if (!m) throw notFound('资金记录');
    ctx.db.delete(centreMoney).where(eq(centreMoney.id, id)).run();
    recordAudit(ctx, { entity: 'centre_money', entityId: m.centreId, action: '删除', summary: `删除资金${m.kind}记录（${m.source}，${m.date}）`, before: m });
    return { id: m.centreId };
  });
}

export function setCentreDeleted(ctx: LedgerContext, id: number, deleted: boolean): { id: number } {
  return inTransaction(ctx, () => {
    const c = ctx.db.select().from(centres).where(eq(centres.id, id)).get();
    if (!c) throw notFound('服务中心');
    if (!deleted) {
      const other = ctx.db.select({ id: centres.id }).from(centres).where(and(eq(centres.unitId, c.unitId), isNull(centres.deletedAt))).get();
      if (other) throw invalid('该村（社区）已有另一条服务中心记录，不能恢复');
    }
    ctx.db.update(centres).set({ deletedAt: deleted ? timestamp(ctx) : null, updatedAt: timestamp(ctx) }).where(eq(centres.id, id)).run();
    recordAudit(ctx, { entity: 'centre', entityId: id, action: deleted ? '删除' : '恢复', summary: `${deleted ? '删除' : '恢复'}服务中心改造记录` });
    return { id };
  });
}
