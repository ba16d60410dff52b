/**
 * Importing 村级综合服务中心: one row per village, matched by the village (a live centre → 更新 / 跳过, else 新增 with
 * the proposed 倒排工期). 总投资 and one column per configured 资金来源 are read as decimal text into 分 exactly, in
 * 万元 where the column's header says so; the split must add up to the total, as createCentre / updateCentre check.
 */
import { eq } from 'drizzle-orm';
import { centreFunds, centreMilestones, centreProgress, centres, orgUnits } from '../../db/schema';
import { DEFAULT_FUNDING_SOURCES, RENOVATION_TYPES } from '../centres/codes';
import { getCentreConfig } from '../centres/config';
import { splitProblem } from '../centres/money';
import { centreInput, centreUpdate } from '../centres/schemas';
import { centreWarnings, createCentre, updateCentre } from '../centres/service';
import { refreshCentres } from '../centres/state';
import type { LedgerContext } from '../context';
import { LedgerError, invalid } from '../errors';
import type { PlainValue } from '../excel/read';
import type { FieldDef } from './header';
import { take, type FieldProblem, type ImportKind, type ReadContext, type ReadRow, type WrittenItem } from './kind';
import { cellText, readDate, readNumber, type Read } from './values';

const BASE_FIELDS: FieldDef[] = [
  { key: 'unit', label: '村（社区）', synonyms: ['村名', '村（社区）名称', '所在村', '村社区', '村别', '单位'], required: true },
  { key: 'currentArea', label: '现有面积', synonyms: ['建筑面积', '现有建筑面积', '现面积', '现有用房面积'] },
  { key: 'buildYear', label: '建成年份', synonyms: ['建成时间', '建设年份', '建成年代'] },
  { key: 'isDangerous', label: '危', synonyms: ['危房', '是否危房'] },
  { key: 'isOld', label: '旧', synonyms: ['老旧', '是否老旧'] },
  { key: 'isCramped', label: '狭', synonyms: ['狭窄', '是否狭窄'] },
  { key: 'isSmall', label: '小', synonyms: ['面积小', '是否面积小'] },
  { key: 'renovationType', label: '改造类型', synonyms: ['建设类型', '改造方式', '建设性质'] },
  { key: 'targetArea', label: '规划面积', synonyms: ['规划建筑面积', '改造后面积', '设计面积', '规划建设面积'] },
  { key: 'hallArea', label: '便民服务大厅面积', synonyms: ['大厅面积', '服务大厅面积', '一厅式便民服务大厅面积'] },
  { key: 'contractor', label: '施工单位', synonyms: ['承建单位', '施工方'] },
  { key: 'leaderName', label: '包村领导', synonyms: ['包联领导', '包村领导姓名'] },
  // Both phones are 电话 in most sheets: the first goes to the 包村领导, the second to the 责任人.
  { key: 'leaderPhone', label: '包村领导电话', synonyms: ['电话', '联系电话'] },
  { key: 'responsibleName', label: '责任人', synonyms: ['村级责任人', '负责人'] },
  { key: 'responsiblePhone', label: '责任人电话', synonyms: ['电话', '联系电话', '负责人电话'] },
  { key: 'requiredOn', label: '要求完成日期', synonyms: ['要求竣工时间', '要求竣工日期', '要求完成时间', '完成时限', '计划完成时间'], required: true },
  { key: 'total', label: '总投资', synonyms: ['总投资（元）', '投资总额', '计划总投资', '总投资额'] },
];

const fundFields = (sources: readonly string[]): FieldDef[] => sources.map((s) => ({ key: `fund:${s}`, label: s, synonyms: [`${s}资金`] }));

const TEXT_KEYS = ['contractor', 'leaderName', 'leaderPhone', 'responsibleName', 'responsiblePhone'] as const;
const FLAG_KEYS = ['isDangerous', 'isOld', 'isCramped', 'isSmall'] as const;
/** The facts a row can give, compared for 跳过. */
const COMPARED = ['currentArea', 'buildYear', ...FLAG_KEYS, 'renovationType', 'targetArea', 'hallArea', ...TEXT_KEYS, 'requiredOn', 'totalFen'] as const;

