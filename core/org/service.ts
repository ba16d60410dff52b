import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import { branches, centres, orgUnits, people, reserves } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { refreshReservesOfUnit } from '../reserves/state';
import { refreshCentresOfUnit } from '../centres/state';
import { inTransaction, timestamp, type LedgerContext } from '../context';
import { LedgerError, invalid, notFound } from '../errors';
import type { BranchKind, UnitKind } from '../people/codes';
import type { Branch, Unit, branchInput, branchPatch, setupInput, unitInput, unitPatch } from './schemas';
import { getSettings, isSetUp, writeSettings } from './settings';

export function setup(ctx: LedgerContext, input: z.output<typeof setupInput>) {
  return inTransaction(ctx, () => {
    if (isSetUp(ctx)) throw new LedgerError('CONFLICT', '本单位已完成首次设置，如需修改请到“组织设置”。');
    assertNoDuplicateNames(input.units.map((u) => u.name));
    writeSettings(ctx, {
      countyName: input.countyName,
      townName: input.townName,
      unitName: input.unitName,
      fillerName: input.fillerName,
      reviewerName: input.reviewerName,
      phone: input.phone,
      setUp: true,
      ...(input.mode === 'county' ? { mode: 'county' as const, townName: '', countyTowns: input.countyTowns ?? [] } : {}),
      ...(input.countyKey ? { countyKey: input.countyKey } : {}),
    });
    const branchNames: string[] = [];
    input.units.forEach((u, i) => {
      const unit = ctx.db.insert(orgUnits).values({ name: u.name, kind: u.kind, sortOrder: i + 1 }).returning({ id: orgUnits.id }).get();
      if (u.branchName) {
        ctx.db.insert(branches).values({ unitId: unit.id, name: u.branchName, kind: '党支部' }).run();
        branchNames.push(u.branchName);
      }
    });
    const after = getSettings(ctx);
    recordAudit(ctx, {
      entity: 'settings',
      action: '首次设置',
      summary: `首次设置：${input.townName}，村（社区）${input.units.length} 个，党支部 ${branchNames.length} 个`,
      after: { ...after, units: input.units.map((u) => u.name), branches: branchNames },
    });
    return after;
  });
}

function assertNoDuplicateNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw invalid(`村（社区）名称重复：${name}`);
    seen.add(name);
  }
}

const mergedInto = alias(orgUnits, 'merged_into');

export function listUnits(ctx: LedgerContext, includeRetired: boolean): Unit[] {
  const rows = ctx.db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      code: orgUnits.code,
      sortOrder: orgUnits.sortOrder,
      retiredAt: orgUnits.retiredAt,
      mergedIntoId: orgUnits.mergedIntoId,
      mergedIntoName: mergedInto.name,
      branchCount: sql<number>`(SELECT count(*) FROM branches b WHERE b.unit_id = ${orgUnits.id} AND b.retired_at IS NULL)`,
      // From the live counts the people triggers keep (migration 0002): counting 100,000 people per unit took 95 ms.
      peopleCount: sql<number>`coalesce((SELECT n FROM people_counts c WHERE c.field = 'unit_id' AND c.value = CAST(${orgUnits.id} AS TEXT)), 0)`,
    })
    .from(orgUnits)
    .leftJoin(mergedInto, eq(mergedInto.id, orgUnits.mergedIntoId))
    .where(includeRetired ? undefined : isNull(orgUnits.retiredAt))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.id))
    .all();
  return rows.map((r) => ({ ...r, kind: r.kind as UnitKind }));
}

export function getUnit(ctx: LedgerContext, id: number): Unit {
  const unit = listUnits(ctx, true).find((u) => u.id === id);
  if (!unit) throw notFound('该村（社区）');
  return unit;
}

function assertUnitNameFree(ctx: LedgerContext, name: string, exceptId?: number): void {
  const clash = ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.name, name), isNull(orgUnits.retiredAt)))
    .all()
    .find((r) => r.id !== exceptId);
  if (clash) throw invalid(`已有同名的村（社区）：${name}`, { name: '名称已存在' });
}

export function addUnit(ctx: LedgerContext, input: z.output<typeof unitInput>): Unit {
  return inTransaction(ctx, () => {
    assertUnitNameFree(ctx, input.name);
    const maxOrder = ctx.db.select({ m: sql<number>`coalesce(max(sort_order), 0)` }).from(orgUnits).get()?.m ?? 0;
    const row = ctx.db.insert(orgUnits).values({ name: input.name, kind: input.kind, code: input.code, sortOrder: maxOrder + 1 }).returning().get();
    recordAudit(ctx, { entity: 'org_unit', entityId: row.id, action: '新增', summary: `新增${input.kind}：${input.name}`, after: row });
    return getUnit(ctx, row.id);
  });
}

export function updateUnit(ctx: LedgerContext, input: z.output<typeof unitPatch>): Unit {
  return inTransaction(ctx, () => {
    const before = getUnit(ctx, input.id);
    if (input.name && input.name !== before.name) assertUnitNameFree(ctx, input.name, input.id);
    ctx.db
      .update(orgUnits)
      .set({ name: input.name ?? before.name, kind: input.kind ?? before.kind, code: input.code === undefined ? before.code : input.code, updatedAt: timestamp(ctx) })
      .where(eq(orgUnits.id, input.id))
      .run();
    const after = getUnit(ctx, input.id);
    const summary = before.name !== after.name ? `更名：${before.name} → ${after.name}` : `修改：${after.name}`;
    recordAudit(ctx, { entity: 'org_unit', entityId: input.id, action: '修改', summary, before, after });
    return after;
  });
}

