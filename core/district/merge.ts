/**
 * The district's copy of a report, built from the townships' `_data` and the layout each file carries in `_meta`
 * (the report's own columns, 合计 and notes, as its builder defined them), and written by the same builder
 * (core/excel/builder), so the district file looks like the townships' and is itself mergeable (a city merges
 * districts the same way: the added column is then 区县).
 */
import { headerPath } from '../excel/headers';
import type { SheetLayout } from '../excel/machine';
import type { CellInput, ReportColumn, ReportSheet } from '../excel/types';
import { addRows, addValues, isNumbering } from './combine';
import type { SheetPolicy } from './policies';
import type { DataRecord, TownFile } from './read';

export const FILES_SHEET = '汇总文件清单';
const SUBTOTAL = '__subtotal';

/** The column a merge adds, by the level of the files merged. */
export function areaColumnOf(level: string | null | undefined): { key: string; header: string; unit: string } {
  if (level === 'county') return { key: 'county', header: '区县', unit: '个区县' };
  if (level === 'city') return { key: 'city', header: '市（州）', unit: '个市（州）' };
  return { key: 'town', header: '乡镇（街道）', unit: '个乡镇（街道）' };
}

export interface MergeSource {
  file: TownFile;
  /** The township (or district) the file is from, as printed in the added column. */
  area: string;
}

interface Union {
  columns: ReportColumn[];
  /** Per source: its key → the merged key. */
  maps: Map<string, string>[];
}

const pathOf = (c: Pick<ReportColumn, 'header'>) => JSON.stringify(headerPath(c.header));

/**
 * Every file's columns in one list. A column is the same column when key and header agree, or when its header is
 * another file's under another key (townships list their own 资金来源 or 来源 in their own order); otherwise it is a
 * column of its own, placed after the column it followed in its file.
 */
function unionColumns(sources: MergeSource[], sheetIndex: number): Union {
  const columns: ReportColumn[] = [];
  const maps = sources.map((s) => {
    const layout = layoutsOf(s.file)[sheetIndex]!;
    const codes = new Map(s.file.meta.columns.map((c) => [c.key, c.codes]));
    const map = new Map<string, string>();
    let last = -1;
    for (const col of layout.columns) {
      const path = pathOf(col);
      let at = columns.findIndex((m) => m.key === col.key && pathOf(m) === path);
      if (at < 0) at = columns.findIndex((m) => pathOf(m) === path && (m.type ?? 'text') === (col.type ?? 'text') && ![...map.values()].includes(m.key));
      if (at < 0) {
        let key = col.key;
        for (let n = 2; columns.some((m) => m.key === key); n++) key = `${col.key}_${n}`;
        at = last + 1;
        columns.splice(at, 0, { ...col, key });
      }
      const merged = columns[at]!;
      const own = codes.get(col.key);
      if (own) columns[at] = { ...merged, codes: { ...(merged.codes ?? {}), ...own } };
      map.set(col.key, merged.key);
      last = at;
    }
    return map;
  });
  return { columns, maps };
}

/** The printed sheets' layouts of a file, without a merged file's own list of files. */
export function layoutsOf(file: TownFile): SheetLayout[] {
  return (file.meta.layout ?? []).filter((l) => l.sheetName !== FILES_SHEET);
}

function remap(rec: DataRecord, map: Map<string, string>): DataRecord {
  const out: DataRecord = {};
  for (const [k, v] of Object.entries(rec)) out[map.get(k) ?? k] = v;
  return out;
}

function recordsOf(file: TownFile, layout: SheetLayout): DataRecord[] {
  return file.records.get(layout.sheetName) ?? [];
}

/** A file's 合计 row, or the sum of its records where its layout has none. */
function totalsOf(file: TownFile, layout: SheetLayout, columns: ReportColumn[]): DataRecord {
  if (layout.totals) return { ...layout.totals.row };
  return addRows(recordsOf(file, layout), columns.map((c) => c.key), new Set());
}

