/**
 * The import engine every kind shares: read the file (values only), find the header, read and match each row,
 * and either show the preview or write the chosen rows in one transaction with one batch record for the undo.
 */
import { eq } from 'drizzle-orm';
import { importBatchItems, importBatches } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { inTransaction, timestamp, today, type LedgerContext } from '../context';
import { LedgerError, invalid } from '../errors';
import { readWorkbook, type PlainValue, type SheetData } from '../excel/read';
import { cachedStatement } from '../schema/statements';
import { colLetter, findHeader, layoutKey, type ColumnMatch } from './header';
import type { ImportKind, ReadContext, RowStatus, WrittenItem } from './kind';
import { MAX_IMPORT_BYTES } from './schemas';
import { formulaError, isTrailerRow, refuseHiddenData, refuseMasked, refuseOle } from './guards';
import { cellText, villageKey } from './values';

const MAX_ROWS = 50_000;

export interface CellProblem {
  row: number;
  col: string | null;
  header: string | null;
  value: string;
  message: string;
}

export interface PreviewRow {
  row: number;
  status: RowStatus;
  label: string;
  problems: CellProblem[];
  notes: CellProblem[];
}

export interface ImportPreview {
  kind: string;
  sheet: string;
  headerRow: number;
  columns: { col: string; header: string; key: string | null; label: string | null }[];
  layout: string;
  counts: Record<RowStatus, number>;
  rows: PreviewRow[];
}

export interface ImportOptions {
  /** Column letter → field key (or null to ignore), as the clerk corrected it. */
  mapping?: Record<string, string | null> | null;
  sheetName?: string | null;
}

/** The file's first visible sheet with a header the kind recognises, or the one asked for. */
function pickSheet<T>(sheets: SheetData[], kind: ImportKind<T>, name?: string | null) {
  const visible = sheets.filter((s) => s.state === 'visible' && s.rows.length > 0);
  if (name) {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw invalid(`文件中没有名为“${name}”的工作表（有：${sheets.map((x) => x.name).join('、')}）`);
    return { sheet: s, header: findHeader(s, kind.fields) };
  }
  for (const sheet of visible) {
    const header = findHeader(sheet, kind.fields);
    if (header && header.missing.length === 0) return { sheet, header };
  }
  refuseHiddenData(sheets, kind.fields);
  if (visible.length === 0) throw invalid('文件中没有内容：所有工作表都是空的或被隐藏了');
  return { sheet: visible[0]!, header: findHeader(visible[0]!, kind.fields) };
}

export async function loadSheet<T>(kind: ImportKind<T>, bytes: Buffer, options: ImportOptions) {
  if (bytes.length > MAX_IMPORT_BYTES) throw invalid(`文件太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），请拆分为不超过 20 MB 的文件后导入`);
  if (bytes.length === 0) throw invalid('文件是空的');
  refuseOle(bytes);
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK') {
    throw new LedgerError('INVALID_INPUT', '这不是 Excel（.xlsx）文件。', { hint: '请选择 .xlsx 文件；如果是 .xls、.et 或 .csv，请用 WPS/Excel 另存为 .xlsx 后重试。' });
  }
  const { sheets } = await readWorkbook(bytes);
  const { sheet, header } = pickSheet(sheets, kind, options.sheetName);
  if (!header) throw invalid(`工作表“${sheet.name}”中找不到表头：前 20 行没有“${kind.fields.filter((f) => f.required).map((f) => f.label).join('”“')}”等列名`);
  const columns: ColumnMatch[] = header.columns.map((c) => {
    const letter = colLetter(c.col);
    return options.mapping && letter in options.mapping ? { ...c, key: options.mapping[letter] ?? null } : c;
  });
  const missing = kind.fields.filter((f) => f.required && !columns.some((c) => c.key === f.key));
  if (missing.length) {
    throw invalid(`工作表“${sheet.name}”第 ${header.row + 1} 行的表头缺少必填列：${missing.map((f) => f.label).join('、')}`, undefined, {
      sheet: sheet.name,
      columns: columns.map((c) => ({ col: colLetter(c.col), header: c.header, key: c.key })),
      // So the page can offer the mapping table here too: the clerk names the missing column by hand.
      fields: kind.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })),
    });
  }
  const dataRows = sheet.rows.slice(header.dataStart);
  refuseMasked(columns, dataRows);
  if (dataRows.length > MAX_ROWS) throw invalid(`工作表“${sheet.name}”有 ${dataRows.length} 行，超过单次导入上限 ${MAX_ROWS} 行，请拆分后导入`);
  return { sheet, header, columns, dataRows };
}

