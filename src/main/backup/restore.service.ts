/**
 * Restoring a backup. The backup is read whole (digest), its ledger copy extracted beside the ledger and
 * checked (opens with the key, integrity, audit chain, known schema) and brought to this version's schema;
 * only then is the current ledger replaced, in one rename. The replaced ledger and its key envelope are
 * kept in a dated folder inside the data folder, so a restore never loses anything either.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordAudit, type Actor } from '../audit/audit.service';
import { AppError } from '../../shared/api/errors';
import { unwrapUserKey, writeEnvelope } from '../auth/key-envelope';
import type { LedgerStore } from '../db/ledger-store';
import { acquireLedgerLock } from '../db/ledger-lock';
import { migrateToLatest } from '../db/migrate';
import { openEncryptedDatabase, wrapWithKysely } from '../db/open';
import { backupRejected, checkBackupFile, extractDatabase, type BackupLayout } from './backup-file';
import { checkLedgerCopy, removeCopy } from './ledger-copy';
import { localStamp } from './backup-folder';

export interface RestoreOptions {
  /** The ledger the backup must belong to (the one open, or the one in the data folder); null into an empty folder. */
  expectLedgerId: string | null;
  actor: Actor;
  at: Date;
}

export interface RestoreResult {
  restoredFrom: string;
  backupCreatedAt: string;
  previousKeptIn: string | null;
}

/** Reads and checks the whole backup file; refuses one of another ledger. */
export function readBackupFor(file: string, expectLedgerId: string | null): BackupLayout {
  const layout = checkBackupFile(file);
  if (expectLedgerId !== null && layout.header.ledgerId !== expectLedgerId) {
    throw backupRejected('foreign', `这是另一个台账（${layout.header.countyName}）的备份，不能恢复到本台账。如需打开它，请恢复到一个空的数据文件夹`);
  }
  return layout;
}

/** Moves the current ledger aside into `恢复前的台账-…`; the ledger file itself stays until the rename over it. */
function keepCurrent(store: LedgerStore, at: Date): string | null {
  if (!fs.existsSync(store.ledgerPath)) return null;
  let kept = path.join(store.dataDir, `恢复前的台账-${localStamp(at)}`);
  for (let n = 2; fs.existsSync(kept); n += 1) kept = path.join(store.dataDir, `恢复前的台账-${localStamp(at)}-${n}`);
  fs.mkdirSync(kept, { mode: 0o700 });
  const ledgerName = path.basename(store.ledgerPath);
  try {
    fs.linkSync(store.ledgerPath, path.join(kept, ledgerName));
  } catch {
    fs.copyFileSync(store.ledgerPath, path.join(kept, ledgerName));
  }
  if (fs.existsSync(store.envelopePath)) fs.copyFileSync(store.envelopePath, path.join(kept, path.basename(store.envelopePath)));
  // A stale WAL beside the restored file would be replayed into it: it goes with the old ledger.
  for (const suffix of ['-wal', '-shm']) {
    const file = `${store.ledgerPath}${suffix}`;
    if (fs.existsSync(file)) fs.renameSync(file, path.join(kept, `${ledgerName}${suffix}`));
  }
  return kept;
}

/** Replaces the ledger in `store`'s folder by the backup; the store must be closed or is closed here. */
export async function restoreFromBackup(store: LedgerStore, file: string, key: Buffer, options: RestoreOptions): Promise<RestoreResult> {
  const layout = readBackupFor(file, options.expectLedgerId);
  fs.mkdirSync(store.dataDir, { recursive: true, mode: 0o700 });
  const copy = path.join(store.dataDir, `.doudi-restore-${crypto.randomBytes(6).toString('hex')}.partial`);
  try {
    extractDatabase(file, layout, copy);
    await checkLedgerCopy(copy, key);
    const open = wrapWithKysely(openEncryptedDatabase(copy, key, { create: false }));
    try {
      await migrateToLatest(open.db);
      await recordAudit(open.db, options.actor, options.at, {
        action: 'backup.restore',
        entity: 'ledger',
        entityId: layout.header.ledgerId,
        after: { fileName: path.basename(file), backupCreatedAt: layout.header.createdAt },
      });
    } finally {
      await open.close();
    }
    await store.close();
    // Held while the files change hands: a running app (or a second restore) is refused, not overwritten.
    const release = acquireLedgerLock(store.dataDir);
    try {
      const previousKeptIn = keepCurrent(store, options.at);
      fs.renameSync(copy, store.ledgerPath);
      writeEnvelope(store.envelopePath, layout.header.envelope);
      return { restoredFrom: path.basename(file), backupCreatedAt: layout.header.createdAt, previousKeptIn };
    } finally {
      release();
    }
  } finally {
    removeCopy(copy);
  }
}

/** Everything a restore would check, without restoring: the digest, the owner, and the ledger copy itself. */
export async function checkBackup(store: LedgerStore, file: string, key: Buffer, expectLedgerId: string): Promise<{ layout: BackupLayout; auditEntries: number }> {
  const layout = readBackupFor(file, expectLedgerId);
  const copy = path.join(store.dataDir, `.doudi-check-${crypto.randomBytes(6).toString('hex')}.partial`);
  try {
    extractDatabase(file, layout, copy);
    const facts = await checkLedgerCopy(copy, key);
    return { layout, auditEntries: facts.auditEntries };
  } finally {
    removeCopy(copy);
  }
}

/** The ledger key from a backup's own envelope, for a restore where no ledger is open (the command line). */
export async function unlockBackup(file: string, username: string, password: string): Promise<{ layout: BackupLayout; key: Buffer }> {
  const layout = checkBackupFile(file);
  const { envelope } = layout.header;
  // Unknown, disabled at backup time or a wrong password: the backup says nothing about which.
  const result = await unwrapUserKey(envelope, username, password);
  if (!result.ok) throw new AppError('WRONG_CREDENTIALS', `用户名或密码错误：须用备份时 ${username} 的密码`);
  return { layout, key: result.key };
}