/** Notes every file printed alike (the rules of counting); a township's own remarks stay in its own file. */
function sharedNotes(sources: MergeSource[], sheetIndex: number, extra: string): string[] {
  const all = sources.map((s) => layoutsOf(s.file)[sheetIndex]?.notes ?? []);
  const common = (all[0] ?? []).filter((n) => all.every((notes) => notes.includes(n)));
  const strip = (n: string) => n.replace(/^(注：|　　)\d+\.\s*/, '');
  const lines = [...common.map(strip), extra];
  return lines.map((text, i) => `${i === 0 ? '注：' : '　　'}${i + 1}. ${text}`);
}

function numberingKeys(columns: ReportColumn[]): Set<string> {
  return new Set(columns.filter((c) => isNumbering(c.key, c.header)).map((c) => c.key));
}

export interface MergedSheet {
  sheet: ReportSheet;
  records: number;
}

export function mergeSheet(sources: MergeSource[], sheetIndex: number, policy: SheetPolicy, level: string | null | undefined): MergedSheet {
  const first = layoutsOf(sources[0]!.file)[sheetIndex]!;
  const { columns, maps } = unionColumns(sources, sheetIndex);
  const area = areaColumnOf(level);
  const note = `本表由 ${sources.length} ${area.unit}报送的文件汇总生成（${sources.map((s) => s.area).join('、')}），文件名与校验码见“${FILES_SHEET}”工作表。`;
  const labelKey = first.totals?.labelKey ?? columns.find((c) => !c.dataOnly && (c.type ?? 'text') === 'text')?.key ?? columns[0]!.key;
  const numbering = numberingKeys(columns);
  const keys = columns.map((c) => c.key);
  const derive = (row: DataRecord) => (policy.derived ? { ...row, ...policy.derived(row, first) } : row);
  const base = {
    sheetName: first.sheetName,
    title: first.title,
    notes: sharedNotes(sources, sheetIndex, note),
  };
  const fileTotals = sources.map((s, i) => remap(totalsOf(s.file, layoutsOf(s.file)[sheetIndex]!, columns), maps[i]!));

  if (policy.kind === 'units') {
    const rows = sources.map((s, i) => {
      const row = derive({ ...fileTotals[i]!, [labelKey]: s.area });
      if (numbering.size) for (const k of numbering) row[k] = i + 1;
      return row;
    });
    const totals = derive(addRows(fileTotals, keys, new Set([labelKey, ...numbering])));
    const cols = columns.map((c) => (c.key === labelKey ? { ...c, header: area.header } : c));
    return {
      sheet: { ...base, columns: cols, rows, totals: { label: '合计', labelKey, values: totals }, columnNumbers: first.columnNumbers, freezeColumns: first.freezeColumns },
      records: rows.length,
    };
  }

  if (policy.kind === 'categories') {
    const key = policy.key ?? labelKey;
    const order: string[] = [];
    const groups = new Map<string, { area: string; rec: DataRecord }[]>();
    sources.forEach((s, i) => {
      for (const rec of recordsOf(s.file, layoutsOf(s.file)[sheetIndex]!)) {
        const r = remap(rec, maps[i]!);
        const id = String(r[key] ?? r[labelKey] ?? '');
        if (!groups.has(id)) {
          groups.set(id, []);
          order.push(id);
        }
        groups.get(id)!.push({ area: s.area, rec: r });
      }
    });
    const textKeys = columns.filter((c) => (c.type ?? 'text') === 'text' && c.key !== key && c.key !== labelKey && !c.codes && !c.dataOnly).map((c) => c.key);
    const rows = order.map((id, n) => {
      const group = groups.get(id)!;
      const row: DataRecord = { ...group[0]!.rec, ...addRows(group.map((g) => g.rec), keys, new Set([key, labelKey, ...numbering, ...textKeys])) };
      for (const k of textKeys) {
        const present = group.filter((g) => g.rec[k] !== null && g.rec[k] !== undefined && g.rec[k] !== '');
        // A wording every township prints alike (a 口径) stays as it is; what differs is named by township.
        row[k] = new Set(present.map((g) => g.rec[k])).size === 1 && present.length === group.length ? present[0]!.rec[k]! : present.map((g) => `${g.area}：${g.rec[k]}`).join('；');
      }
      for (const k of numbering) row[k] = n + 1;
      return derive(row);
    });
    const totals = first.totals ? derive(addRows(fileTotals, keys, new Set([labelKey, ...numbering, ...textKeys]))) : null;
    if (totals) for (const k of numbering) if (k in (first.totals?.row ?? {})) totals[k] = rows.length + 1;
    return {
      sheet: { ...base, columns, rows, totals: totals ? { label: first.totals!.label, labelKey, values: totals } : false, columnNumbers: first.columnNumbers, freezeColumns: first.freezeColumns },
      records: rows.length,
    };
  }

  // list: the records township by township under the added column, a 小计 after each, the 合计 of all.
  const at = columns[0] && isNumbering(columns[0].key, columns[0].header) ? 1 : 0;
  const cols = [...columns];
  if (!cols.some((c) => c.key === area.key)) cols.splice(at, 0, { key: area.key, header: area.header, width: 14 });
  const rows: DataRecord[] = [];
  let seq = 0;
  let records = 0;
  sources.forEach((s, i) => {
    const recs = recordsOf(s.file, layoutsOf(s.file)[sheetIndex]!);
    for (const rec of recs) {
      const row = remap(rec, maps[i]!);
      row[area.key] = s.area;
      for (const k of numbering) row[k] = ++seq;
      rows.push(row);
      records++;
    }
    const sub = derive({ ...fileTotals[i]!, [labelKey]: null, [area.key]: `${s.area} 小计`, [SUBTOTAL]: 1 });
    rows.push(sub);
  });
  const sumKeys = keys.filter((k) => k !== labelKey && !numbering.has(k));
  const combined = derive(addRows(fileTotals, sumKeys, new Set()));
  combined[area.key] = `${sources.length} ${area.unit}`;
  // Every figure fixed: a SUM over the rows would count the 小计 rows twice.
  for (const c of columns) if (c.total === 'sum' && !(c.key in combined)) combined[c.key] = addValues(fileTotals.map((t) => t[c.key]));
  return {
    sheet: {
      ...base,
      columns: cols,
      rows,
      totals: { label: first.totals?.label ?? '合计', labelKey: first.totals ? labelKey : area.key, values: combined },
      freezeColumns: (first.freezeColumns ?? 0) + 1,
      printOnly: (row) => row[SUBTOTAL] === 1,
    },
    records,
  };
}