function readContext(ctx: LedgerContext): ReadContext {
  const units = cachedStatement(ctx.sqlite, 'SELECT id, name FROM org_units WHERE retired_at IS NULL').all() as { id: number; name: string }[];
  const byKey = new Map(units.map((u) => [villageKey(u.name), { id: u.id }]));
  return { today: today(ctx), unitByName: (name) => byKey.get(villageKey(name)) };
}

interface Judged<T> {
  preview: PreviewRow;
  value: T | null;
  existingId?: number;
}

/** Every data row read and matched; blank rows (formatting only) are passed over silently. */
export function judgeRows<T>(ctx: LedgerContext, kind: ImportKind<T>, loaded: Awaited<ReturnType<typeof loadSheet<T>>>, onRow?: (i: number) => void): Judged<T>[] {
  const { sheet, header, columns, dataRows } = loaded;
  const colOf = new Map(columns.filter((c) => c.key).map((c) => [c.key!, c]));
  const rc: ReadContext = { ...readContext(ctx), headerOf: (key) => colOf.get(key)?.header };
  const seen = new Map<string, number>();
  const out: Judged<T>[] = [];
  dataRows.forEach((cells, i) => {
    onRow?.(i);
    if (cells.every((v) => v === null || (typeof v === 'string' && v.trim() === '')) || isTrailerRow(cells)) return;
    const rowNo = header.dataStart + i + 1;
    const byKey: Record<string, PlainValue> = {};
    // A formula's error value (#REF! …) is reported at its cell, and the kind reads the cell as empty.
    const formulaErrors = new Map<string, string>();
    for (const [key, c] of colOf) {
      const v = cells[c.col] ?? null;
      const why = formulaError(v);
      if (why) formulaErrors.set(key, why);
      byKey[key] = why ? null : v;
    }
    const read = kind.read(byKey, rc);
    const at = (key: string | null, message: string): CellProblem => {
      const c = key ? colOf.get(key) : undefined;
      return { row: rowNo, col: c ? colLetter(c.col) : null, header: c?.header ?? null, value: c ? cellText(cells[c.col] ?? null) : '', message };
    };
    const problems = [...formulaErrors].map(([key, why]) => at(key, why)).concat(read.problems.filter((p) => !p.key || !formulaErrors.has(p.key)).map((p) => at(p.key, p.message)));
    const notes = read.notes.map((p) => at(p.key, p.message));
    let status: RowStatus = '错误';
    let existingId: number | undefined;
    if (read.key && seen.has(read.key) && problems.length === 0) {
      problems.push(at(null, `与第 ${seen.get(read.key)} 行是同一条记录（${read.label}），请删除重复的一行`));
    }
    if (read.value && problems.length === 0) {
      try {
        const m = kind.match(ctx, read.value);
        status = m.status;
        existingId = m.existingId;
        for (const p of m.problems ?? []) problems.push(at(p.key, p.message));
        for (const p of m.notes ?? []) notes.push(at(p.key, p.message));
      } catch (err) {
        problems.push(at(null, err instanceof LedgerError ? err.message : '这一行无法与台账中已有的记录核对，请检查这一行的内容；仍不行请联系技术人员。'));
      }
    }
    if (read.key && !seen.has(read.key)) seen.set(read.key, rowNo);
    if (problems.length) status = '错误';
    out.push({ preview: { row: rowNo, status, label: read.label, problems, notes }, value: problems.length ? null : read.value, existingId });
    void sheet;
  });
  return out;
}

export function previewOf<T>(kind: ImportKind<T>, loaded: Awaited<ReturnType<typeof loadSheet<T>>>, judged: Judged<T>[]): ImportPreview {
  const counts: Record<RowStatus, number> = { 新增: 0, 更新: 0, 跳过: 0, 错误: 0 };
  for (const j of judged) counts[j.preview.status]++;
  const labelOf = new Map(kind.fields.map((f) => [f.key, f.label]));
  return {
    kind: kind.id,
    sheet: loaded.sheet.name,
    headerRow: loaded.header.row + 1,
    columns: loaded.columns.map((c) => ({ col: colLetter(c.col), header: c.header, key: c.key, label: c.key ? (labelOf.get(c.key) ?? null) : null })),
    layout: layoutKey(loaded.columns),
    counts,
    rows: judged.map((j) => j.preview),
  };
}