export interface CentreImportRow {
  unitId: number;
  unitName: string;
  /** Only what the row gives: a blank cell keeps what the ledger has. */
  facts: Record<string, unknown>;
  totalFen: number | null;
  /** The split, when the row gives any of it (a blank source is 0). */
  funds: { source: string; fen: number }[] | null;
}

/** 元 or 万元 as decimal text to 分, exactly: "12.5" 万元 = 12500000 分; a 分 fraction is refused. */
export function readAmount(v: PlainValue, wan: boolean, label: string): Read<number | null> {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { ok: true, value: null };
  let text: string;
  if (typeof v === 'number') {
    const fixed = v.toFixed(wan ? 6 : 2);
    if (v < 0 || Math.abs(Number(fixed) - v) > 1e-9 * Math.max(1, Math.abs(v))) return { ok: false, message: `${label}“${v}”应为精确到分的非负金额` };
    text = fixed;
  } else {
    text = cellText(v).replace(/[,，\s]/g, '');
    if (/万元?$/.test(text)) wan = true;
    text = text.replace(/(万元|万|元)$/, '');
  }
  const places = wan ? 6 : 2;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return { ok: false, message: `${label}“${cellText(v)}”不是金额` };
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > places) return { ok: false, message: `${label}“${cellText(v)}”应精确到分` };
  const fen = Number(m[1]) * 10 ** places + Number(frac.padEnd(places, '0') || '0');
  return Number.isSafeInteger(fen) ? { ok: true, value: fen } : { ok: false, message: `${label}“${cellText(v)}”过大` };
}

function readFlag(v: PlainValue, label: string): Read<boolean | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return { ok: true, value: null };
  if (/^(是|✓|√|✔|有|Y|1|true)$/i.test(text)) return { ok: true, value: true };
  if (/^(否|×|✗|无|不是|N|0|false)$/i.test(text)) return { ok: true, value: false };
  return { ok: false, message: `${label}“${text}”应为“是”“否”或“✓”` };
}

function readRenovation(v: PlainValue): Read<string | null> {
  const text = cellText(v).replace(/\s+/g, '');
  if (!text) return { ok: true, value: null };
  const hit = (RENOVATION_TYPES as readonly string[]).find((t) => t === text) ?? (/改建|扩建/.test(text) ? '改扩建' : /新建/.test(text) ? '新建' : /维修|修缮/.test(text) ? '维修' : null);
  return hit ? { ok: true, value: hit } : { ok: false, message: `改造类型“${text}”应为 ${RENOVATION_TYPES.join('、')} 之一` };
}

function readYear(v: PlainValue): Read<number | null> {
  if (v === null || v === '') return { ok: true, value: null };
  if (typeof v === 'number' && v > 20000) return readDate(v).ok ? { ok: true, value: Number((readDate(v) as { value: string }).value.slice(0, 4)) } : { ok: false, message: `建成年份“${v}”不是年份` };
  const m = /^((?:19|20)\d{2})(?:年|[-./]|$)/.exec(cellText(v).replace(/\s+/g, ''));
  return m ? { ok: true, value: Number(m[1]) } : { ok: false, message: `建成年份“${cellText(v)}”不是年份（如 1998 或 1998年）` };
}