/** The visible list of the files merged, with their hashes; not records (left out of `_data`). */
export function filesSheet(sources: MergeSource[], level: string | null | undefined, edited: ReadonlySet<string>): ReportSheet {
  const area = areaColumnOf(level);
  const columns: ReportColumn[] = [
    { key: 'seq', header: '序号', type: 'int', width: 5, align: 'center' },
    { key: 'area', header: area.header, width: 14 },
    { key: 'code', header: '区划代码', width: 12, align: 'center' },
    { key: 'fileName', header: '文件名', width: 32 },
    { key: 'records', header: '记录数', type: 'int', width: 8, align: 'center' },
    { key: 'generatedAt', header: '导出时间', width: 20, align: 'center' },
    { key: 'hash', header: '校验码（SHA-256）', width: 40 },
    { key: 'check', header: '校验结果', width: 16, align: 'center' },
  ];
  const rows: Record<string, CellInput>[] = sources.map((s, i) => ({
    seq: i + 1,
    area: s.area,
    code: s.file.meta.areaCode ?? s.file.meta.townCode ?? '',
    fileName: s.file.fileName,
    records: s.file.recordCount,
    generatedAt: String(s.file.meta.generatedAt ?? '').replace('T', ' ').slice(0, 19),
    // Printed as two lines of 32: one unbroken 64-digit run wraps where the font decides, and the row,
    // sized by estimate, clipped its first line.
    hash: s.file.computedHash.replace(/^(.{32})/, '$1\n'),
    check: s.file.hashOk ? '一致' : edited.has(s.file.fileName) ? '导出后被修改（经确认合并）' : '导出后被修改',
  }));
  return {
    sheetName: FILES_SHEET,
    title: FILES_SHEET,
    columns,
    rows,
    totals: false,
    notes: ['注：1. 校验码按文件中各表格的单元格内容计算（不含格式）；与各乡镇导出时的校验码一致，说明导出后未被改动。'],
    freezeColumns: 2,
    printOnly: () => true,
  };
}
