/**
 * `ledger fill FORM.xlsx --report REPORT_ID --out FILE [--mapping FILE]`: 按上级模板填报 for scripts, through the
 * same forms.analyse / forms.fill contract the 报表中心 uses. The mapping file names columns by their header
 * text (as the form prints it, "基本情况/出生年月" or just "出生年月") or by letter, each to a field key or null.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import type { CommonArgs } from '../core/args';
import { invalid } from '../core/errors';
import type { LedgerHost } from '../core/host';
import { invoke } from './invoke';

/** What forms.analyse / forms.fill return that the command prints (the contract has the full shapes). */
interface Analysed {
  title: string;
  columns: { col: string; header: string; suggestion: string | null }[];
}
interface Filled {
  base64: string;
  rowCount: number;
  mapping: { col: string; header: string; key: string; label: string }[];
  unmapped: { col: string; header: string }[];
  notes: string[];
}

export interface FormIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Buffer;
  writeFile(path: string, data: Buffer): void;
}

export const FILL_USAGE =
  '用法：ledger fill <上级表格.xlsx> --report <数据来源> --out <输出文件.xlsx> [--sheet 工作表] [--mapping 映射.json] [--unit 村名,…] [--from YYYY-MM-DD --to YYYY-MM-DD] [--no-mask]';

const json = (v: unknown) => JSON.stringify(v, null, 2);
const pathOf = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));

async function unitIds(host: LedgerHost, option: string | true | undefined): Promise<number[] | undefined> {
  if (typeof option !== 'string') return undefined;
  const units = await invoke<{ id: number; name: string }[]>(host, 'org.listUnits', { includeRetired: true });
  return option
    .split(/[,，、]/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((name) => {
      const unit = units.find((u) => u.name === name);
      if (!unit) throw invalid(`没有名为“${name}”的村（社区）。可用：${units.map((u) => u.name).join('、')}`);
      return unit.id;
    });
}

export async function fillCommand(host: LedgerHost, [file]: string[], args: CommonArgs, io: FormIo): Promise<number> {
  const { report, out, mapping: mappingPath, from, to, unit, sheet } = args.options;
  if (!file || typeof report !== 'string' || typeof out !== 'string') throw invalid(FILL_USAGE);
  const base = { fileName: basename(file), base64: io.readFile(pathOf(file)).toString('base64'), ...(typeof sheet === 'string' ? { sheetName: sheet } : {}) };
  const analysed = await invoke<Analysed>(host, 'forms.analyse', { ...base, reportId: report });
  let mapping: Record<string, string | null> | undefined;
  if (typeof mappingPath === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(io.readFile(pathOf(mappingPath)).toString('utf8'));
    } catch {
      // JSON.parse's own text is English and names a byte offset; the clerk needs what to look for.
      throw invalid(`映射文件“${mappingPath}”不是有效的 JSON：请检查引号、逗号和冒号是否为英文半角，并保存为 UTF-8 编码。`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('映射文件应为 {"表头": "数据项目编号"} 形式的 JSON 对象。');
    // Header texts (or letters) go to the ledger as written: it finds the columns and says which it cannot.
    mapping = parsed as Record<string, string | null>;
  }
  const result = await invoke<Filled>(host, 'forms.fill', {
    ...base,
    reportId: report,
    ...(mapping ? { mapping } : {}),
    from: typeof from === 'string' ? from : undefined,
    to: typeof to === 'string' ? to : undefined,
    unitIds: await unitIds(host, unit),
    maskIdNumbers: args.options['no-mask'] !== true,
  });
  io.writeFile(pathOf(out), Buffer.from(result.base64, 'base64'));
  const suggestions = analysed.columns.filter((c) => c.suggestion && !result.mapping.some((m) => m.col === c.col));
  io.out(
    json({
      ok: true,
      file: pathOf(out),
      title: analysed.title,
      rowCount: result.rowCount,
      mapping: result.mapping,
      unmapped: result.unmapped,
      suggestions: suggestions.map((c) => ({ col: c.col, header: c.header, suggestion: c.suggestion })),
      notes: result.notes,
    }),
  );
  if (result.unmapped.length) io.err(`未填写的列：${result.unmapped.map((u) => `${u.col}列“${u.header}”`).join('、')}`);
  return 0;
}
