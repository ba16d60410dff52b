/**
 * 区县汇总: the preview (read every file, run the checks) and the merge (the same, then the district's file), both
 * as jobs with progress. Only the files are read, never a township's database.
 */
import dayjs from 'dayjs';
import { today, type LedgerContext } from '../context';
import { LedgerError } from '../errors';
import { buildReport } from '../excel/builder';
import type { ReportMeta, ReportSheet } from '../excel/types';
import { registerJobKind, type JobReporter } from '../jobs/registry';
import { seedCountyCode, seedCountyName, seedTowns } from '../org/seed';
import { getSettings } from '../org/settings';
import { checkFiles, type CheckResult } from './checks';
import { fileOrigin } from './origin';
import { filesSheet, layoutsOf, mergeSheet } from './merge';
import { policyOf } from './policies';
import { NotOurFile, readTownFile, type TownFile } from './read';
import type { DistrictMerged, DistrictPreview, districtInput } from './schemas';
import type { z } from 'zod';

type Input = z.output<typeof districtInput>;
type Progress = Pick<JobReporter, 'progress' | 'checkpoint'>;

const QUIET: Progress = { progress: () => undefined, checkpoint: async () => undefined };

/** The county's townships: the list set up in 区县 mode, else the seed list when the county is the seed's. */
export function expectedTowns(ctx: LedgerContext): { name: string; code: string | null }[] | null {
  const s = getSettings(ctx);
  if (s.countyTowns.length) return s.countyTowns;
  if (s.countyName && s.countyName === seedCountyName()) return seedTowns().map((t) => ({ name: t.name, code: t.code }));
  return null;
}

async function readAll(input: Input, progress: Progress): Promise<{ files: TownFile[]; unreadable: { fileName: string; message: string }[] }> {
  const files: TownFile[] = [];
  const unreadable: { fileName: string; message: string }[] = [];
  for (const [i, f] of input.files.entries()) {
    progress.progress(i, input.files.length, `正在读取第 ${i + 1} / ${input.files.length} 个文件：${f.fileName}`);
    await progress.checkpoint();
    try {
      files.push(await readTownFile(f.fileName, Buffer.from(f.base64, 'base64')));
    } catch (err) {
      // A library's own text (a zip or XML parser's) means nothing to the clerk: say what the file is not.
      const message = err instanceof NotOurFile || err instanceof LedgerError ? (err as Error).message : '无法读取：不是有效的 Excel 文件（.xlsx），或文件已损坏。请让该乡镇（街道）重新导出后再发来。';
      unreadable.push({ fileName: f.fileName, message: message.replace(/^“[^”]*”/, '').replace(/^[，：]/, '') || message });
    }
  }
  return { files, unreadable };
}

