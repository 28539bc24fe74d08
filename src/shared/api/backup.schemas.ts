/** Wire shapes of backups: where and how often they are made, the last result, the files in the folder. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password';

/** A folder or file on this computer (a USB stick): absolute, as the clerk typed or chose it. */
const localPath = z
  .string()
  .trim()
  .min(1, '请填写位置')
  .max(1000, '路径太长')
  .refine((p) => !p.includes('\0'), '路径含有无效字符');

export const backupPolicySchema = z.object({
  folder: localPath.nullable(),
  /** A backup every day once `time` has passed (or at the next start of the day's work). */
  daily: z.boolean(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM'),
  /** Daily backups kept in the folder; older ones are removed. Manual backups are never removed. */
  keep: z.number().int().min(1, '至少保留 1 份').max(365, '最多保留 365 份'),
});
export type BackupPolicy = z.infer<typeof backupPolicySchema>;

export const backupKindSchema = z.enum(['manual', 'scheduled']);

export const backupResultSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  kind: backupKindSchema,
  /** Audit entries checked in the copy before it was kept. */
  auditEntries: z.number().int(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

export const backupLastSchema = z.object({
  at: z.string(),
  kind: backupKindSchema,
  ok: z.boolean(),
  fileName: z.string().nullable(),
  bytes: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type BackupLast = z.infer<typeof backupLastSchema>;

export const backupFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string().nullable(),
  kind: backupKindSchema.nullable(),
  countyName: z.string().nullable(),
  /** A backup of this ledger (not of another county's). */
  sameLedger: z.boolean(),
  /** Why the file cannot be used, read from its header only (the full check reads every byte). */
  problem: z.string().nullable(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export const backupStatusSchema = z.object({
  policy: backupPolicySchema,
  last: backupLastSchema.nullable(),
  /** The last successful backup, so a failure does not hide how old the newest good one is. */
  lastGood: backupLastSchema.nullable(),
  files: z.array(backupFileSchema),
  /** Why the folder could not be listed (stick not plugged in …). */
  folderProblem: z.string().nullable(),
  /** What the administrator must see first (the page and the 工作台 both show it), or null when all is well. */
  attention: z
    .object({
      kind: z.enum(['failed', 'never', 'stale']),
      message: z.string(),
      /** When the failed attempt or the last good backup was. */
      at: z.string().nullable(),
    })
    .nullable(),
});

export const backupCheckSchema = z.object({
  fileName: z.string(),
  createdAt: z.string(),
  kind: backupKindSchema,
  countyName: z.string(),
  bytes: z.number().int(),
  auditEntries: z.number().int(),
});

export const backupCreateInputSchema = z.object({
  folder: localPath.optional(),
  /** A name of the caller's choosing (the command line's --out); by default a dated one. */
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\\/:*?"<>|\0]+$/, '文件名不能含有路径或特殊字符')
    // File systems allow 255 bytes a name: 200 characters of Chinese are 600.
    .refine((name) => new TextEncoder().encode(name).length <= 200, '文件名太长（中文不超过 60 字）')
    .optional(),
});

export const backupFileInputSchema = z.object({ path: localPath });
export const backupRestoreInputSchema = z.object({
  path: localPath,
  /** The administrator's password again: a restore replaces the whole ledger. */
  password: z.string().min(1, '请输入密码').max(PASSWORD_MAX_LENGTH),
});
export const backupRestoreResultSchema = z.object({
  restoredFrom: z.string(),
  backupCreatedAt: z.string(),
  /** Where the replaced ledger was kept, inside the data folder. */
  previousKeptIn: z.string(),
});
