/** What the backup API says and takes. Pure zod: the contract (and so the renderer) imports it. */
import { z } from 'zod';

/** Why a backup was taken; automatic ones live in <dataDir>/backups and are rotated. */
export const BACKUP_KINDS = ['manual', 'daily', 'before-restore', 'before-import'] as const;
export const backupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKind>;
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  manual: '手动备份',
  daily: '每日自动备份',
  'before-restore': '恢复前自动备份',
  'before-import': '导入前自动备份',
};

export const manifestEntry = z.object({
  /** Path inside the archive (ledger.db, attachments/2026/….pdf). */
  path: z.string().min(1).max(500),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Kept once in <dataDir>/backups/files/<sha256> instead of inside the archive (automatic backups only). */
  shared: z.boolean().optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

export const manifest = z.object({
  format: z.literal('grassroots-ledger-backup'),
  formatVersion: z.number().int().min(1),
  applicationId: z.string(),
  appVersion: z.string(),
  /** The last applied migration tag (`__ledger_migrations`). */
  schemaVersion: z.string(),
  kind: backupKind,
  townName: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
  /** Rows per table of the contained database. */
  counts: z.record(z.string(), z.number().int().min(0)),
  entries: z.array(manifestEntry),
});
export type Manifest = z.infer<typeof manifest>;

/** The few counts a clerk recognises, in the order the inspect screen shows them. */
export const MAIN_TABLES: { table: string; label: string }[] = [
  { table: 'org_units', label: '村（社区）' },
  { table: 'people', label: '人员' },
  { table: 'member_records', label: '发展党员档案' },
  { table: 'reserves', label: '后备人才' },
  { table: 'centres', label: '服务中心' },
  { table: 'attachments', label: '附件' },
  { table: 'audit_log', label: '操作日志' },
];

export const backupInfo = z.object({
  fileName: z.string(),
  kind: backupKind,
  kindLabel: z.string(),
  townName: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
  schemaVersion: z.string(),
  appVersion: z.string(),
  /** Size of the archive plus the shared attachment files it refers to. */
  size: z.number().int(),
  counts: z.array(z.object({ table: z.string(), label: z.string(), count: z.number().int() })),
  attachments: z.number().int(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupListItem = z.object({
  fileName: z.string(),
  kind: backupKind,
  kindLabel: z.string(),
  createdAt: z.string(),
  size: z.number().int(),
});
export type BackupListItem = z.infer<typeof backupListItem>;

/** A file name in <dataDir>/backups: never a path, so the renderer cannot point anywhere else. */
const backupFileName = z
  .string()
  .min(5)
  .max(200)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+\.zip$/, '备份文件名应为 backups 文件夹中的一个 .zip 文件名')
  .refine((n) => !n.startsWith('.'), '备份文件名不能以“.”开头');

/** Either one of the listed backups, or a file the clerk picked (sent as base64). */
export const backupSource = z.union([
  z.object({ fileName: backupFileName }),
  z.object({ upload: z.object({ fileName: z.string().min(1).max(200), base64: z.string().min(1) }) }),
]);
export type BackupSource = z.infer<typeof backupSource>;

export const restoreInput = z.object({ source: backupSource, confirm: z.literal(true, { message: '恢复会替换当前全部数据，请先确认' }) });

export const backupFile = z.object({ fileName: z.string(), base64: z.string() });

export const rotationSettings = z.object({
  daily: z.number().int().min(1, '每日备份至少保留 1 份').max(365, '每日备份最多保留 365 份'),
  monthly: z.number().int().min(0, '每月备份不能少于 0 份').max(120, '每月备份最多保留 120 份'),
});
export type RotationSettings = z.infer<typeof rotationSettings>;
export const DEFAULT_ROTATION: RotationSettings = { daily: 30, monthly: 12 };

export const createResult = z.object({ fileName: z.string(), size: z.number().int(), info: backupInfo });
export const restoreResult = z.object({ restored: backupInfo, safetyBackup: z.string() });
