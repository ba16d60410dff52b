/**
 * Which automatic backups stay: every one from today, the newest of each of the last `daily` days that have one, and
 * the newest of each of the last `monthly` months. Manual backups are never removed. A shared attachment file goes
 * only when no remaining archive's manifest names it.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import type { LedgerContext } from '../context';
import { readJsonSetting, writeJsonSetting } from '../org/json-setting';
import { backupsDir, serially, sharedDir } from './create';
import { DEFAULT_ROTATION, rotationSettings, type Manifest, type RotationSettings } from './schemas';
import { readManifest } from './verify';

const KEY = 'backup.rotation';

export function getRotation(ctx: LedgerContext): RotationSettings {
  return readJsonSetting(ctx, KEY, rotationSettings, DEFAULT_ROTATION, (s) => ({ ...DEFAULT_ROTATION, ...s }));
}

export function updateRotation(ctx: LedgerContext, next: RotationSettings): RotationSettings {
  return writeJsonSetting(ctx, KEY, next, () => getRotation(ctx), { entity: 'backup_settings', summary: `修改自动备份保留份数：每日 ${next.daily} 份，每月 ${next.monthly} 份` });
}

export interface StoredBackup {
  fileName: string;
  file: string;
  size: number;
  manifest: Manifest;
}

/** Every readable backup archive in <dataDir>/backups, newest first; half-written *.tmp files are never among them. */
export async function storedBackups(ctx: LedgerContext): Promise<StoredBackup[]> {
  const dir = backupsDir(ctx);
  if (!existsSync(dir)) return [];
  const found: StoredBackup[] = [];
  for (const fileName of readdirSync(dir)) {
    if (!fileName.endsWith('.zip')) continue;
    const file = join(dir, fileName);
    const manifest = await readManifest(file);
    if (manifest) found.push({ fileName, file, size: statSync(file).size, manifest });
  }
  return found.sort((a, b) => b.manifest.createdAt.localeCompare(a.manifest.createdAt) || b.fileName.localeCompare(a.fileName));
}

/** The pure choice, exported for the tests: the file names to keep among the automatic backups given. */
export function chooseKept(backups: { fileName: string; createdAt: string }[], settings: RotationSettings, today: string): Set<string> {
  const keep = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  const sorted = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
  for (const b of sorted) {
    const day = b.createdAt.slice(0, 10);
    const month = b.createdAt.slice(0, 7);
    if (day === today) keep.add(b.fileName);
    if (!days.has(day)) {
      days.add(day);
      if (days.size <= settings.daily) keep.add(b.fileName);
    }
    if (!months.has(month)) {
      months.add(month);
      if (months.size <= settings.monthly) keep.add(b.fileName);
    }
  }
  return keep;
}

export function rotateBackups(ctx: LedgerContext): Promise<{ removed: string[]; removedFiles: number }> {
  return serially(async () => {
    const all = await storedBackups(ctx);
    const automatic = all.filter((b) => b.manifest.kind !== 'manual');
    const keep = chooseKept(
      automatic.map((b) => ({ fileName: b.fileName, createdAt: b.manifest.createdAt })),
      getRotation(ctx),
      dayjs(ctx.now()).format('YYYY-MM-DD'),
    );
    const removed: string[] = [];
    for (const b of automatic) {
      if (keep.has(b.fileName)) continue;
      rmSync(b.file, { force: true });
      removed.push(b.fileName);
    }
    const referenced = new Set(all.filter((b) => !removed.includes(b.fileName)).flatMap((b) => b.manifest.entries.filter((e) => e.shared).map((e) => e.sha256)));
    let removedFiles = 0;
    const shared = sharedDir(ctx);
    if (existsSync(shared)) {
      for (const name of readdirSync(shared)) {
        if (!/^[0-9a-f]{64}$/.test(name) || referenced.has(name)) continue;
        rmSync(join(shared, name), { force: true });
        removedFiles++;
      }
    }
    return { removed, removedFiles };
  });
}
