/**
 * Checks that a file really is a complete ledger backup before anything trusts it: a readable zip, a manifest of this
 * application, a schema this app knows, every entry's SHA-256 as recorded, and a contained database that passes
 * integrity_check and holds the rows the manifest counted. Every refusal names what is wrong in Chinese; nothing
 * here touches the data folder's own files.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LedgerError } from '../errors';
import { APP_ID } from '../version';
import { openZip, sha256OfFile, type ZipReader } from './archive';
import { BACKUP_KIND_LABELS, MAIN_TABLES, manifest as manifestSchema, type BackupInfo, type Manifest } from './schemas';
import { openCopy, readFacts, shippedTags, type BackupTools } from './tools';

export const FORMAT = 'grassroots-ledger-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const DB_ENTRY = 'ledger.db';
const MAX_MANIFEST = 64 * 1024 * 1024;

export interface VerifyOptions {
  tools: BackupTools;
  /** <dataDir>/backups/files: where automatic backups keep their shared attachments. */
  sharedDir: string | null;
  /** A folder of ours where the database is extracted for checking (and kept, for a restore). */
  scratchDir: string;
  /** For a restore: also extract the attachments under scratchDir, ready to move into place. */
  stageAttachments?: boolean;
  onProgress?: (done: number, total: number, message: string) => void | Promise<void>;
}

export interface Verified {
  manifest: Manifest;
  info: BackupInfo;
  /** The checked database copy inside scratchDir. */
  dbFile: string;
}

function refuse(file: string, reason: string, hint = '当前数据没有任何改动。请换一个完整的台账备份文件（.zip）再试。'): LedgerError {
  return new LedgerError('INVALID_INPUT', `无法使用备份文件“${basename(file)}”：${reason}`, { hint });
}

/** Only paths this app writes: ledger.db and attachments/…; never absolute, never "..". */
function safeEntryPath(path: string): boolean {
  if (path === DB_ENTRY) return true;
  if (!path.startsWith('attachments/')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\:\u0000-\u001f]/.test(part));
}

function head(file: string, n: number): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export function infoOf(m: Manifest, fileName: string, size: number): BackupInfo {
  return {
    fileName,
    kind: m.kind,
    kindLabel: BACKUP_KIND_LABELS[m.kind],
    townName: m.townName,
    unitName: m.unitName,
    createdAt: m.createdAt,
    schemaVersion: m.schemaVersion,
    appVersion: m.appVersion,
    size,
    counts: MAIN_TABLES.map(({ table, label }) => ({ table, label, count: m.counts[table] ?? 0 })),
    attachments: m.entries.filter((e) => e.path !== DB_ENTRY).length,
  };
}

/** Reads just the manifest (for the list); null when the file is no readable backup. */
export async function readManifest(file: string): Promise<Manifest | null> {
  let zip: ZipReader | null = null;
  try {
    zip = await openZip(file);
    if (!zip.entries.has(MANIFEST)) return null;
    const parsed = manifestSchema.safeParse(JSON.parse((await zip.readBuffer(MANIFEST, MAX_MANIFEST)).toString('utf8')));
    return parsed.success && parsed.data.applicationId === APP_ID ? parsed.data : null;
  } catch {
    return null;
  } finally {
    zip?.close();
  }
}

export async function verifyBackup(file: string, opts: VerifyOptions): Promise<Verified> {
  if (!existsSync(file)) throw refuse(file, '文件不存在。');
  const size = statSync(file).size;
  if (size === 0) throw refuse(file, '文件是空的（0 字节），备份没有写完整。');
  if (head(file, 16) === 'SQLite format 3\0') {
    throw refuse(file, '这是一个 SQLite 数据库文件，不是台账备份文件。台账备份是“立即备份”生成的 .zip 文件。');
  }
  let zip: ZipReader;
  try {
    zip = await openZip(file);
  } catch {
    throw refuse(file, '无法作为 zip 压缩包读取，文件已损坏或不完整（例如复制时被中断）。');
  }
  try {
    return await check(file, zip, size, opts);
  } finally {
    zip.close();
  }
}