/**
 * Writes the chosen rows in one transaction: `valid` writes every row without an error and passes over the rest;
 * `all` writes nothing unless every row is free of errors. One batch record and one audit entry.
 */
export function commitRows<T>(
  ctx: LedgerContext,
  kind: ImportKind<T>,
  fileName: string,
  loaded: Awaited<ReturnType<typeof loadSheet<T>>>,
  judged: Judged<T>[],
  mode: 'valid' | 'all',
): { batchId: number | null; inserted: number; updated: number; skipped: number; errors: number } {
  const errors = judged.filter((j) => j.preview.status === '错误').length;
  if (mode === 'all' && errors > 0) throw invalid(`有 ${errors} 行有错误，按“全部无误才导入”的选择，本次没有导入任何数据`);
  const chosen = judged.filter((j) => j.preview.status === '新增' || j.preview.status === '更新');
  const skipped = judged.filter((j) => j.preview.status === '跳过').length;
  if (chosen.length === 0) return { batchId: null, inserted: 0, updated: 0, skipped, errors };
  return inTransaction(ctx, () => {
    const items = kind.write(ctx, chosen.map((j) => ({ value: j.value!, existingId: j.existingId })));
    const inserted = items.filter((i) => i.action === 'insert').length;
    const updated = items.length - inserted;
    const batch = ctx.db
      .insert(importBatches)
      .values({ kind: kind.id, fileName, sheetName: loaded.sheet.name, inserted, updated, skipped, at: timestamp(ctx) })
      .returning({ id: importBatches.id })
      .get();
    // One prepared statement: 10,000 items through drizzle's builder cost a third of a second.
    const addItem = cachedStatement(ctx.sqlite, 'INSERT INTO import_batch_items (batch_id, entity, entity_id, action, before) VALUES (?, ?, ?, ?, ?)');
    for (const item of items) addItem.run(batch.id, item.entity, item.entityId, item.action, item.before === undefined ? null : JSON.stringify(item.before));
    recordAudit(ctx, { entity: 'import_batch', entityId: batch.id, action: '导入', summary: `导入${kind.label}：${fileName}（新增 ${inserted}，更新 ${updated}，跳过 ${skipped}）` });
    const auditId = ctx.sqlite.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    ctx.db.update(importBatches).set({ auditId }).where(eq(importBatches.id, batch.id)).run();
    return { batchId: batch.id, inserted, updated, skipped, errors };
  });
}

/** 撤销本次导入: refused, naming the records, when anything has touched them since. */
export function undoBatch(ctx: LedgerContext, kinds: ReadonlyMap<string, ImportKind<unknown>>, batchId: number): { undone: number } {
  return inTransaction(ctx, () => {
    const batch = ctx.db.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
    if (!batch) throw invalid('没有这次导入');
    if (batch.undoneAt) throw invalid(`这次导入已于 ${batch.undoneAt} 撤销`);
    const kind = kinds.get(batch.kind);
    if (!kind) throw invalid(`无法撤销：不认识的导入类型 ${batch.kind}`);
    const items = ctx.db.select().from(importBatchItems).where(eq(importBatchItems.batchId, batchId)).all();
    const touched = cachedStatement(ctx.sqlite, 'SELECT summary FROM audit_log WHERE entity = ? AND entity_id = ? AND id > ? ORDER BY id LIMIT 1', 'pluck');
    const blocked = items.map((i) => touched.get(i.entity, i.entityId, batch.auditId ?? 0) as string | undefined).filter((x): x is string => !!x);
    if (blocked.length) {
      throw new LedgerError('CONFLICT', `导入之后有 ${blocked.length} 条记录又被修改过，撤销会覆盖这些修改，已取消撤销。`, {
        hint: `例如：${blocked.slice(0, 3).join('；')}。如需撤销，请先把这些修改改回，或直接修改相应记录。`,
        details: { blocked },
      });
    }
    for (const item of [...items].reverse()) {
      const written: WrittenItem = { entity: item.entity, entityId: item.entityId, action: item.action as WrittenItem['action'], before: item.before ? JSON.parse(item.before) : undefined };
      kind.undo(ctx, written);
    }
    ctx.db.update(importBatches).set({ undoneAt: timestamp(ctx) }).where(eq(importBatches.id, batchId)).run();
    recordAudit(ctx, { entity: 'import_batch', entityId: batchId, action: '撤销', summary: `撤销导入：${batch.fileName}（${items.length} 条）` });
    return { undone: items.length };
  });
}
