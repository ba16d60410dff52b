/** `ledger import` and `ledger template`: the import contract, with the file read and written at the CLI's edge. */
import { basename, isAbsolute, resolve } from 'node:path';
import type { CommonArgs } from '../core/args';
import { invalid } from '../core/errors';
import type { LedgerHost } from '../core/host';
import { invoke, jobToEnd } from './invoke';

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Buffer;
  writeFile(path: string, data: Buffer): void;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);
const pathOf = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));

function job<T>(host: LedgerHost, method: 'import.preview' | 'import.commit', input: unknown, io: ImportIo): Promise<T> {
  return jobToEnd<T>(host, method, input, (line) => io.err(line));
}

interface Preview {
  sheet: string;
  headerRow: number;
  counts: Record<string, number>;
  columns: { col: string; header: string; key: string | null }[];
  rows: { row: number; status: string; label: string; problems: unknown[]; notes: unknown[] }[];
}

/** `ledger import KIND FILE [--dry-run] [--mapping FILE] [--all-or-nothing]`. */
export async function importCommand(host: LedgerHost, [kind, file]: string[], args: CommonArgs, io: ImportIo): Promise<number> {
  if (!kind || !file) throw invalid('用法：ledger import <类型> <文件.xlsx> [--dry-run] [--mapping 映射.json] [--all-or-nothing]（类型：people 人员、org 组织、members 发展党员台账、reserves 后备人才、reserve-trainings 后备人才培训记录、centres 服务中心、centre-progress 服务中心进度）');
  const mappingPath = args.options.mapping;
  const mapping = typeof mappingPath === 'string' ? (JSON.parse(io.readFile(pathOf(mappingPath)).toString('utf8')) as Record<string, string | null>) : undefined;
  const input = { kind, fileName: basename(file), base64: io.readFile(pathOf(file)).toString('base64'), ...(mapping ? { mapping } : {}) };
  const preview = await job<Preview>(host, 'import.preview', input, io);
  const summary = {
    sheet: preview.sheet,
    headerRow: preview.headerRow,
    columns: preview.columns,
    counts: preview.counts,
    errors: preview.rows.filter((r) => r.problems.length).flatMap((r) => r.problems),
    notes: preview.rows.flatMap((r) => r.notes),
  };
  if (args.options['dry-run'] === true) {
    io.out(json({ ok: true, dryRun: true, ...summary }));
    return 0;
  }
  const result = await job(host, 'import.commit', { ...input, mode: args.options['all-or-nothing'] === true ? 'all' : 'valid' }, io);
  io.out(json({ ok: true, ...summary, result }));
  return 0;
}

/** `ledger template KIND --out FILE`. */
export async function templateCommand(host: LedgerHost, [kind]: string[], args: CommonArgs, io: ImportIo): Promise<number> {
  const out = args.options.out;
  if (!kind || typeof out !== 'string') throw invalid('用法：ledger template <类型> --out <文件.xlsx>（类型：people 人员、org 组织、members 发展党员台账、reserves 后备人才、reserve-trainings 后备人才培训记录、centres 服务中心、centre-progress 服务中心进度）');
  const { base64, fileName } = await invoke<{ base64: string; fileName: string }>(host, 'import.template', { kind });
  io.writeFile(pathOf(out), Buffer.from(base64, 'base64'));
  io.out(json({ ok: true, file: pathOf(out), fileName }));
  return 0;
}