/** Merging moves people and branches into the surviving unit and retires the other; nothing is deleted. */
export function mergeUnits(ctx: LedgerContext, fromId: number, intoId: number) {
  if (fromId === intoId) throw invalid('不能把村（社区）合并到它自己');
  return inTransaction(ctx, () => {
    const from = getUnit(ctx, fromId);
    const into = getUnit(ctx, intoId);
    if (from.retiredAt || into.retiredAt) throw invalid('已撤销的村（社区）不能参与合并');
    const now = timestamp(ctx);
    const movedPeople = ctx.db.update(people).set({ unitId: intoId, updatedAt: now }).where(eq(people.unitId, fromId)).run().changes;
    const movedBranches = ctx.db.update(branches).set({ unitId: intoId, updatedAt: now }).where(eq(branches.unitId, fromId)).run().changes;
    // A merged village's reserve pool is the surviving village's pool.
    ctx.db.update(reserves).set({ unitId: intoId, updatedAt: now }).where(eq(reserves.unitId, fromId)).run();
    refreshReservesOfUnit(ctx, intoId);
    // Each village has one centre: a merged village's centre moves only when the surviving one has none.
    if (!ctx.db.select({ id: centres.id }).from(centres).where(and(eq(centres.unitId, intoId), isNull(centres.deletedAt))).get()) {
      ctx.db.update(centres).set({ unitId: intoId, updatedAt: now }).where(and(eq(centres.unitId, fromId), isNull(centres.deletedAt))).run();
      refreshCentresOfUnit(ctx, intoId);
    }
    ctx.db.update(orgUnits).set({ retiredAt: now, mergedIntoId: intoId, updatedAt: now }).where(eq(orgUnits.id, fromId)).run();
    recordAudit(ctx, {
      entity: 'org_unit',
      entityId: fromId,
      action: '合并',
      summary: `${from.name} 并入 ${into.name}（转移人员 ${movedPeople} 人、党组织 ${movedBranches} 个）`,
      before: from,
      after: getUnit(ctx, fromId),
    });
    return { movedPeople, movedBranches };
  });
}

export function setUnitRetired(ctx: LedgerContext, id: number, retired: boolean): Unit {
  return inTransaction(ctx, () => {
    const before = getUnit(ctx, id);
    if (retired && before.peopleCount > 0) {
      throw invalid(`${before.name}下还有 ${before.peopleCount} 名人员，请先将其转到其他村（社区），或使用“合并”`);
    }
    if (!retired) assertUnitNameFree(ctx, before.name, id);
    const now = timestamp(ctx);
    ctx.db
      .update(orgUnits)
      .set({ retiredAt: retired ? now : null, mergedIntoId: retired ? before.mergedIntoId : null, updatedAt: now })
      .where(eq(orgUnits.id, id))
      .run();
    const after = getUnit(ctx, id);
    recordAudit(ctx, { entity: 'org_unit', entityId: id, action: retired ? '撤销' : '恢复', summary: `${retired ? '撤销' : '恢复'}：${before.name}`, before, after });
    return after;
  });
}

export function listBranches(ctx: LedgerContext, unitId: number | null | undefined, includeRetired: boolean): Branch[] {
  const where = [];
  if (unitId) where.push(eq(branches.unitId, unitId));
  if (!includeRetired) where.push(isNull(branches.retiredAt));
  return ctx.db
    .select({ id: branches.id, unitId: branches.unitId, unitName: orgUnits.name, name: branches.name, kind: branches.kind, retiredAt: branches.retiredAt })
    .from(branches)
    .innerJoin(orgUnits, eq(orgUnits.id, branches.unitId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(orgUnits.sortOrder), asc(branches.id))
    .all()
    .map((b) => ({ ...b, kind: b.kind as BranchKind }));
}

function getBranch(ctx: LedgerContext, id: number): Branch {
  const branch = listBranches(ctx, null, true).find((b) => b.id === id);
  if (!branch) throw notFound('该党组织');
  return branch;
}

/** In villages the 乡镇党委 approves; a 村党委 or 党总支 is still recorded, it just never approves 预备党员. */
export function addBranch(ctx: LedgerContext, input: z.output<typeof branchInput>): Branch {
  return inTransaction(ctx, () => {
    const unit = getUnit(ctx, input.unitId);
    if (unit.retiredAt) throw invalid(`${unit.name}已撤销，不能新增党组织`);
    const row = ctx.db.insert(branches).values(input).returning().get();
    recordAudit(ctx, { entity: 'branch', entityId: row.id, action: '新增', summary: `新增${input.kind}：${input.name}（${unit.name}）`, after: row });
    return getBranch(ctx, row.id);
  });
}

export function updateBranch(ctx: LedgerContext, input: z.output<typeof branchPatch>): Branch {
  return inTransaction(ctx, () => {
    const before = getBranch(ctx, input.id);
    ctx.db
      .update(branches)
      .set({ name: input.name ?? before.name, kind: input.kind ?? before.kind, updatedAt: timestamp(ctx) })
      .where(eq(branches.id, input.id))
      .run();
    const after = getBranch(ctx, input.id);
    recordAudit(ctx, { entity: 'branch', entityId: input.id, action: '修改', summary: `修改党组织：${after.name}`, before, after });
    return after;
  });
}

export function setBranchRetired(ctx: LedgerContext, id: number, retired: boolean): Branch {
  return inTransaction(ctx, () => {
    const before = getBranch(ctx, id);
    ctx.db.update(branches).set({ retiredAt: retired ? timestamp(ctx) : null, updatedAt: timestamp(ctx) }).where(eq(branches.id, id)).run();
    const after = getBranch(ctx, id);
    recordAudit(ctx, { entity: 'branch', entityId: id, action: retired ? '撤销' : '恢复', summary: `${retired ? '撤销' : '恢复'}党组织：${before.name}`, before, after });
    return after;
  });
}
