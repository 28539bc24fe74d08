/**
 * The demo county's backups: a folder beside the demo ledger with the daily backup on and one backup made,
 * so 备份与恢复 shows a working set-up. A real office backs up to a USB stick, never into the data folder.
 */
import fs from 'node:fs';
import type { Backend } from '../app/backend';
import type { Actor } from '../audit/audit.service';
import { createBackup } from '../backup/backup.service';
import { writeBackupPolicy } from '../backup/backup-policy';

export async function demoBackup(backend: Backend, admin: Actor, folder: string): Promise<{ folder: string; fileName: string }> {
  fs.mkdirSync(folder, { recursive: true });
  await writeBackupPolicy(backend.store.db, { folder, daily: true, time: '17:30', keep: 14 });
  const backup = await createBackup(backend, folder, 'manual', admin);
  return { folder, fileName: backup.fileName };
}