async function check(file: string, zip: ZipReader, size: number, opts: VerifyOptions): Promise<Verified> {
  if (!zip.entries.has(MANIFEST)) throw refuse(file, '压缩包中没有备份清单 manifest.json，这不是台账备份文件（可能是其他程序的压缩包）。');
  let raw: unknown;
  try {
    raw = JSON.parse((await zip.readBuffer(MANIFEST, MAX_MANIFEST)).toString('utf8'));
  } catch {
    throw refuse(file, '备份清单 manifest.json 已损坏，无法读取。');
  }
  const app = (raw as { applicationId?: unknown } | null)?.applicationId;
  if (app !== APP_ID) throw refuse(file, `这是其他程序的文件（程序标识：${typeof app === 'string' ? app.slice(0, 60) : '无'}），不是本台账的备份。`);
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > FORMAT_VERSION) {
    throw refuse(file, `备份由更新版本的台账程序生成（备份格式第 ${version} 版），本程序无法恢复。`, '当前数据没有任何改动。请先安装最新版本的台账程序，再恢复这个备份。');
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success || parsed.data.format !== FORMAT) throw refuse(file, '备份清单 manifest.json 的内容不完整或无法识别。');
  const m = parsed.data;
  const shipped = shippedTags(opts.tools);
  if (!shipped.includes(m.schemaVersion)) {
    throw refuse(file, `备份由更新版本的台账程序生成（数据版本 ${m.schemaVersion}，程序版本 ${m.appVersion}），本程序无法恢复。`, '当前数据没有任何改动。请先安装最新版本的台账程序，再恢复这个备份。');
  }
  const listed = new Set(m.entries.map((e) => e.path));
  if (!listed.has(DB_ENTRY)) throw refuse(file, '备份清单中没有数据库文件 ledger.db。');
  for (const e of m.entries) if (!safeEntryPath(e.path)) throw refuse(file, `备份清单中有不允许的文件路径“${e.path.slice(0, 80)}”。`);
  for (const name of zip.entries.keys()) {
    if (name !== MANIFEST && !listed.has(name)) throw refuse(file, `压缩包中有清单以外的文件“${name.slice(0, 80)}”。`);
  }

  mkdirSync(opts.scratchDir, { recursive: true });
  const dbFile = join(opts.scratchDir, DB_ENTRY);
  const total = m.entries.length + 1;
  let done = 0;
  for (const e of m.entries) {
    await opts.onProgress?.(done++, total, `正在核对备份中的文件（${done} / ${m.entries.length}）`);
    let got: { sha256: string; size: number };
    if (e.shared) {
      const shared = opts.sharedDir ? join(opts.sharedDir, e.sha256) : null;
      if (!shared || !existsSync(shared)) {
        throw refuse(file, `备份引用的附件“${e.path}”不在数据文件夹的 backups/files 中（自动备份的附件与备份文件分开保存，只能在本机恢复）。`);
      }
      got = await sha256OfFile(shared);
      if (opts.stageAttachments && got.sha256 === e.sha256) {
        const target = join(opts.scratchDir, ...e.path.split('/'));
        mkdirSync(join(target, '..'), { recursive: true });
        copyFileSync(shared, target);
      }
    } else {
      if (!zip.entries.has(e.path)) throw refuse(file, `备份中缺少文件“${e.path}”，备份不完整。`);
      let sink: string | undefined;
      if (e.path === DB_ENTRY) sink = dbFile;
      else if (opts.stageAttachments) {
        sink = join(opts.scratchDir, ...e.path.split('/'));
        mkdirSync(join(sink, '..'), { recursive: true });
      }
      try {
        got = await zip.extract(e.path, sink);
      } catch {
        throw refuse(file, `备份中的文件“${e.path}”无法解压，备份已损坏。`);
      }
    }
    if (got.sha256 !== e.sha256 || got.size !== e.size) throw refuse(file, `备份中的文件“${e.path}”与清单记录的校验值（SHA-256）不符，备份已损坏。`);
  }

  await opts.onProgress?.(done, total, '正在检查备份中的数据库');
  checkDatabase(file, dbFile, m, shipped, opts.tools);
  return { manifest: m, info: infoOf(m, basename(file), size), dbFile };
}

function checkDatabase(file: string, dbFile: string, m: Manifest, shipped: string[], tools: BackupTools): void {
  let db;
  try {
    db = openCopy(tools, dbFile, true);
  } catch {
    throw refuse(file, '备份中的数据库文件无法打开，备份已损坏。');
  }
  try {
    let rows: string[];
    try {
      rows = (db.pragma('integrity_check(5)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch {
      throw refuse(file, '备份中的数据库已损坏，或不是 SQLite 数据库。');
    }
    if (rows.length !== 1 || rows[0] !== 'ok') throw refuse(file, '备份中的数据库未通过完整性检查（integrity_check），备份已损坏。');
    const facts = readFacts(db);
    if (facts.tags.length === 0 || !('settings' in facts.counts)) throw refuse(file, '备份中的数据库不是台账数据库（没有台账的数据表）。');
    facts.tags.forEach((tag, i) => {
      if (shipped[i] !== tag) throw refuse(file, `备份中的数据库由更新版本的台账程序写入（数据版本 ${tag}），本程序无法恢复。`, '当前数据没有任何改动。请先安装最新版本的台账程序，再恢复这个备份。');
    });
    if (facts.tags.at(-1) !== m.schemaVersion) throw refuse(file, `备份中的数据库版本（${facts.tags.at(-1)}）与清单记录的版本（${m.schemaVersion}）不一致。`);
    for (const [table, count] of Object.entries(m.counts)) {
      if (facts.counts[table] !== count) throw refuse(file, `备份中的数据与清单记录的行数不符（${table}：清单 ${count} 行，实际 ${facts.counts[table] ?? 0} 行），备份不完整。`);
    }
  } finally {
    db.close();
  }
}