function commonReportId(files: TownFile[]): string | null {
  const counts = new Map<string, number>();
  for (const f of files) if (f.meta.reportId) counts.set(f.meta.reportId, (counts.get(f.meta.reportId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

async function check(ctx: LedgerContext, input: Input, progress: Progress): Promise<{ result: CheckResult; reportId: string }> {
  const { files, unreadable } = await readAll(input, progress);
  const reportId = input.reportId ?? commonReportId(files);
  if (!reportId) {
    throw new LedgerError('INVALID_INPUT', '所选文件都不是本台账导出的报表，无法合并。', {
      hint: unreadable.map((u) => `“${u.fileName}”：${u.message}`).join('\n') || '请选择各乡镇（街道）用本台账导出的 .xlsx 报表。',
    });
  }
  const result = checkFiles({ reportId, files, unreadable, expected: expectedTowns(ctx), countyKey: getSettings(ctx).countyKey });
  return { result, reportId };
}

function previewOf(reportId: string, r: CheckResult): DistrictPreview {
  return {
    reportId,
    title: r.title,
    lines: r.lines,
    files: r.sources.map((s) => ({
      fileName: s.file.fileName,
      area: s.area,
      areaCode: s.file.meta.areaCode ?? null,
      records: s.file.recordCount,
      hash: s.file.computedHash,
      hashOk: s.file.hashOk,
    })),
    duplicates: r.duplicates,
    canMerge: !r.blocked,
    edited: r.edited,
  };
}

export async function previewDistrict(ctx: LedgerContext, input: Input, progress: Progress = QUIET): Promise<DistrictPreview> {
  const { result, reportId } = await check(ctx, input, progress);
  return previewOf(reportId, result);
}

export async function mergeDistrict(ctx: LedgerContext, input: Input, progress: Progress = QUIET): Promise<DistrictMerged> {
  const { result, reportId } = await check(ctx, input, progress);
  const preview = previewOf(reportId, result);
  if (result.blocked) {
    throw new LedgerError('INVALID_INPUT', `不能合并：${result.lines.filter((l) => l.level === 'error').map((l) => l.text).join('\n')}`, {
      hint: '请按上面的说明移除或更换文件后再合并。',
    });
  }
  if (result.edited.length && !input.acceptEdited) {
    throw new LedgerError('CONFLICT', `有 ${result.edited.length} 个文件导出后被改动过：${result.edited.map((f) => `“${f}”`).join('、')}。`, {
      hint: '请与有关乡镇核实；确认无误后勾选“确认合并被改动的文件”（命令行加 --accept-edited）再合并。',
    });
  }
  progress.progress(input.files.length, input.files.length, '正在生成汇总表');
  await progress.checkpoint();
  const { buffer, rowCount, fileName } = await writeMerged(ctx, reportId, result);
  return { fileName, base64: buffer.toString('base64'), rowCount, preview };
}

/** The district's file: each printed sheet merged by its policy, then the list of files merged. */
export async function writeMerged(ctx: LedgerContext, reportId: string, r: CheckResult): Promise<{ buffer: Buffer; rowCount: number; fileName: string }> {
  const policy = policyOf(reportId, r.title);
  if ('refused' in policy) throw new LedgerError('INVALID_INPUT', policy.refused);
  const first = r.sources[0]!.file;
  const sheets: ReportSheet[] = [];
  let rowCount = 0;
  layoutsOf(first).forEach((_, i) => {
    const merged = mergeSheet(r.sources, i, policy.sheets[i]!, r.level);
    sheets.push(merged.sheet);
    rowCount += merged.records;
  });
  sheets.push(filesSheet(r.sources, r.level, new Set(r.edited)));
  const s = getSettings(ctx);
  const areaName = s.countyName || String(first.meta.countyName ?? '');
  const level = r.level === 'county' || r.level === 'city' ? 'city' : 'county';
  const periodTos = r.sources.map((x) => String(x.file.meta.periodTo ?? '')).filter(Boolean).sort();
  const sameText = new Set(r.sources.map((x) => x.file.meta.period)).size === 1;
  const latest = periodTos.at(-1);
  const meta: ReportMeta = {
    reportId,
    unitName: s.mode === 'county' && s.unitName ? s.unitName : `中共${areaName}委员会组织部`,
    period: sameText ? (first.meta.period ?? undefined) : latest ? `截至 ${latest}` : undefined,
    periodFrom: first.meta.periodFrom ?? undefined,
    periodTo: sameText ? (first.meta.periodTo ?? undefined) : latest,
    filledDate: today(ctx),
    fillerName: s.fillerName,
    reviewerName: s.reviewerName,
    phone: s.phone,
    fonts: { title: s.fontTitle, header: s.fontHeader, body: s.fontBody },
    paper: first.meta.paper === 'A3' ? 'A3' : 'A4',
    origin: { ...fileOrigin(ctx), level, areaName, areaCode: seedCountyCode(areaName), townName: '', townCode: null, countyName: areaName, countyCode: seedCountyCode(areaName), masked: null },
  };
  const buffer = await buildReport(meta, sheets);
  const fileName = `${r.title}_${areaName}汇总_${dayjs(today(ctx)).format('YYYYMMDD')}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  return { buffer, rowCount, fileName };
}

export const PREVIEW_JOB = registerJobKind('district.preview', {
  label: '检查区县汇总文件',
  writes: false,
  run: (ctx, input: Input, reporter) => previewDistrict(ctx, input, reporter),
  doneMessage: (p: DistrictPreview) => `检查完成：${p.files.length} 个文件${p.canMerge ? '，可以合并' : '，有问题需要处理'}`,
});

export const MERGE_JOB = registerJobKind('district.merge', {
  label: '区县汇总',
  writes: false,
  run: (ctx, input: Input, reporter) => mergeDistrict(ctx, input, reporter),
  doneMessage: (m: DistrictMerged) => `汇总完成：${m.preview.files.length} 个文件，${m.rowCount} 条记录`,
});