function readCentreRow(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<CentreImportRow> {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const unitName = cellText(cells.unit ?? null);
  const unit = unitName ? rc.unitByName(unitName) : undefined;
  if (!unitName) problems.push({ key: 'unit', message: '缺少村（社区）' });
  else if (!unit) problems.push({ key: 'unit', message: `村（社区）“${unitName}”不在本乡镇的村（社区）中，请先在组织设置中新增，或改为已有的名称` });
  const facts: Record<string, unknown> = {};
  const put = (k: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== '') facts[k] = value;
  };
  for (const [k, label] of [['currentArea', '现有面积'], ['targetArea', '规划面积'], ['hallArea', '便民服务大厅面积']] as const) put(k, take(problems, notes, k, readNumber(cells[k] ?? null, label)));
  put('buildYear', take(problems, notes, 'buildYear', readYear(cells.buildYear ?? null)));
  for (const k of FLAG_KEYS) put(k, take(problems, notes, k, readFlag(cells[k] ?? null, BASE_FIELDS.find((f) => f.key === k)!.label)));
  put('renovationType', take(problems, notes, 'renovationType', readRenovation(cells.renovationType ?? null)));
  for (const k of TEXT_KEYS) put(k, cellText(cells[k] ?? null).replace(/\s+/g, k.endsWith('Phone') ? '' : ' '));
  const requiredOn = take(problems, notes, 'requiredOn', readDate(cells.requiredOn ?? null));
  if (!requiredOn && !problems.some((p) => p.key === 'requiredOn')) problems.push({ key: 'requiredOn', message: '缺少要求完成日期' });
  put('requiredOn', requiredOn);
  const wan = (key: string) => /万/.test(rc.headerOf?.(key) ?? '');
  const totalFen = take(problems, notes, 'total', readAmount(cells.total ?? null, wan('total'), '总投资'));
  const fundKeys = Object.keys(cells).filter((k) => k.startsWith('fund:'));
  const parts = fundKeys.map((k) => ({ source: k.slice(5), fen: take(problems, notes, k, readAmount(cells[k] ?? null, wan(k), k.slice(5))) }));
  const funds = parts.some((p) => p.fen !== null) ? parts.filter((p) => p.fen).map((p) => ({ source: p.source, fen: p.fen! })) : null;
  const value = problems.length ? null : { unitId: unit!.id, unitName, facts, totalFen, funds };
  return { value, problems, notes, label: unitName, key: unit ? String(unit.id) : null };
}

type StoredCentre = typeof centres.$inferSelect;

interface Plan {
  problems: FieldProblem[];
  notes: FieldProblem[];
  existing: StoredCentre | null;
  storedFunds: { source: string; fen: number }[];
  merged: Record<string, unknown> & { funds: { source: string; fen: number }[]; totalFen: number };
  same: boolean;
}

const fieldOf = (path: PropertyKey | undefined) => (path === 'unitId' ? 'unit' : path === 'totalFen' || path === 'funds' ? 'total' : String(path ?? '')) || null;
const fundsKey = (fs: { source: string; fen: number }[]) => JSON.stringify([...fs].filter((f) => f.fen > 0).sort((a, b) => (a.source < b.source ? -1 : 1)));

function plan(ctx: LedgerContext, v: CentreImportRow): Plan {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const existing = ctx.sqlite.prepare('SELECT id FROM centres WHERE unit_id = ? AND deleted_at IS NULL').pluck().get(v.unitId) as number | undefined;
  const row = existing === undefined ? null : ctx.db.select().from(centres).where(eq(centres.id, existing)).get()!;
  const storedFunds = row ? (ctx.sqlite.prepare('SELECT source, planned_fen AS fen FROM centre_funds WHERE centre_id = ? ORDER BY id').all(row.id) as { source: string; fen: number }[]) : [];
  const base = row ? { ...row, rooms: JSON.parse(row.rooms) as unknown, decisionDates: JSON.parse(row.decisionDates) as unknown } : {};
  const funds = v.funds ?? storedFunds;
  const totalFen = v.totalFen ?? (v.funds ? v.funds.reduce((s, f) => s + f.fen, 0) : (row?.totalFen ?? 0));
  const merged: Plan['merged'] = { ...base, ...v.facts, unitId: v.unitId, totalFen, funds };
  if (!merged.renovationType) problems.push({ key: 'renovationType', message: `缺少改造类型（${RENOVATION_TYPES.join('、')}）` });
  const split = splitProblem(totalFen, funds);
  if (split) problems.push({ key: 'total', message: split });
  if (problems.length === 0) {
    const parsed = centreInput.safeParse(merged);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push({ key: fieldOf(issue.path[0]), message: issue.message });
    else {
      const unitKind = ctx.db.select({ kind: orgUnits.kind }).from(orgUnits).where(eq(orgUnits.id, v.unitId)).get()?.kind ?? '村';
      for (const w of centreWarnings(parsed.data, unitKind, getCentreConfig(ctx))) {
        notes.push({ key: w.startsWith('规划') ? 'targetArea' : w.startsWith('一厅式') ? 'hallArea' : 'currentArea', message: `${w}（提醒）` });
      }
    }
  }
  const stored = row as Record<string, unknown> | null;
  const same = !!stored && COMPARED.every((k) => ((merged as Record<string, unknown>)[k] ?? null) === (stored[k] ?? null)) && fundsKey(funds) === fundsKey(storedFunds);
  return { problems, notes, existing: row, storedFunds, merged, same };
}

