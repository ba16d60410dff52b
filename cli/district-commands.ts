/** `ledger merge`: 区县汇总 from files on disk, through the same contract job as the 区县汇总 page. */
import { readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { CommonArgs } from '../core/args';
import { invalid } from '../core/errors';
import type { LedgerHost } from '../core/host';
import { invoke, jobToEnd } from './invoke';
import type { DistrictMerged, DistrictPreview } from '../core/api/contract';

export interface DistrictIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Buffer;
  writeFile(path: string, data: Buffer): void;
}

const USAGE = '用法：ledger merge <报表编号> <文件或文件夹>… --out <汇总文件.xlsx> [--accept-edited] [--dry-run]';
const json = (v: unknown) => JSON.stringify(v, null, 2);
const pathOf = (p: string) => (isAbsolute(p) ? p : resolve(process.cwd(), p));

/** The .xlsx files named, a folder standing for the .xlsx files directly in it (Excel's ~$ lock files left out). */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths.map(pathOf)) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw invalid(`找不到文件或文件夹：${p}`);
    }
    if (st.isDirectory()) {
      const found = readdirSync(p).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort().map((n) => join(p, n));
      if (!found.length) throw invalid(`文件夹里没有 .xlsx 文件：${p}`);
      out.push(...found);
    } else out.push(p);
  }
  return out;
}

function job<T>(host: LedgerHost, method: 'district.preview' | 'district.merge', input: unknown, io: DistrictIo): Promise<T> {
  return jobToEnd<T>(host, method, input, (line) => io.err(line));
}

function printLines(preview: DistrictPreview, io: DistrictIo): void {
  const mark = { error: '错误', confirm: '需确认', warning: '提醒', info: '文件' } as const;
  for (const l of preview.lines) io.err(`[${mark[l.level]}] ${l.text}`);
}

/** `ledger merge REPORT_ID FILE_OR_FOLDER… --out FILE [--accept-edited] [--dry-run]`. */
export async function mergeCommand(host: LedgerHost, [reportId, ...paths]: string[], args: CommonArgs, io: DistrictIo): Promise<number> {
  const out = args.options.out;
  const dryRun = args.options['dry-run'] === true;
  if (!reportId || !paths.length || (typeof out !== 'string' && !dryRun)) throw invalid(USAGE);
  const files = collectFiles(paths).map((p) => ({ fileName: basename(p), base64: io.readFile(p).toString('base64') }));
  const input = { reportId, files, acceptEdited: args.options['accept-edited'] === true };
  if (dryRun) {
    const preview = await job<DistrictPreview>(host, 'district.preview', input, io);
    printLines(preview, io);
    io.out(json({ ok: true, dryRun: true, ...preview }));
    return preview.canMerge ? 0 : 1;
  }
  const merged = await job<DistrictMerged>(host, 'district.merge', input, io);
  printLines(merged.preview, io);
  const target = pathOf(out as string);
  io.writeFile(target, Buffer.from(merged.base64, 'base64'));
  const { base64: _b, ...rest } = merged;
  io.out(json({ ok: true, file: target, suggestedName: rest.fileName, rowCount: rest.rowCount, files: rest.preview.files, duplicates: rest.preview.duplicates, edited: rest.preview.edited }));
  return 0;
}
