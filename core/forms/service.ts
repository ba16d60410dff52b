/**
 * 按上级模板填报: read a department's blank form, propose which field fills each column (remembered per form),
 * and fill it from one of the ledger's reports without touching anything else of the form.
 */
import type { z } from 'zod';
import { today, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { readWorkbook, type PlainValue, type SheetData } from '../excel/read';
import { addRows, cellFormula, isDateFormat, openForm, saveForm, setValue, sheetNames, type FormBook } from '../excel/form-workbook';
import { headerKey, type FieldDef } from '../import/header';
import { villageKey } from '../import/names';
import { listReports } from '../reports/service';
import { findLayout, headerTexts, type FormLayout } from './layout';
import { fitScore, proposeMapping, type ColumnProposal } from './mapping';
import { formSignature, readMapping, saveMapping } from './memory';
import type { AnalyseResult, FillResult, analyseInput, fillInput } from './schemas';
import { FILL_SOURCES, SEQ_FIELD, describeSource, findSource, loadDataset, type FillField, type FillSource } from './sources';
import { formValue } from './values';

type AnalyseIn = z.output<typeof analyseInput>;
type FillIn = z.output<typeof fillInput>;

interface Opened {
  book: FormBook;
  sheet: SheetData;
  layout: FormLayout;
  signature: string;
}

/** Every field any source knows, keyed apart, so the header row is found before a source is chosen. */
async function allFields(ctx: LedgerContext): Promise<Map<FillSource, FillField[]>> {
  const out = new Map<FillSource, FillField[]>();
  for (const s of FILL_SOURCES) out.set(s, await describeSource(ctx, s));
  return out;
}

async function open(input: AnalyseIn, fields: Map<FillSource, FillField[]>): Promise<Opened> {
  const buffer = Buffer.from(input.base64, 'base64');
  const book = await openForm(buffer, input.sheetName);
  const read = await readWorkbook(buffer);
  const union: FieldDef[] = [...fields].flatMap(([s, fs]) => fs.map((f) => ({ ...f, key: `${s.reportId}:${f.key}` })));
  union.push({ key: SEQ_FIELD, label: '序号', synonyms: ['编号'] });
  // Forms often open on a 填表说明 sheet, whose prose can name a field or two: unless the clerk chose a sheet, the
  // form is the visible sheet whose header names the most fields (the first of equals).
  const candidates = input.sheetName ? [book.sheet] : book.workbook.worksheets.filter((w) => w.state === 'visible');
  let best: Opened | null = null;
  for (const ws of candidates) {
    const sheet = read.sheets.find((s) => s.name === ws.name);
    if (!sheet) continue;
    const width = sheet.rows[0]?.length ?? 0;
    const layout = findLayout(sheet, union, {
      styled: (r) => {
        const row = ws.getRow(r);
        for (let c = 1; c <= width; c++) if (Object.keys(row.getCell(c).border ?? {}).length) return true;
        return false;
      },
    });
    if (layout && (!best || layout.matched > best.layout.matched)) best = { book: { ...book, sheet: ws }, sheet, layout, signature: formSignature(headerTexts(layout)) };
  }
  if (best) return best;
  const names = candidates.map((w) => `“${w.name}”`).join('、');
  throw new LedgerError(
    'INVALID_INPUT',
    candidates.length === 1
      ? `在工作表${names}的前 20 行中没有找到表头：没有一列的名称与台账中的项目对得上。`
      : `在 ${candidates.length} 个工作表（${names}）的前 20 行中都没有找到表头：没有一列的名称与台账中的项目对得上。`,
    { hint: '请确认这是要填报的表格（表头应有“姓名”“村（社区）”等列名）。' },
  );
}

function paramsOf(reportId: string): string[] {
  return listReports().find((r) => r.id === reportId)?.params.filter((p) => p === 'period' || p === 'units' || p === 'mask') ?? [];
}

function fieldGroup(f: FillField): string {
  return f.path.length > 1 ? f.path.slice(0, -1).join('/') : '';
}

export async function analyseForm(ctx: LedgerContext, input: AnalyseIn): Promise<AnalyseResult> {
  const fields = await allFields(ctx);
  const { book, layout, signature } = await open(input, fields);
  const remembered = readMapping(ctx, signature);
  const fitting = FILL_SOURCES.filter((s) => s.kind === layout.shape);
  const scored = fitting.map((s) => ({ s, proposals: proposeMapping(layout.columns, fields.get(s)!) }));
  const best = [...scored].sort((a, b) => fitScore(b.proposals) - fitScore(a.proposals))[0]!;
  const reportId = input.reportId ?? remembered?.reportId ?? best.s.reportId;
  const source = findSource(reportId);
  const sourceFields = fields.get(source)!;
  let columns = proposeMapping(layout.columns, sourceFields);
  const applied = remembered && remembered.reportId === reportId;
  if (applied) columns = columns.map((c) => (c.col in remembered.mapping ? { ...c, key: remembered.mapping[c.col] ?? null, match: 'remembered' as const } : c));
  const rowLabels = layout.shape === 'matrix' ? await labelMatches(ctx, source, layout) : [];
  return {
    sheet: layout.sheet,
    sheets: sheetNames(book),
    title: layout.title,
    headerRows: [layout.headerTop, layout.headerBottom],
    dataStart: layout.dataStart,
    blankRows: Math.max(0, layout.dataEnd - layout.dataStart + 1),
    totalRows: layout.totalRows,
    shape: layout.shape,
    rowLabels,
    signature,
    reportId,
    sources: scored.map(({ s, proposals }) => ({
      reportId: s.reportId,
      label: s.label,
      kind: s.kind,
      params: paramsOf(s.reportId),
      matched: proposals.filter((p) => p.key && p.key !== SEQ_FIELD).length,
      suggested: proposals.filter((p) => p.suggestion).length,
    })),
    columns,
    fields: [
      ...(layout.shape === 'list' ? [{ key: SEQ_FIELD, label: '序号（自动编号）', group: '' }] : []),
      ...sourceFields.map((f) => ({ key: f.key, label: f.label, group: fieldGroup(f) })),
    ],
    remembered: applied ? { reportId: remembered.reportId, savedAt: remembered.savedAt } : null,
  };
}

/** A row label as the ledger names it: 多巴二村村委会 = 多巴二村; “其中：外出务工经商人员” = its category. */
function labelKey(text: string): string {
  return villageKey(headerKey(text.replace(/^[\s\u3000]*其中[:：]?/, '')));
}

async function labelMatches(ctx: LedgerContext, source: FillSource, layout: FormLayout) {
  const { rows } = await loadDataset(ctx, source, { maskIdNumbers: true });
  const known = new Set(rows.map((r) => labelKey(String(r[source.labelKey!] ?? ''))));
  return layout.rowLabels.map((l) => ({ ...l, matched: l.total || known.has(labelKey(l.label)) }));
}

export async function fillForm(ctx: LedgerContext, input: FillIn): Promise<FillResult & { buffer: Buffer }> {
  const source = findSource(input.reportId);
  const fields = await allFields(ctx);
  const opened = await open(input, fields);
  const { book, layout, signature } = opened;
  if (source.kind !== layout.shape) {
    throw new LedgerError('INVALID_INPUT', layout.shape === 'matrix' ? `这张表是按行、列分类统计的统计表，不能用名单“${source.label}”填报。` : `这张表是逐人（逐项）填写的名单，不能用统计表“${source.label}”填报。`, {
      fields: { reportId: '数据来源与表格类型不符' },
      hint: `请改选：${FILL_SOURCES.filter((s) => s.kind === layout.shape).map((s) => s.label).join('、')}`,
    });
  }
  const sourceFields = fields.get(source)!;
  const remembered = readMapping(ctx, signature);
  const columns = settleMapping(layout, sourceFields, input.mapping ?? (remembered?.reportId === source.reportId ? remembered.mapping : null));
  const dataset = await loadDataset(ctx, source, input);
  const byKey = new Map(dataset.fields.map((f) => [f.key, f]));
  const notes: string[] = [];
  const rowCount = layout.shape === 'list' ? fillList(opened, columns, dataset.rows, byKey, notes) : fillMatrix(opened, source, columns, dataset.rows, byKey, notes);
  const buffer = await saveForm(book);
  if (input.remember) {
    saveMapping(ctx, signature, { title: layout.title, reportId: source.reportId, mapping: Object.fromEntries(columns.map((c) => [c.col, c.key])), savedAt: today(ctx) });
  }
  const label = (key: string) => (key === SEQ_FIELD ? '序号（自动编号）' : (byKey.get(key)?.label ?? key));
  const base = input.fileName.replace(/\.(xlsx|xlsm)$/i, '');
  return {
    fileName: `${base}（已填报）.xlsx`,
    base64: buffer.toString('base64'),
    buffer,
    rowCount,
    mapping: columns.filter((c) => c.key).map((c) => ({ col: c.col, header: c.header, key: c.key!, label: label(c.key!) })),
    unmapped: columns.filter((c) => !c.key).map((c) => ({ col: c.col, header: c.header })),
    notes,
  };
}

/** The clerk's choices over the proposal; a column not chosen keeps only an exact (or remembered) match. */
function settleMapping(layout: FormLayout, fields: FillField[], chosen: Record<string, string | null> | null): ColumnProposal[] {
  const proposal = proposeMapping(layout.columns, fields);
  const known = new Set([SEQ_FIELD, ...fields.map((f) => f.key)]);
  if (!chosen) return proposal;
  const byLetter: Record<string, string | null> = {};
  for (const [name, key] of Object.entries(chosen)) {
    const col = columnNamed(layout, name);
    if (!col) {
      throw new LedgerError('INVALID_INPUT', /^[A-Z]{1,3}$/.test(name) ? `表格的表头中没有第 ${name} 列。` : `“${name}”不是这张表格的表头。`, {
        fields: { mapping: `没有“${name}”这一列` },
        hint: `表格的表头：${layout.columns.map((c) => `${c.letter}列“${c.header}”`).join('、')}`,
      });
    }
    if (key !== null && !known.has(key)) throw new LedgerError('INVALID_INPUT', `第 ${col} 列要填的项目“${key}”不在所选数据中。`, { fields: { mapping: `第 ${col} 列的项目不存在` }, hint: `可选的项目：${fields.map((f) => `${f.key}（${f.label}）`).join('、')}` });
    byLetter[col] = key;
  }
  return proposal.map((p) => (p.col in byLetter ? { ...p, key: byLetter[p.col] ?? null, match: 'chosen' as const } : p));
}

/** A column by its letter, its header as printed, or its header's last level (出生年月 for 基本情况/出生年月). */
function columnNamed(layout: FormLayout, name: string): string | null {
  const wanted = headerKey(name);
  const c =
    layout.columns.find((x) => x.letter === name) ??
    layout.columns.find((x) => x.header === name || headerKey(x.header) === wanted) ??
    layout.columns.find((x) => headerKey(x.parts.at(-1)!) === wanted);
  return c?.letter ?? null;
}

function colNumber(letter: string): number {
  return [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function write(book: FormBook, row: number, col: string, header: string, value: PlainValue, field: FillField | undefined): void {
  const c = colNumber(col);
  const cell = book.sheet.getCell(row, c);
  if (cellFormula(cell) !== null) return;
  const numFmt = (cell.isMerged ? cell.master : cell).numFmt;
  setValue(book.sheet, row, c, formValue(value, field?.column ?? null, { header, numFmt, dateFormat: isDateFormat(numFmt) }));
}

function fillList(opened: Opened, columns: ColumnProposal[], rows: Record<string, PlainValue>[], byKey: Map<string, FillField>, notes: string[]): number {
  const { book, layout } = opened;
  const blank = Math.max(0, layout.dataEnd - layout.dataStart + 1);
  const extra = rows.length - blank;
  if (extra > 0) {
    // Without a blank row of its own, a form's new rows copy its last header row (the closest look it has).
    addRows(book, blank ? layout.dataEnd : layout.headerBottom, extra, blank ? layout.dataStart : layout.headerBottom);
    if (!blank) plainRows(book, layout.dataStart, rows.length);
    notes.push(`表格原有 ${blank} 个空白行，已按表格第 ${blank ? layout.dataStart : layout.headerBottom} 行的格式增加 ${extra} 行${layout.totalRows.length ? '，合计行已下移并覆盖全部数据行' : ''}。`);
  }
  rows.forEach((record, i) => {
    const r = layout.dataStart + i;
    for (const c of columns) {
      if (!c.key) continue;
      write(book, r, c.col, c.header, c.key === SEQ_FIELD ? i + 1 : (record[c.key] ?? null), byKey.get(c.key));
    }
  });
  if (!rows.length) notes.push('所选范围内没有记录，表格未填写任何行。');
  return rows.length;
}

/** New rows copied from a header row: keep its borders and alignment, drop the bold and the fill. */
function plainRows(book: FormBook, from: number, count: number): void {
  for (let r = from; r < from + count; r++) {
    book.sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      const style = cell.style;
      cell.style = { ...style, font: { ...style.font, bold: false }, fill: { type: 'pattern', pattern: 'none' } };
    });
  }
}

const NON_ADDITIVE = new Set(['percent']);

function fillMatrix(opened: Opened, source: FillSource, columns: ColumnProposal[], rows: Record<string, PlainValue>[], byKey: Map<string, FillField>, notes: string[]): number {
  const { book, layout } = opened;
  const labelCol = layout.columns.find((c) => c.col === layout.labelCol)?.letter;
  const byLabel = new Map(rows.map((r) => [labelKey(String(r[source.labelKey!] ?? '')), r]));
  const counted = rows.filter((r) => !r.subsetOf);
  const fill = columns.filter((c) => c.key && c.col !== labelCol && c.key !== source.labelKey && c.key !== SEQ_FIELD);
  const totals: Record<string, PlainValue> = {};
  for (const c of fill) {
    const type = byKey.get(c.key!)?.column?.type;
    if (type && type !== 'text' && !NON_ADDITIVE.has(type)) totals[c.key!] = Math.round(counted.reduce((a, r) => a + (typeof r[c.key!] === 'number' ? (r[c.key!] as number) : 0), 0) * 1e6) / 1e6;
  }
  let filled = 0;
  const missing: string[] = [];
  for (const l of layout.rowLabels) {
    const record = l.total ? totals : byLabel.get(labelKey(l.label));
    if (!record) {
      missing.push(l.label);
      continue;
    }
    for (const c of fill) write(book, l.row, c.col, c.header, record[c.key!] ?? (l.total ? null : 0), byKey.get(c.key!));
    if (!l.total) filled++;
  }
  if (missing.length) notes.push(`以下行在“${source.label}”中没有对应的数据，未填写：${nameList(missing)}。`);
  const onForm = new Set(layout.rowLabels.map((l) => labelKey(l.label)));
  const absent = rows.filter((r) => !r.subsetOf && !onForm.has(labelKey(String(r[source.labelKey!] ?? '')))).map((r) => String(r[source.labelKey!]));
  if (absent.length) notes.push(`台账中有、表格中没有的行，其数字未填入表格：${nameList(absent)}（没有公式的合计行按台账全部数据填写）。`);
  return filled;
}

/** "甲、乙、丙等 12 个": long lists shortened for a message line. */
function nameList(names: string[], max = 10): string {
  return names.length > max ? `${names.slice(0, max).join('、')}等 ${names.length} 个` : names.join('、');
}
