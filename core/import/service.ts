/**
 * Import as the transports call it: preview and commit run as jobs (progress and 取消 for big files), the clerk's
 * corrected mapping is remembered per file layout, and a batch can be undone.
 */
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { importBatches, settings } from '../../db/schema';
import type { LedgerContext } from '../context';
import { registerJobKind, type JobReporter } from '../jobs/registry';
import { automaticBackup } from '../backup/service';
import { commitRows, judgeRows, loadSheet, previewOf, undoBatch, type ImportOptions } from './engine';
import type { ImportKind } from './kind';
import { centreProgressImport } from './centre-progress';
import { centresImport } from './centres';
import { membersImport } from './members';
import { orgImport } from './org';
import { peopleImport } from './people';
import { reserveTrainingsImport } from './reserve-trainings';
import { reservesImport } from './reserves';
import type { commitInput, importFileInput, ImportPreviewOut } from './schemas';

export const IMPORT_KIND_LIST: ImportKind<never>[] = [
  peopleImport as ImportKind<never>,
  orgImport as ImportKind<never>,
  membersImport as ImportKind<never>,
  reservesImport as ImportKind<never>,
  reserveTrainingsImport as ImportKind<never>,
  centresImport as ImportKind<never>,
  centreProgressImport as ImportKind<never>,
];
const KINDS = new Map<string, ImportKind<unknown>>(IMPORT_KIND_LIST.map((k) => [k.id, k as ImportKind<unknown>]));

const MAPPINGS_KEY = 'import.mappings';

/** The kind with its fields as this ledger's settings make them. */
function kindOf(id: string, ctx?: LedgerContext): ImportKind<unknown> {
  const kind = KINDS.get(id)!;
  return ctx && kind.fieldsFor ? { ...kind, fields: kind.fieldsFor(ctx) } : kind;
}

function savedMappings(ctx: LedgerContext): Record<string, Record<string, string | null>> {
  const row = ctx.db.select().from(settings).where(eq(settings.key, MAPPINGS_KEY)).get();
  return row ? (JSON.parse(row.value) as Record<string, Record<string, string | null>>) : {};
}

function rememberMapping(ctx: LedgerContext, layout: string, mapping: Record<string, string | null>): void {
  const all = { ...savedMappings(ctx), [layout]: mapping };
  const value = JSON.stringify(all);
  ctx.db.insert(settings).values({ key: MAPPINGS_KEY, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

async function judged(ctx: LedgerContext, input: z.output<typeof importFileInput>, reporter: JobReporter | null) {
  const kind = kindOf(input.kind, ctx);
  const bytes = Buffer.from(input.base64, 'base64');
  const options: ImportOptions = { mapping: input.mapping, sheetName: input.sheetName };
  let loaded = await loadSheet(kind, bytes, options);
  if (!input.mapping) {
    // A layout the clerk has corrected before is read the way they corrected it.
    const remembered = savedMappings(ctx)[previewOf(kind, loaded, []).layout];
    if (remembered) loaded = await loadSheet(kind, bytes, { ...options, mapping: remembered });
  }
  const total = loaded.dataRows.length;
  reporter?.progress(0, total, `正在检查 ${total} 行`);
  const rows = judgeRows(ctx, kind, loaded, (i) => {
    if (i % 500 === 0) reporter?.progress(i, total, `正在检查第 ${i + 1} 行，共 ${total} 行`);
  });
  await reporter?.checkpoint();
  return { kind, loaded, rows };
}

export async function previewImport(ctx: LedgerContext, input: z.output<typeof importFileInput>, reporter: JobReporter | null = null): Promise<ImportPreviewOut> {
  const { kind, loaded, rows } = await judged(ctx, input, reporter);
  return { ...previewOf(kind, loaded, rows), fields: kind.fields.map((f) => ({ key: f.key, label: f.label, required: !!f.required })) };
}

export async function commitImport(ctx: LedgerContext, input: z.output<typeof commitInput>, reporter: JobReporter | null = null) {
  const { kind, loaded, rows } = await judged(ctx, input, reporter);
  reporter?.progress(rows.length, rows.length, '正在写入');
  const result = commitRows(ctx, kind, input.fileName, loaded, rows, input.mode);
  if (input.mapping) rememberMapping(ctx, previewOf(kind, loaded, []).layout, input.mapping);
  return result;
}

export function undoImport(ctx: LedgerContext, batchId: number) {
  return undoBatch(ctx, KINDS, batchId);
}

export function listBatches(ctx: LedgerContext) {
  return ctx.db.select().from(importBatches).orderBy(desc(importBatches.id)).limit(100).all();
}

export const PREVIEW_JOB = registerJobKind('import.preview', {
  label: '检查导入文件',
  writes: false,
  run: (ctx, input: z.output<typeof importFileInput>, reporter) => previewImport(ctx, input, reporter),
  doneMessage: (p: ImportPreviewOut) => `检查完成：新增 ${p.counts.新增 ?? 0}，更新 ${p.counts.更新 ?? 0}，跳过 ${p.counts.跳过 ?? 0}，错误 ${p.counts.错误 ?? 0}`,
});

export const COMMIT_JOB = registerJobKind('import.commit', {
  label: '导入数据',
  writes: true,
  run: async (ctx, input: z.output<typeof commitInput>, reporter) => {
    // Issue 11: an automatic backup before every import commit, so a wrong import can also be undone by a restore.
    reporter.progress(0, 0, '导入前自动备份当前数据');
    await automaticBackup(ctx, 'before-import', null);
    await reporter.checkpoint();
    return commitImport(ctx, input, reporter);
  },
  doneMessage: (r: { inserted: number; updated: number; skipped: number }) => `导入完成：新增 ${r.inserted}，更新 ${r.updated}，跳过 ${r.skipped}`,
});

/** The file back with a 错误说明 column and its bad cells filled light red (core/import/error-report.ts). */
export async function importErrorReport(ctx: LedgerContext, input: z.output<typeof importFileInput>): Promise<{ fileName: string; base64: string }> {
  const { kind, loaded, rows } = await judged(ctx, input, null);
  const preview = previewOf(kind, loaded, rows);
  const { buildErrorReport } = await import('./error-report');
  const buffer = await buildErrorReport(
    Buffer.from(input.base64, 'base64'),
    { sheetName: loaded.sheet.name, headerRow: loaded.header.row + 1, headerRows: loaded.header.rows, width: loaded.sheet.rows[0]?.length ?? 0 },
    preview.rows,
  );
  const base = input.fileName.replace(/\.xlsx$/i, '');
  return { fileName: `${base}（错误说明）.xlsx`, base64: buffer.toString('base64') };
}

export async function importTemplate(ctx: LedgerContext, kindId: string): Promise<{ fileName: string; base64: string }> {
  const kind = kindOf(kindId, ctx);
  const { buildTemplate } = await import('./template');
  const buffer = await buildTemplate(ctx, kind);
  return { fileName: `${kind.label}导入模板.xlsx`, base64: buffer.toString('base64') };
}