interface UpdateBefore {
  row: StoredCentre;
  funds: { source: string; fen: number }[];
}

export const centresImport: ImportKind<CentreImportRow> = {
  id: 'centres',
  label: '服务中心',
  entity: 'centre',
  fields: [...BASE_FIELDS, ...fundFields(DEFAULT_FUNDING_SOURCES)],
  fieldsFor: (ctx) => [...BASE_FIELDS, ...fundFields(getCentreConfig(ctx).fundingSources)],
  read: readCentreRow,
  match(ctx, value) {
    const p = plan(ctx, value);
    return { status: p.existing ? (p.same ? '跳过' : '更新') : '新增', existingId: p.existing?.id, problems: p.problems, notes: p.notes };
  },
  write(ctx, rows) {
    const items: WrittenItem[] = [];
    for (const { value } of rows) {
      const p = plan(ctx, value);
      if (p.problems.length) throw invalid(`${value.unitName}：${p.problems[0]!.message}（台账在检查之后有变动，请重新检查后导入）`);
      if (p.existing) {
        if (p.same) continue;
        updateCentre(ctx, centreUpdate.parse({ ...p.merged, id: p.existing.id }));
        items.push({ entity: 'centre', entityId: p.existing.id, action: 'update', before: { row: p.existing, funds: p.storedFunds } satisfies UpdateBefore });
        continue;
      }
      // Without milestones createCentre lays out the proposed 倒排工期 from 要求完成日期.
      const made = createCentre(ctx, centreInput.parse({ ...p.merged, milestones: null }));
      items.push({ entity: 'centre', entityId: made.id, action: 'insert' });
    }
    return items;
  },
  undo(ctx, item) {
    const id = item.entityId;
    if (item.action === 'insert') {
      const used = ctx.sqlite
        .prepare(
          `SELECT (SELECT count(*) FROM centre_progress WHERE centre_id = @id AND deleted_at IS NULL) + (SELECT count(*) FROM centre_money WHERE centre_id = @id)
             + (SELECT count(*) FROM attachments WHERE owner_type = 'centre_progress' AND owner_id IN (SELECT id FROM centre_progress WHERE centre_id = @id))
             + (SELECT count(*) FROM centre_milestones WHERE centre_id = @id AND (actual_on IS NOT NULL OR planned_on <> baseline_on))`,
        )
        .pluck()
        .get({ id }) as number;
      if (used > 0) throw new LedgerError('CONFLICT', '导入的服务中心之后已记录了进度、资金或节点完成情况，不能撤销本次导入。', { hint: '请先删除这些记录，或直接修改相应服务中心。' });
      // Progress entries set aside since (an undone 进度 import) went with the centre's own history.
      ctx.db.delete(centreProgress).where(eq(centreProgress.centreId, id)).run();
      ctx.db.delete(centreFunds).where(eq(centreFunds.centreId, id)).run();
      ctx.db.delete(centreMilestones).where(eq(centreMilestones.centreId, id)).run();
      ctx.db.delete(centres).where(eq(centres.id, id)).run();
      return;
    }
    const before = item.before as UpdateBefore;
    ctx.db.update(centres).set(before.row).where(eq(centres.id, id)).run();
    ctx.db.delete(centreFunds).where(eq(centreFunds.centreId, id)).run();
    for (const f of before.funds) ctx.db.insert(centreFunds).values({ centreId: id, source: f.source, plannedFen: f.fen }).run();
    refreshCentres(ctx, [id]);
  },
};
