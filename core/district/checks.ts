/**
 * The checks before a merge, each a plain Chinese line of the preview: a file of another report, format version or
 * period; one township twice; a file changed after export (merged only when the clerk confirms); a township of the
 * county missing; one 公民身份号码 in two townships' files (listed, for the clerk to resolve).
 */
import { MACHINE_FORMAT_VERSION } from '../excel/machine';
import { APP_VERSION } from '../version';
import { keyedIdHash } from './origin';
import { layoutsOf, type MergeSource } from './merge';
import { policyOf } from './policies';
import type { TownFile } from './read';

export type LineLevel = 'error' | 'confirm' | 'warning' | 'info';

export interface PreviewLine {
  level: LineLevel;
  text: string;
  fileName?: string;
}

export interface Duplicate {
  /** The number as the files show it (masked where they are). */
  idNumber: string;
  names: string[];
  areas: string[];
}

export interface CheckInput {
  reportId: string;
  files: TownFile[];
  /** Files that could not be read at all, with why. */
  unreadable: { fileName: string; message: string }[];
  /** The county's townships for the missing-township check; null to skip it (a city, or no list). */
  expected: { name: string; code: string | null }[] | null;
  /** The district's own county key, to match full numbers with other files' keyed hashes. */
  countyKey: string;
}

export interface CheckResult {
  lines: PreviewLine[];
  duplicates: Duplicate[];
  sources: MergeSource[];
  /** Files whose hash does not hold. */
  edited: string[];
  blocked: boolean;
  /** The level of the files merged (town, or county for a city's merge). */
  level: string | null;
  title: string;
}

const areaOf = (f: TownFile) => String(f.meta.areaName || f.meta.townName || f.meta.unitName || f.fileName);

function periodOf(f: TownFile): string {
  return String(f.meta.period ?? '');
}

