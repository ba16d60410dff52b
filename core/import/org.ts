/**
 * Importing 组织 (村（社区） and their 党支部): a row names a village and, optionally, one of its 党组织. Villages are
 * matched by name within the township (多巴一村 = 多巴一村委会), 党组织 by name within their village.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { branches, orgUnits } from '../../db/schema';
import type { LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { BRANCH_KINDS, UNIT_KINDS, type BranchKind, type UnitKind } from '../people/codes';
import { addBranch, addUnit } from '../org/service';
import { cachedStatement } from '../schema/statements';
import type { FieldDef } from './header';
import type { FieldProblem, ImportKind, ReadRow, WrittenItem } from './kind';
import { cellText, villageKey } from './values';

export const ORG_FIELDS: FieldDef[] = [
  { key: 'unit', label: '村（社区）名称', synonyms: ['村（社区）', '村名', '单位名称', '村社区', '所在村'], required: true },
  { key: 'unitKind', label: '类别', synonyms: ['单位类别', '村（社区）类别', '类型'] },
  { key: 'code', label: '统计代码', synonyms: ['代码', '区划代码', '单位代码'] },
  { key: 'branch', label: '党组织名称', synonyms: ['党支部', '党支部名称', '党组织'] },
  { key: 'branchKind', label: '党组织类别', synonyms: ['党组织类型', '支部类别'] },
];

interface OrgRow {
  unit: string;
  unitKind: UnitKind;
  code: string | null;
  branch: string | null;
  branchKind: BranchKind;
}

function unitKindOf(text: string, name: string): UnitKind | null {
  if (!text) return name.endsWith('社区') || name.endsWith('居委会') ? '社区' : '村';
  return (UNIT_KINDS as readonly string[]).includes(text) ? (text as UnitKind) : null;
}

function liveUnit(ctx: LedgerContext, name: string) {
  const units = cachedStatement(ctx.sqlite, 'SELECT id, name, kind, code FROM org_units WHERE retired_at IS NULL').all() as { id: number; name: string; kind: string; code: string | null }[];
  return units.find((u) => villageKey(u.name) === villageKey(name));
}

function liveBranch(ctx: LedgerContext, unitId: number, name: string) {
  return ctx.db.select().from(branches).where(and(eq(branches.unitId, unitId), eq(branches.name, name), isNull(branches.retiredAt))).get();
}

export const orgImport: ImportKind<OrgRow> = {
  id: 'org',
  label: '组织',
  entity: 'org_unit',
  fields: ORG_FIELDS,
  read(cells): ReadRow<OrgRow> {
    const problems: FieldProblem[] = [];
    const unit = cellText(cells.unit ?? null).replace(/\s+/g, '').replace(/(村民委员会|村委会)$/, '村').replace(/村村$/, '村');
    if (!unit) problems.push({ key: 'unit', message: '缺少村（社区）名称' });
    const kindText = cellText(cells.unitKind ?? null);
    const unitKind = unitKindOf(kindText, unit);
    if (!unitKind) problems.push({ key: 'unitKind', message: `类别“${kindText}”应为 ${UNIT_KINDS.join('、')} 之一` });
    const branch = cellText(cells.branch ?? null).replace(/\s+/g, '') || null;
    const branchText = cellText(cells.branchKind ?? null);
    const branchKind = (branchText || '党支部') as BranchKind;
    if (!(BRANCH_KINDS as readonly string[]).includes(branchKind)) problems.push({ key: 'branchKind', message: `党组织类别“${branchText}”应为 ${BRANCH_KINDS.join('、')} 之一` });
    const value = problems.length ? null : { unit, unitKind: unitKind!, code: cellText(cells.code ?? null) || null, branch, branchKind };
    return { value, problems, notes: [], label: branch ? `${unit} / ${branch}` : unit, key: `${villageKey(unit)}|${branch ?? ''}` };
  },
  match(ctx, v) {
    const unit = liveUnit(ctx, v.unit);
    if (!unit) return { status: '新增' };
    if (v.branch && !liveBranch(ctx, unit.id, v.branch)) return { status: '新增', existingId: unit.id };
    return { status: '跳过', existingId: unit.id };
  },
  write(ctx, rows) {
    const items: WrittenItem[] = [];
    for (const { value: v } of rows) {
      let unit = liveUnit(ctx, v.unit);
      if (!unit) {
        const made = addUnit(ctx, { name: v.unit, kind: v.unitKind, code: v.code });
        items.push({ entity: 'org_unit', entityId: made.id, action: 'insert' });
        unit = { id: made.id, name: made.name, kind: made.kind, code: made.code ?? null };
      }
      if (v.branch && !liveBranch(ctx, unit.id, v.branch)) {
        const b = addBranch(ctx, { unitId: unit.id, name: v.branch, kind: v.branchKind });
        items.push({ entity: 'branch', entityId: b.id, action: 'insert' });
      }
    }
    return items;
  },
  undo(ctx, item) {
    // An added village or 党组织 goes again, unless something now hangs off it.
    const used =
      item.entity === 'branch'
        ? (ctx.sqlite.prepare('SELECT count(*) FROM member_records WHERE branch_id = ?').pluck().get(item.entityId) as number)
        : (ctx.sqlite.prepare('SELECT (SELECT count(*) FROM people WHERE unit_id = @id) + (SELECT count(*) FROM branches WHERE unit_id = @id) + (SELECT count(*) FROM reserves WHERE unit_id = @id) + (SELECT count(*) FROM centres WHERE unit_id = @id)').pluck().get({ id: item.entityId }) as number);
    if (used > 0) throw new LedgerError('CONFLICT', '导入的村（社区）或党组织已经有人员、档案或下级党组织，不能撤销本次导入。', { hint: '请先移走这些记录，或在组织设置中直接修改。' });
    if (item.entity === 'branch') ctx.db.delete(branches).where(eq(branches.id, item.entityId)).run();
    else ctx.db.delete(orgUnits).where(eq(orgUnits.id, item.entityId)).run();
  },
};
