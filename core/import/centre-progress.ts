/**
 * Importing 服务中心形象进度: one row per village per date, matched by village + date (the same % → 跳过, another %
 * → 更新, none that day → 新增). Entries go in through addProgress, so a drop without a 说明 is refused as in the
 * form; an updated day's entry is set aside (removeProgress) and the new one added, and the undo reverses both.
 */
import { today, type LedgerContext } from '../context';
import { invalid } from '../errors';
import type { PlainValue } from '../excel/read';
import { progressInput } from '../centres/schemas';
import { addProgress, removeProgress } from '../centres/service';
import type { FieldDef } from './header';
import { take, type FieldProblem, type ImportKind, type ReadContext, type ReadRow, type WrittenItem } from './kind';
import { cellText, readDate, readNumber, type Read } from './values';

export const PROGRESS_FIELDS: FieldDef[] = [
  { key: 'unit', label: '村（社区）', synonyms: ['村名', '村（社区）名称', '所在村', '村社区', '村别', '单位'], required: true },
  { key: 'date', label: '日期', synonyms: ['进度日期', '填报日期', '统计日期', '时间', '截至日期'], required: true },
  { key: 'percent', label: '形象进度（%）', synonyms: ['形象进度', '进度', '完成进度', '工程进度', '完成比例'], required: true },
  { key: 'note', label: '说明', synonyms: ['备注', '进度说明', '情况说明', '形象进度说明'] },
];

export interface ProgressImportRow {
  unitId: number;
  unitName: string;
  date: string;
  percent: number;
  note: string | null;
}

/** 65, "65%", or 0.65 from a cell formatted as a percentage. */
function readPercent(v: PlainValue): Read<number | null> {
  const r = readNumber(v, '形象进度');
  if (!r.ok || r.value === null) return r;
  let n = r.value;
  let note: string | undefined;
  if (typeof v === 'number' && n > 0 && n < 1) {
    n = Math.round(n * 10000) / 100;
    note = `按百分比格式读作 ${n}%`;
  }
  if (!Number.isInteger(n) || n < 0 || n > 100) return { ok: false, message: `形象进度“${cellText(v)}”应为 0 至 100 的整数` };
  return note ? { ok: true, value: n, note } : { ok: true, value: n };
}

function readProgressRow(cells: Record<string, PlainValue>, rc: ReadContext): ReadRow<ProgressImportRow> {
  const problems: FieldProblem[] = [];
  const notes: FieldProblem[] = [];
  const unitName = cellText(cells.unit ?? null);
  const unit = unitName ? rc.unitByName(unitName) : undefined;
  if (!unitName) problems.push({ key: 'unit', message: '缺少村（社区）' });
  else if (!unit) problems.push({ key: 'unit', message: `村（社区）“${unitName}”不在本乡镇的村（社区）中，请先在组织设置中新增，或改为已有的名称` });
  const date = take(problems, notes, 'date', readDate(cells.date ?? null));
  if (!date && !problems.some((p) => p.key === 'date')) problems.push({ key: 'date', message: '缺少日期' });
  const percent = take(problems, notes, 'percent', readPercent(cells.percent ?? null));
  if (percent === null && !problems.some((p) => p.key === 'percent')) problems.push({ key: 'percent', message: '缺少形象进度' });
  const note = (typeof cells.note === 'string' ? cells.note.trim() : cellText(cells.note ?? null)) || null;
  if (note && note.length > 500) problems.push({ key: 'note', message: '说明过长（最多500字）' });
  const value = problems.length ? null : { unitId: unit!.id, unitName, date: date!, percent: percent!, note };
  return { value, problems, notes, label: `${unitName} ${date ?? ''}`.trim(), key: unit && date ? `${unit.id}|${date}` : null };
}

interface Entry {
  id: number;
  date: string;
  percent: number;
  note: string | null;
}

interface Plan {
  problems: FieldProblem[];
  centreId: number | null;
  existing: Entry | null;
  note: string | null;
  same: boolean;
}

function plan(ctx: LedgerContext, v: ProgressImportRow): Plan {
  const problems: FieldProblem[] = [];
  const out: Plan = { problems, centreId: null, existing: null, note: v.note, same: false };
  const centreId = ctx.sqlite.prepare('SELECT id FROM centres WHERE unit_id = ? AND deleted_at IS NULL').pluck().get(v.unitId) as number | undefined;
  if (centreId === undefined) {
    problems.push({ key: 'unit', message: `${v.unitName}还没有服务中心改造记录，请先录入或导入服务中心` });
    return out;
  }
  out.centreId = centreId;
  const entries = ctx.sqlite.prepare('SELECT id, date, percent, note FROM centre_progress WHERE centre_id = ? AND deleted_at IS NULL AND date <= ? ORDER BY date DESC, id DESC').all(centreId, v.date) as Entry[];
  out.existing = entries.find((e) => e.date === v.date) ?? null;
  // A blank 说明 keeps the day's stored one.
  out.note = v.note ?? out.existing?.note ?? null;
  out.same = !!out.existing && out.existing.percent === v.percent && (v.note === null || v.note === out.existing.note);
  if (out.same) return out;
  if (v.date > today(ctx)) problems.push({ key: 'date', message: `日期（${v.date}）晚于今天（${today(ctx)}）` });
  // As addProgress judges it once the day's old entry is set aside: against the latest entry up to that day.
  const previous = entries.find((e) => e.id !== out.existing?.id);
  if (previous && v.percent < previous.percent && !out.note) {
    problems.push({ key: 'percent', message: `形象进度 ${v.percent}% 低于 ${previous.date} 的 ${previous.percent}%，进度回退须在“说明”列写明原因` });
  }
  return out;
}

interface Written {
  /** The entry the import added. */
  added: number;
  /** The day's entry it set aside, for an update. */
  replaced?: number;
}

export const centreProgressImport: ImportKind<ProgressImportRow> = {
  id: 'centre-progress',
  label: '服务中心进度',
  // addProgress audits under the centre's id: the undo's "touched since" check reads the same entity.
  entity: 'centre_progress',
  fields: PROGRESS_FIELDS,
  read: readProgressRow,
  match(ctx, value) {
    const p = plan(ctx, value);
    return { status: p.existing ? (p.same ? '跳过' : '更新') : '新增', existingId: p.existing?.id, problems: p.problems };
  },
  write(ctx, rows) {
    const items: WrittenItem[] = [];
    for (const { value } of rows) {
      const p = plan(ctx, value);
      if (p.problems.length) throw invalid(`${value.unitName}（${value.date}）：${p.problems[0]!.message}（台账在检查之后有变动或文件中有更早的进度，请重新检查后导入）`);
      if (p.same) continue;
      if (p.existing) removeProgress(ctx, p.existing.id);
      const { id } = addProgress(ctx, progressInput.parse({ centreId: p.centreId, date: value.date, percent: value.percent, note: p.note }));
      const before: Written = p.existing ? { added: id, replaced: p.existing.id } : { added: id };
      items.push({ entity: 'centre_progress', entityId: p.centreId!, action: p.existing ? 'update' : 'insert', before });
    }
    return items;
  },
  undo(ctx, item) {
    const before = item.before as Written;
    removeProgress(ctx, before.added);
    if (before.replaced !== undefined) removeProgress(ctx, before.replaced, false);
  },
};
