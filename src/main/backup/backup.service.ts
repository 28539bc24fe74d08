/**
 * Backups of the open ledger: VACUUM INTO writes a consistent, still-encrypted copy (SQLite3MC keeps the
 * ledger key), which is checked (opens, integrity, audit chain) before it is wrapped with the key envelope
 * into one backup file; the finished file is then read back byte for byte. Nothing is left under the
 * final name unless all of that passed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupPolicy, BackupResult } from '../../shared/api/backup.schemas';
import { AppError } from '../../shared/api/errors';
import type { Backend } from '../app/backend';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit.service';
import { loadSettings } from '../settings/settings.service';
import { backupFileName, folderFault, isBackupFileName, usableFolder } from './backup-folder';
import { checkBackupFile, readBackupHeader, writeBackupFile, type BackupHeader } from './backup-file';
import { dailyBackupDue, readBackupState, writeBackupLast } from './backup-policy';
import { checkLedgerCopy, removeCopy } from './ledger-copy';

const tempName = (folder: string, purpose: string) => path.join(folder, `.doudi-${purpose}-${crypto.randomBytes(6).toString('hex')}.partial`);

/** Writes a backup into `folder`, under a dated name or `fileName` (the command line's --out), never over a file. */
export async function createBackup(backend: Backend, folder: string, kind: 'manual' | 'scheduled', actor: Actor, fileName?: string): Promise<BackupResult> {
  const { store } = backend;
  const dir = usableFolder(folder);
  const settings = await loadSettings(store.db);
  const at = backend.clock.now();
  const name = fileName ?? backupFileName(dir, settings.county.code, at, kind);
  const target = path.join(dir, name);
  if (fs.existsSync(target)) throw new AppError('CONFLICT', `已有同名文件，不会覆盖：${target}`);
  const copy = tempName(dir, 'copy');
  const partial = tempName(dir, 'backup');
  let result: BackupResult;
  try {
    store.rawDatabase().prepare('VACUUM INTO ?').run(copy);
    const facts = await checkLedgerCopy(copy, store.currentKey());
    const header: BackupHeader = {
      format: 'doudi-backup',
      version: 1,
      createdAt: at.toISOString(),
      kind,
      ledgerId: settings.ledgerId,
      countyCode: settings.county.code,
      countyName: settings.county.name,
      migrations: facts.migrations,
      dbBytes: fs.statSync(copy).size,
      envelope: store.readEnvelope(),
    };
    writeBackupFile(partial, header, copy);
    fs.renameSync(partial, target);
    // Read back what reached the folder, not what we meant to write.
    checkBackupFile(target);
    result = { path: target, fileName: name, bytes: fs.statSync(target).size, createdAt: header.createdAt, kind, auditEntries: facts.auditEntries };
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw folderFault(err, dir);
  } finally {
    removeCopy(copy);
    fs.rmSync(partial, { force: true });
  }
  await store.db.transaction().execute(async (trx) => {
    await writeBackupLast(trx, { at: result.createdAt, kind, ok: true, fileName: name, bytes: result.bytes, error: null });
    await recordAudit(trx, actor, at, { action: 'backup.create', entity: 'ledger', entityId: settings.ledgerId, after: { fileName: name, bytes: result.bytes, kind } });
  });
  return result;
}

/** Records a failed attempt, so the 工作台 and the backup page can say so. */
export async function recordBackupFailure(backend: Backend, kind: 'manual' | 'scheduled', message: string): Promise<void> {
  await writeBackupLast(backend.store.db, { at: backend.clock.now().toISOString(), kind, ok: false, fileName: null, bytes: null, error: message });
}

/** The backups in a folder, newest first, read from their headers only. */
export function listBackups(folder: string, ledgerId: string): BackupFile[] {
  const dir = usableFolder(folder);
  const files: BackupFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!isBackupFileName(name)) continue;
    const full = path.join(dir, name);
    const bytes = fs.statSync(full).size;
    try {
      const { header } = readBackupHeader(full);
      const sameLedger = header.ledgerId === ledgerId;
      files.push({
        path: full,
        fileName: name,
        bytes,
        createdAt: header.createdAt,
        kind: header.kind,
        countyName: header.countyName,
        sameLedger,
        problem: sameLedger ? null : `这是另一个台账（${header.countyName}）的备份`,
      });
    } catch (err) {
      files.push({ path: full, fileName: name, bytes, createdAt: null, kind: null, countyName: null, sameLedger: false, problem: err instanceof AppError ? err.message : '无法读取' });
    }
  }
  return files.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

/** Removes daily backups of this ledger beyond the newest `keep`; manual backups are the clerk's to remove. */
export function pruneScheduledBackups(policy: BackupPolicy, ledgerId: string): string[] {
  if (!policy.folder) return [];
  const scheduled = listBackups(policy.folder, ledgerId).filter((f) => f.sameLedger && f.kind === 'scheduled');
  const removed = scheduled.slice(policy.keep);
  for (const f of removed) fs.rmSync(f.path, { force: true });
  return removed.map((f) => f.fileName);
}

/** The daily backup, when due: written, checked, older ones pruned; a failure is recorded, never thrown. */
export async function runDueBackup(backend: Backend): Promise<'done' | 'failed' | 'not_due'> {
  if (!backend.store.isOpen()) return 'not_due';
  const { policy, last, lastGood } = await readBackupState(backend.store.db);
  if (!policy.folder || !dailyBackupDue(policy, last, lastGood, backend.clock.now())) return 'not_due';
  try {
    await createBackup(backend, policy.folder, 'scheduled', SYSTEM_ACTOR);
    const settings = await loadSettings(backend.store.db);
    pruneScheduledBackups(policy, settings.ledgerId);
    return 'done';
  } catch (err) {
    const message = err instanceof AppError ? err.message : '自动备份失败';
    backend.log.error('backup.scheduled_failed', err);
    if (backend.store.isOpen()) await recordBackupFailure(backend, 'scheduled', message);
    return 'failed';
  }
}