export function checkFiles(input: CheckInput): CheckResult {
  const lines: PreviewLine[] = [];
  const error = (text: string, fileName?: string) => lines.push({ level: 'error', text, ...(fileName ? { fileName } : {}) });
  for (const u of input.unreadable) error(`“${u.fileName}”：${u.message}`, u.fileName);

  const ours = input.files.filter((f) => {
    if (f.meta.formatVersion !== MACHINE_FORMAT_VERSION) {
      error(`“${f.fileName}”的数据格式是第 ${f.meta.formatVersion} 版，本程序只合并第 ${MACHINE_FORMAT_VERSION} 版的文件。请该乡镇把台账升级到 ${APP_VERSION} 或更新版本后重新导出。`, f.fileName);
      return false;
    }
    if (f.meta.reportId !== input.reportId) {
      error(`“${f.fileName}”是“${f.meta.title || f.meta.reportId}”（${f.meta.reportId}），不是本次合并的报表（${input.reportId}），请移除这个文件。`, f.fileName);
      return false;
    }
    return true;
  });
  const title = ours[0]?.meta.title ?? input.reportId;
  const policy = policyOf(input.reportId, title);
  if ('refused' in policy) error(policy.refused);

  const levels = new Set(ours.map((f) => f.meta.level ?? 'town'));
  if (levels.size > 1) error('所选文件中既有乡镇（街道）导出的文件，也有区县汇总文件，不能混在一起合并。请只选同一级的文件。');
  const level = ours[0]?.meta.level ?? 'town';

  // The period: a statistics period must be the same; a 截至 list may be exported on different days.
  const periods = new Map<string, TownFile[]>();
  for (const f of ours) periods.set(periodOf(f), [...(periods.get(periodOf(f)) ?? []), f]);
  if (periods.size > 1) {
    const ranged = ours.some((f) => f.meta.periodFrom) || ours.some((f) => !f.meta.periodTo);
    const [main] = [...periods.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    for (const [period, files] of periods) {
      if (period === main) continue;
      const names = files.map((f) => `“${f.fileName}”（${areaOf(f)}）`).join('、');
      if (ranged) error(`${names}的统计时段是“${period || '未注明'}”，与其他文件的“${main}”不同，不能合并。请按同一时段重新导出。`, files[0]!.fileName);
      else lines.push({ level: 'warning', text: `${names}是“${period}”的情况，其他文件是“${main}”，截至日期不同；汇总表按最晚的日期注明。` });
    }
  }

  // The same township twice.
  const byArea = new Map<string, TownFile[]>();
  for (const f of ours) {
    const id = f.meta.areaCode || areaOf(f);
    byArea.set(id, [...(byArea.get(id) ?? []), f]);
  }
  for (const files of byArea.values()) {
    if (files.length > 1) error(`${areaOf(files[0]!)}有 ${files.length} 个文件：${files.map((f) => `“${f.fileName}”`).join('、')}。每个乡镇（街道）只能合并一个文件，请保留一个。`, files[1]!.fileName);
  }

  // Changed by hand after export.
  const edited = ours.filter((f) => !f.hashOk).map((f) => f.fileName);
  for (const f of ours.filter((x) => !x.hashOk)) {
    lines.push({
      level: 'confirm',
      text: f.storedHash
        ? `“${f.fileName}”（${areaOf(f)}）导出后被改动过：文件内容与导出时的校验码不符。合并只读取其中的数据页，手工改动的数字可能未被计入或与打印表不一致。请与该乡镇核实；确认无误后勾选“确认合并被改动的文件”。`
        : `“${f.fileName}”（${areaOf(f)}）没有校验码，无法确认导出后是否被改动过。请与该乡镇核实后确认合并。`,
      fileName: f.fileName,
    });
  }

  // Missing townships, against the county's list.
  if (input.expected && level === 'town') {
    const have = new Set(ours.flatMap((f) => [f.meta.areaCode, areaOf(f)].filter(Boolean) as string[]));
    const missing = input.expected.filter((t) => !have.has(t.name) && !(t.code && have.has(t.code)));
    if (missing.length) lines.push({ level: 'warning', text: `缺少 ${missing.length} 个乡镇（街道）的文件：${missing.map((t) => t.name).join('、')}。汇总表只包含已选的 ${ours.length} 个。` });
    const known = new Set(input.expected.flatMap((t) => [t.name, t.code].filter(Boolean) as string[]));
    for (const f of ours) {
      if (!known.has(areaOf(f)) && !(f.meta.areaCode && known.has(f.meta.areaCode))) {
        lines.push({ level: 'warning', text: `“${f.fileName}”来自“${areaOf(f)}”，不在本区县的乡镇（街道）名单中，请核实是否选错了文件。`, fileName: f.fileName });
      }
    }
  }

  const keyIds = new Set(ours.map((f) => f.meta.idKeyId).filter(Boolean));
  if (keyIds.size > 1) lines.push({ level: 'warning', text: '各文件的区县密钥不一致，脱敏文件之间无法比对同一人。请核实各乡镇在“设置”中填写的区县密钥是否与区县下发的相同。' });

  const order = orderOf(ours, input.expected);
  const sources: MergeSource[] = order.map((f) => ({ file: f, area: areaOf(f) }));
  const duplicates = findDuplicates(sources, input.countyKey);
  for (const d of duplicates.slice(0, 50)) {
    lines.push({ level: 'warning', text: `公民身份号码 ${d.idNumber}（${d.names.join('、')}）同时出现在 ${d.areas.join('、')} 的文件中，请核实此人应归属哪个乡镇（街道）。` });
  }
  if (duplicates.length > 50) lines.push({ level: 'warning', text: `另有 ${duplicates.length - 50} 人同时出现在两个以上乡镇（街道）的文件中，完整名单见预览下方的列表。` });

  for (const s of sources) {
    lines.push({ level: 'info', text: `${s.area}：“${s.file.fileName}”，${s.file.recordCount} 条记录，校验码 ${s.file.computedHash.slice(0, 12)}…${s.file.hashOk ? '（一致）' : '（不符）'}`, fileName: s.file.fileName });
  }
  if (!ours.length && !lines.some((l) => l.level === 'error')) error('没有可以合并的文件。请选择各乡镇（街道）导出的报表文件（.xlsx）。');
  for (const [i] of (ours[0] ? layoutsOf(ours[0]) : []).entries()) {
    if ('sheets' in policy && !policy.sheets[i]) error(`“${title}”的第 ${i + 1} 张表没有合并规则，不能合并。`);
  }
  return { lines, duplicates, sources, edited, blocked: lines.some((l) => l.level === 'error'), level, title };
}

/** Townships in the county's order, then any others in the order chosen. */
function orderOf(files: TownFile[], expected: CheckInput['expected']): TownFile[] {
  if (!expected) return files;
  const rank = (f: TownFile) => {
    const i = expected.findIndex((t) => t.name === areaOf(f) || (t.code && t.code === f.meta.areaCode));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

/** One person in two areas' files: by the keyed hash where the file has it, else by the full number. */
function findDuplicates(sources: MergeSource[], countyKey: string): Duplicate[] {
  const seen = new Map<string, { idNumber: string; names: Set<string>; areas: Set<string> }>();
  for (const s of sources) {
    for (const layout of layoutsOf(s.file)) {
      for (const rec of s.file.records.get(layout.sheetName) ?? []) {
        const shown = rec.idNumber === null || rec.idNumber === undefined ? '' : String(rec.idNumber);
        if (!shown) continue;
        const full = shown.includes('*') ? null : shown.toUpperCase();
        const hashed = typeof rec.idNumberKey === 'string' && rec.idNumberKey ? rec.idNumberKey : full && countyKey ? keyedIdHash(countyKey, full) : null;
        const id = hashed ?? (full ? `id:${full}` : null);
        if (!id) continue;
        const entry = seen.get(id) ?? { idNumber: shown, names: new Set<string>(), areas: new Set<string>() };
        if (rec.name) entry.names.add(String(rec.name));
        entry.areas.add(s.area);
        seen.set(id, entry);
      }
    }
  }
  return [...seen.values()].filter((e) => e.areas.size > 1).map((e) => ({ idNumber: e.idNumber, names: [...e.names], areas: [...e.areas] }));
}
