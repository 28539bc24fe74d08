/**
 * Where and how often the ledger is backed up, and how the last attempt went; kept in the ledger's
 * settings so the policy travels with the ledger. A failed attempt is retried after a pause, not
 * every minute, so an absent USB stick does not flood the log.
 */
import type { BackupLast, BackupPolicy } from '../../shared/api/backup.schemas';
import { backupLastSchema, backupPolicySchema } from '../../shared/api/backup.schemas';
import type { Executor } from '../db/schema';
import { readSettings, writeSetting } from '../settings/settings.repository';

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { folder: null, daily: false, time: '17:30', keep: 14 };
const RETRY_AFTER_FAILURE_MS = 30 * 60_000;

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, text: string | undefined): T | null {
  if (!text) return null;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export async function readBackupState(db: Executor): Promise<{ policy: BackupPolicy; last: BackupLast | null; lastGood: BackupLast | null }> {
  const s = await readSettings(db);
  return {
    policy: parsed(backupPolicySchema, s.backup_policy) ?? DEFAULT_BACKUP_POLICY,
    last: parsed(backupLastSchema, s.backup_last),
    lastGood: parsed(backupLastSchema, s.backup_last_good),
  };
}

export async function writeBackupPolicy(db: Executor, policy: BackupPolicy): Promise<void> {
  await writeSetting(db, 'backup_policy', JSON.stringify(policy));
}

export async function writeBackupLast(db: Executor, last: BackupLast): Promise<void> {
  await writeSetting(db, 'backup_last', JSON.stringify(last));
  if (last.ok) await writeSetting(db, 'backup_last_good', JSON.stringify(last));
}

/** The latest moment the daily backup was scheduled for: today at `time`, or yesterday's before then. */
function lastScheduledMoment(time: string, now: Date): Date {
  const moment = new Date(now);
  moment.setHours(Number(time.slice(0, 2)), Number(time.slice(3, 5)), 0, 0);
  if (moment.getTime() > now.getTime()) moment.setDate(moment.getDate() - 1);
  return moment;
}

/**
 * Whether the daily backup should run now (local time of this computer): nothing good has been written
 * since the last scheduled moment, so a computer that was off at that time catches up when it is next used.
 */
export function dailyBackupDue(policy: BackupPolicy, last: BackupLast | null, lastGood: BackupLast | null, now: Date): boolean {
  if (!policy.daily || !policy.folder) return false;
  const moment = lastScheduledMoment(policy.time, now);
  if (lastGood && new Date(lastGood.at).getTime() >= moment.getTime()) return false;
  if (last && !last.ok && now.getTime() - new Date(last.at).getTime() < RETRY_AFTER_FAILURE_MS) return false;
  return true;
}

/** A good backup older than this is worth a warning. */
const STALE_DAYS = 7;

/** The one thing about backups the administrator should see first: a failed attempt, none ever, or an old one. */
export function backupAttention(last: BackupLast | null, lastGood: BackupLast | null, now: Date) {
  if (last && !last.ok) {
    return { kind: 'failed' as const, at: last.at, message: `${last.kind === 'scheduled' ? '自动' : ''}备份失败：${last.error ?? '原因不明'}` };
  }
  if (!lastGood) return { kind: 'never' as const, at: null, message: '本台账还没有备份。电脑损坏或丢失时，没有备份的台账无法找回。' };
  const days = Math.floor((now.getTime() - new Date(lastGood.at).getTime()) / 86_400_000);
  if (days > STALE_DAYS) return { kind: 'stale' as const, at: lastGood.at, message: `最近一次成功备份已是 ${days} 天前` };
  return null;
}
